/**
 * The annotations panel at 10,000 annotations (issue 12): the counts are right,
 * a card far down the virtualised list can be reached with the keyboard and
 * from the text, and the filter finds one annotation among 10,000. The store is
 * written into the data folder before the host starts (support/seed-store.ts).
 */
import type { Page } from '@playwright/test';
import type { StoreDoc } from '../../main/core/store/store-schema';
import { items, listAnnotations, panel, pointAt, ready } from './annotate-helpers';
import { test as base, expect, readStoreFile } from './support/fixtures';
import { loadE2eReport, seedStore } from './support/seed-store';
import { storedTagPaths } from './support/stored-tags';

const SEEDED = 10_000;
const TOTAL = SEEDED + 1;
const NEEDLE_ID = '4f1c2d3e-0000-4000-8000-00000000beef';
const NEEDLE_NOTE = 'Compare with the zebrafish hatchery audit';

const test = base.extend<{ seeded: StoreDoc }>({
  // The host fixture starts on this folder, so the store is written before the host opens it.
  dataDir: async ({ dataDir }, use) => {
    const report = await loadE2eReport();
    // The needle sits in the last paragraph, so its card is near the end of the list.
    const last = report.blocks.filter((b) => b.kind === 'paragraph').at(-1)!;
    const needle = { id: NEEDLE_ID, start: last.start, end: last.start + 40, color: 'question' as const, note: NEEDLE_NOTE, tags: ['audit'] };
    await seedStore(dataDir, report, SEEDED, [needle]);
    await use(dataDir);
  },
  seeded: async ({ dataDir }, use) => use(await readStoreFile(dataDir)),
});

async function openSeeded(page: Page) {
  await ready(page);
  await expect(panel(page).getByText(`${TOTAL} highlights`)).toBeVisible({ timeout: 30_000 });
}

test.describe.configure({ timeout: 180_000 });

test('the panel counts all 10,001 annotations by colour and tag, and the list says its size', async ({ page, seeded }) => {
  await openSeeded(page);
  const live = seeded.annotations.filter((a) => a.deletedAt === null);
  const p = panel(page);
  const labels: Record<string, string> = { key: 'Key finding', gap: 'Gap or failure', progress: 'Progress', statistic: 'Statistic', question: 'Question' };
  for (const [color, label] of Object.entries(labels)) {
    const count = live.filter((a) => a.color === color).length;
    await expect(p.getByRole('button', { name: `${label} (${count})`, exact: true })).toBeVisible();
  }
  const titp = live.filter((a) => storedTagPaths(seeded, a).some((t) => t.toLowerCase() === 'titp')).length;
  await expect(p.getByRole('group', { name: 'Tags' }).getByRole('button', { name: `TITP (${titp})` })).toBeVisible();

  // Only the cards in view are rendered; the list still tells its size and each card's place.
  await expect(items(page).first()).toHaveAttribute('aria-setsize', String(TOTAL));
  await expect(items(page).first()).toHaveAttribute('aria-posinset', '1');
  expect(await items(page).count()).toBeLessThan(100);

  const gaps = live.filter((a) => a.color === 'gap').length;
  await p.getByRole('button', { name: `Gap or failure (${gaps})` }).click();
  await expect(p.getByText(`Showing ${gaps} of ${TOTAL}`)).toBeVisible();
  await expect(items(page).first()).toHaveAttribute('aria-setsize', String(gaps));
  await p.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(items(page).first()).toHaveAttribute('aria-setsize', String(TOTAL));
});

test('the filter finds one annotation among 10,001 by a word of its note', async ({ page }) => {
  await openSeeded(page);
  const p = panel(page);
  await p.getByRole('searchbox', { name: 'Filter annotations' }).fill('zebrafish');
  await expect(p.getByText(`Showing 1 of ${TOTAL}`)).toBeVisible();
  await expect(items(page)).toHaveCount(1);
  await expect(items(page)).toHaveAttribute('data-annotation-id', NEEDLE_ID);
  await expect(items(page).locator('mark')).toHaveText(['zebrafish']);
  await p.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(p.getByText(/^Showing/)).toHaveCount(0);
  await expect(items(page).first()).toHaveAttribute('aria-setsize', String(TOTAL));
});

test('the keyboard moves between cards and reaches the last of 10,001, scrolling the list', async ({ page }) => {
  await openSeeded(page);
  const first = items(page).first().locator('.fm-item-go');
  await first.focus();
  const focusedPlace = () => page.evaluate(() => document.activeElement?.closest('li[aria-posinset]')?.getAttribute('aria-posinset') ?? null);
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedPlace).toBe('2');
  await page.keyboard.press('End');
  await expect.poll(focusedPlace).toBe(String(TOTAL));
  const lastCard = panel(page).locator(`li[aria-posinset="${TOTAL}"]`);
  await expect(lastCard).toBeInViewport();
  await page.keyboard.press('ArrowUp');
  await expect.poll(focusedPlace).toBe(String(TOTAL - 1));
  await page.keyboard.press('Home');
  await expect.poll(focusedPlace).toBe('1');
});

test('a highlight far down the text, clicked, brings its card into the panel as the current one', async ({ page, seeded }) => {
  await openSeeded(page);
  const needle = seeded.annotations.find((a) => a.id === NEEDLE_ID)!;
  const point = await pointAt(page, needle.target.selector[0].start + 2);
  await page.mouse.click(point.x, point.y);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const citation = (await dialog.getByRole('heading', { level: 2 }).textContent())!;
  const current = panel(page).locator('li[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toBeInViewport();
  await expect(current.locator('.fm-item-go')).toHaveText(citation);
  // Far down the list: a card that was never rendered before the click.
  expect(Number(await current.getAttribute('aria-posinset'))).toBeGreaterThan(TOTAL - 2000);
});

test('a highlight made with the keyboard among 10,001 shows at once with its card; refused, it goes again with an alert, and Retry saves it', async ({ page }) => {
  await openSeeded(page);
  const p = panel(page);
  // The host answers late and refuses: the highlight is on screen while it waits, and goes after.
  await page.route('**/api/createAnnotation', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full. Free some space, then retry.' } }),
    });
  });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('2021');

  await page.keyboard.press('1');
  const card = page.getByRole('dialog');
  await expect(card.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await expect(p.getByText(`${TOTAL + 1} highlights`)).toBeVisible();
  // Nothing says "Saved" before the host answered.
  await expect(card.locator('.fm-save-state')).toHaveText('Saving…');
  const alert = page.getByRole('alert').filter({ hasText: 'The highlight was not saved.' });
  await expect(alert).toContainText('The disk is full');
  await expect(card).toBeHidden();
  await expect(p.getByText(`${TOTAL} highlights`)).toBeVisible();
  const before = await listAnnotations(page);
  const isNew = (a: { exact: string; color: string }) => a.exact === '2021' && a.color === 'key';

  await page.unroute('**/api/createAnnotation');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(p.getByText(`${TOTAL + 1} highlights`)).toBeVisible();
  await expect(card.locator('.fm-save-state')).toHaveText('Saved');
  const after = await listAnnotations(page);
  expect(after).toHaveLength(before.length + 1);
  expect(after.filter(isNew)).toHaveLength(before.filter(isNew).length + 1);
});
