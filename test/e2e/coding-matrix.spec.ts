/**
 * The Coding matrix view (issue 13), by role and name: three-level code paths
 * in several sections and colours, the numbers as text, Columns switched to
 * Colours, a click on a cell filtering the Annotations panel to exactly the
 * annotations it counts (a parent rolls up its children, and an annotation coded
 * twice under one parent counts once), the co-occurrence list, text contrast on
 * the strongest shade in every theme, and screenshots in light and dark (in
 * test-results/screenshots/).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, REPO_ROOT } from './support/fixtures';
import { createThroughClient, items, panel, ready } from './annotate-helpers';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

const P1 = 'The government maintained insufficient efforts to protect victims';
const P2 = 'Lack of standardized guidelines, poor coordination among ministries';
const P3 = 'The government maintained inadequate law enforcement efforts';
const P4 = 'a lack of political will to adequately do so';
const P5 = 'did not have nationwide standard operating procedures';
const P6 = 'poor coordination among ministries, and misunderstanding';

async function seed(page: Page): Promise<void> {
  await ready(page);
  // Protection: P1 carries two codes under Labour/TITP, P2 one, P5 and P6 (which overlaps P2) another theme.
  await createThroughClient(page, P1, { color: 'gap', tags: ['Labour/TITP/Debt bondage', 'Labour/TITP/Wages'] });
  await createThroughClient(page, P2, { color: 'key', tags: ['Labour/TITP/Debt bondage'] });
  await createThroughClient(page, P5, { color: 'gap', tags: ['Sex/Children'] });
  await createThroughClient(page, P6, { color: 'key', tags: ['Sex/Children'] });
  await createThroughClient(page, P3, { color: 'key', tags: ['Labour/TITP/Wages'] });
  await createThroughClient(page, P4, { color: 'question', tags: ['Labour/Forced labour'] });
  await page.reload();
  await ready(page);
  // The panel's list is virtualized: it says its size rather than rendering every card
  // (with this session's taller panel filters, the sixth card is below the rendered window).
  await expect(panel(page).getByText('6 highlights')).toBeVisible();
  await expect(items(page).first()).toHaveAttribute('aria-setsize', '6');
}

const region = (page: Page) => page.getByRole('region', { name: 'Coding matrix', exact: true });
const table = (page: Page) => region(page).getByRole('table');

/** The numbers of a row, as the table shows them as text (header cells aside). */
async function rowNumbers(page: Page, path: string): Promise<string[]> {
  const row = table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: path, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

/** The panel shows exactly these passages. */
async function expectPanelShows(page: Page, phrases: string[]): Promise<void> {
  await expect(items(page)).toHaveCount(phrases.length);
  for (const phrase of phrases) await expect(items(page).filter({ hasText: phrase })).toHaveCount(1);
}

async function openMatrix(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Coding matrix', exact: true }).click();
  await expect(region(page)).toBeVisible();
  await expect(table(page)).toBeVisible();
  return region(page);
}

test('the coding matrix counts codes by section and colour, and a cell filters the panel to exactly its annotations', async ({ page }) => {
  await seed(page);
  const matrix = await openMatrix(page);
  await expect(region(page).getByRole('region', { name: 'Codes by sections' })).toHaveAttribute('tabindex', '0');
  await expect(table(page).locator('caption')).toContainText('Annotations per code and section');

  const headers = await table(page).getByRole('columnheader').allInnerTexts();
  expect(headers[0]).toBe('Code');
  expect(headers.at(-1)).toBe('Total');
  const col = (label: string) => headers.indexOf(label) - 1;
  expect(col('Protection')).toBeGreaterThanOrEqual(0);
  expect(col('Prosecution')).toBeGreaterThanOrEqual(0);
  expect(col('Prevention')).toBeGreaterThanOrEqual(0);

  // Rows in tree order, the whole path named in each row header.
  const paths = ['Labour', 'Labour/Forced labour', 'Labour/TITP', 'Labour/TITP/Debt bondage', 'Labour/TITP/Wages', 'Sex', 'Sex/Children'];
  const rowHeaders = table(page).getByRole('rowheader');
  await expect(rowHeaders).toHaveCount(paths.length);
  for (const [i, p] of paths.entries()) await expect(rowHeaders.nth(i)).toHaveAccessibleName(p);
  const titp = await rowNumbers(page, 'Labour/TITP');
  // P1 (two codes under TITP) counts once: P1 and P2 in Protection, P3 in Prosecution.
  expect([titp[col('Protection')], titp[col('Prosecution')], titp[col('Prevention')], titp.at(-1)]).toEqual(['2', '1', '0', '3']);
  const labour = await rowNumbers(page, 'Labour');
  expect([labour[col('Protection')], labour[col('Prosecution')], labour[col('Prevention')], labour.at(-1)]).toEqual(['2', '1', '1', '4']);
  const debt = await rowNumbers(page, 'Labour/TITP/Debt bondage');
  expect([debt[col('Protection')], debt.at(-1)]).toEqual(['2', '2']);

  // A parent's cell shows exactly what it counts in the panel.
  await matrix.getByRole('button', { name: 'Labour/TITP in Protection: 2 annotations', exact: true }).click();
  await expectPanelShows(page, [P1, P2]);
  await expect(panel(page).locator('.fm-panel-summary')).toHaveText('Showing 2 of 6');
  await matrix.getByRole('button', { name: 'Labour in all sections: 4 annotations', exact: true }).click();
  await expectPanelShows(page, [P1, P2, P3, P4]);
  await expect(region(page).getByRole('status')).toHaveText('Annotations panel filtered to Labour in all sections: 4 annotations.');

  // Colours across.
  await matrix.getByRole('radio', { name: 'Colours' }).check();
  await expect(table(page).locator('caption')).toContainText('Annotations per code and colour');
  const colourHeaders = await table(page).getByRole('columnheader').allInnerTexts();
  expect(colourHeaders.slice(1)).toEqual(['Key finding', 'Gap or failure', 'Progress', 'Statistic', 'Question', 'Total']);
  expect(await rowNumbers(page, 'Labour/TITP')).toEqual(['2', '1', '0', '0', '0', '3']);
  expect(await rowNumbers(page, 'Sex/Children')).toEqual(['1', '1', '0', '0', '0', '2']);
  await matrix.getByRole('button', { name: 'Labour/TITP in Key finding: 2 annotations', exact: true }).click();
  await expectPanelShows(page, [P2, P3]);
  await matrix.getByRole('button', { name: 'Labour in Question: 1 annotation', exact: true }).click();
  await expectPanelShows(page, [P4]);

  // Co-occurrence: on one annotation (P1), and across overlapping passages (P2 with P6).
  const pairs = matrix.getByRole('region', { name: 'Co-occurrence' }).getByRole('listitem');
  await expect(pairs).toHaveCount(2);
  expect((await pairs.allInnerTexts()).sort()).toEqual(['Labour/TITP/Debt bondage + Labour/TITP/Wages: 1', 'Labour/TITP/Debt bondage + Sex/Children: 1'].sort());
  await pairs.getByRole('button', { name: 'Labour/TITP/Debt bondage + Sex/Children: 1' }).click();
  await expectPanelShows(page, [P1, P2, P5, P6]);

  // Escape closes the view and focus goes back to its button.
  await region(page).getByRole('radio', { name: 'Colours' }).focus();
  await page.keyboard.press('Escape');
  await expect(region(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Coding matrix', exact: true })).toBeFocused();
});

test('the matrix follows changes, keeps text contrast on its strongest shade, and looks right in light and dark', async ({ page }) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await seed(page);
  const matrix = await openMatrix(page);
  await expect(matrix.getByRole('button', { name: 'Sex/Children in all sections: 2 annotations', exact: true })).toBeVisible();

  // Deleting an annotation in the panel updates the open matrix.
  await items(page).filter({ hasText: P5 }).getByRole('button', { name: /^Edit note and tags/ }).click();
  // The card may open under the sheet: Delete is pressed from the keyboard.
  await page.getByRole('dialog', { name: /^Protection ¶/ }).getByRole('button', { name: 'Delete' }).press('Enter');
  await expect(matrix.getByRole('button', { name: 'Sex/Children in all sections: 1 annotation', exact: true })).toBeVisible();

  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    const worst = await table(page).evaluate((el) => {
      const rgb = (css: string): number[] => {
        const n = css.match(/[\d.]+/g)!.map(Number);
        return css.startsWith('color(') ? n.slice(0, 3).map((v) => v * 255) : n.slice(0, 3);
      };
      const lum = (c: number[]) => {
        const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(c[0]!) + 0.7152 * lin(c[1]!) + 0.0722 * lin(c[2]!);
      };
      let min = Infinity;
      for (const button of el.querySelectorAll('.cm-cell-button')) {
        const [hi, lo] = [lum(rgb(getComputedStyle(button).color)), lum(rgb(getComputedStyle(button.parentElement!).backgroundColor))].sort((x, y) => y - x);
        min = Math.min(min, (hi! + 0.05) / (lo! + 0.05));
      }
      return min;
    });
    expect(worst, `${theme}: weakest text contrast in a shaded cell`).toBeGreaterThanOrEqual(4.5);
    if (theme !== 'Sepia') {
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `coding-matrix-${theme.toLowerCase()}.png`) });
    }
  }

  // At 800 × 600 the view still opens over the whole width and its table scrolls.
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(region(page)).toBeVisible();
  await expect(table(page)).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'coding-matrix-800x600-dark.png') });
});

test('on a narrow window a cell click opens the Annotations drawer showing the filtered annotations', async ({ page }) => {
  await seed(page);
  await page.setViewportSize({ width: 800, height: 600 });
  const drawer = page.getByRole('complementary', { name: 'Annotations' });
  await expect(drawer).toBeHidden();
  await page.getByRole('button', { name: 'Coding matrix', exact: true }).click();
  await region(page).getByRole('button', { name: 'Labour/TITP/Wages in Protection: 1 annotation' }).click();
  await expect(drawer).toBeVisible();
  await expect(page.getByRole('button', { name: 'Annotations', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(items(page)).toHaveCount(1);
  await expect(items(page).first()).toContainText(P1);
});

test('one side sheet at a time: opening the Coding matrix closes the Codebook, and Escape returns focus to its button', async ({ page }) => {
  await ready(page);
  const codebookButton = page.getByRole('button', { name: 'Codebook', exact: true });
  await codebookButton.click();
  await expect(page.getByRole('region', { name: 'Codebook', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Coding matrix', exact: true }).click();
  await expect(region(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Codebook', exact: true })).toHaveCount(0);
  await expect(codebookButton).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(region(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Coding matrix', exact: true })).toBeFocused();
});
