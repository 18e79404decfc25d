/**
 * Find in the report, end to end: the count is exact (computed here from the
 * text with a plain regular expression), navigation wraps, typographic
 * variants match, closing restores the DOM, and find coexists with highlights.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, REPO_ROOT } from './support/fixtures';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

interface PageApi {
  getReport(): Promise<{ text: string }>;
  createAnnotation(input: { start: number; end: number; color: string; note?: string; tags?: string[] }): Promise<{ id: string }>;
  listAnnotations(): Promise<Array<{ id: string; exact: string; start: number; end: number; deletedAt: string | null }>>;
}

async function reportText(page: Page): Promise<string> {
  return page.evaluate(async () => (await (window as unknown as { fieldmark: PageApi }).fieldmark.getReport()).text);
}

async function ready(page: Page): Promise<void> {
  await expect(page.locator('article [data-block-id]').first()).toBeVisible();
}

const findBar = (page: Page) => page.getByRole('search', { name: 'Find in report' });
const findInput = (page: Page) => page.getByRole('textbox', { name: 'Find in report' });
const findCount = (page: Page) => findBar(page).getByRole('status');

/** The CSS Custom Highlight registry as names → the text of each range (what the reader sees painted). */
async function highlightSnapshot(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      out[name] = [...highlight].map((range) => range.toString()).sort();
    });
    return out;
  });
}

test('Ctrl+F and "TITP" shows exactly the count of the text, and next/previous wrap around', async ({ page }) => {
  await ready(page);
  const text = await reportText(page);
  const expected = text.match(/titp/gi)!.length;
  expect(expected).toBeGreaterThan(10);

  await page.locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  await expect(findInput(page)).toBeFocused();
  await page.keyboard.type('TITP');
  await expect(findCount(page)).toHaveText(`1 of ${expected}`);
  await expect(findCount(page)).toHaveAttribute('aria-live', 'polite');

  const current = page.locator('article mark.fm-find-current');
  await expect(current).toHaveText(/^titp$/i);
  await expect(current).toBeInViewport();

  await page.keyboard.press('Enter');
  await expect(findCount(page)).toHaveText(`2 of ${expected}`);
  await page.keyboard.press('Shift+Enter');
  await expect(findCount(page)).toHaveText(`1 of ${expected}`);
  await page.keyboard.press('Shift+Enter');
  await expect(findCount(page)).toHaveText(`${expected} of ${expected}`);
  await expect(current).toBeInViewport();
  await expect(current).toHaveText(/^titp$/i);
  await page.keyboard.press('Enter');
  await expect(findCount(page)).toHaveText(`1 of ${expected}`);

  await page.keyboard.press('F3');
  await expect(findCount(page)).toHaveText(`2 of ${expected}`);
  await page.keyboard.press('Shift+F3');
  await expect(findCount(page)).toHaveText(`1 of ${expected}`);
  await findBar(page).getByRole('button', { name: 'Previous match' }).click();
  await expect(findCount(page)).toHaveText(`${expected} of ${expected}`);
  await findBar(page).getByRole('button', { name: 'Next match' }).click();
  await expect(findCount(page)).toHaveText(`1 of ${expected}`);

  // Only one mark is current, and every painted mark is an exact match.
  await expect(current).toHaveCount(1);
  const painted = await page.locator('article mark.fm-find-match').allTextContents();
  expect(painted.length).toBeGreaterThan(0);
  for (const t of painted) expect(t.toLowerCase()).toBe('titp');
});

test('whole word and match case narrow the count exactly as the text says', async ({ page }) => {
  await ready(page);
  const text = await reportText(page);
  await page.keyboard.press('Control+f');
  await findInput(page).fill('titp');
  await expect(findCount(page)).toHaveText(`1 of ${text.match(/titp/gi)!.length}`);
  await findBar(page).getByRole('checkbox', { name: 'Match case' }).check();
  await expect(findCount(page)).toHaveText('No matches');
  await expect(page.locator('article mark')).toHaveCount(0);
  await findInput(page).fill('TITIP');
  await expect(findCount(page)).toHaveText(`1 of ${text.match(/TITIP/g)!.length}`);
  // Each search starts from the view, which the TITIP match moved: only the totals are fixed from here.
  await findInput(page).fill('TITP');
  await findBar(page).getByRole('checkbox', { name: 'Whole word' }).check();
  await expect(findCount(page)).toHaveText(new RegExp(`^\\d+ of ${text.match(/\bTITP\b/g)!.length}$`));
  await findInput(page).fill('TIT');
  await expect(findCount(page)).toHaveText('No matches');
  await findBar(page).getByRole('checkbox', { name: 'Whole word' }).uncheck();
  await expect(findCount(page)).toHaveText(new RegExp(`^\\d+ of ${text.match(/TIT/g)!.length}$`));
});

test('a straight-quoted query finds the curly-quoted text, and an apostrophe finds government’s', async ({ page }) => {
  await ready(page);
  const text = await reportText(page);
  const curly = text.split('“JK” business').length - 1;
  expect(curly).toBeGreaterThan(0);

  await page.keyboard.press('Control+f');
  await findInput(page).fill('"JK" business');
  await expect(findCount(page)).toHaveText(`1 of ${curly}`);
  await expect(page.locator('article mark.fm-find-current')).toHaveText('“JK” business');

  // The search starts from the match at or after the top of the view, so only the total is fixed here.
  await findInput(page).fill("government's");
  await expect(findCount(page)).toHaveText(new RegExp(`^\\d+ of ${text.match(/government’s/gi)!.length}$`));
  await expect(page.locator('article mark.fm-find-current')).toHaveText(/^government’s$/i);

  await findInput(page).fill('Joshi kosei');
  await expect(findCount(page)).not.toHaveText(/ of 11$/);
  await expect(findCount(page)).toHaveText('1 of 1');
  await expect(page.locator('article mark.fm-find-current')).toHaveText('Joshi\u00a0kosei');
});

test('closing with Esc removes every mark, restores the article DOM exactly and returns focus', async ({ page }) => {
  await ready(page);
  const article = page.locator('article');
  const before = await article.evaluate((el) => el.innerHTML);

  const findButton = page.getByRole('button', { name: 'Find', exact: true });
  await findButton.click();
  await expect(findInput(page)).toBeFocused();
  await findInput(page).fill('trafficking');
  await expect(findCount(page)).toHaveText(/^1 of \d+$/);
  expect(await page.locator('article mark').count()).toBeGreaterThan(0);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+F3');
  await findBar(page).getByRole('checkbox', { name: 'Whole word' }).check();
  await expect(findCount(page)).toHaveText(/^\d+ of \d+$/);

  await page.keyboard.press('Escape');
  await expect(findBar(page)).toHaveCount(0);
  await expect(page.locator('article mark')).toHaveCount(0);
  expect(await article.evaluate((el) => el.innerHTML)).toBe(before);
  // Every block's text is back to the single text node the surface built (a recommendation's status badge, issue 14, is an element with no text).
  expect(await article.evaluate((el) => [...el.querySelectorAll('[data-block-id]')].every((b) => [...b.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).length === 1))).toBe(true);
  await expect(findButton).toBeFocused();
});

test('the results list groups matches by section, and choosing one jumps there', async ({ page }) => {
  await ready(page);
  const text = await reportText(page);
  const total = text.match(/trafficking/gi)!.length;
  await page.keyboard.press('Control+f');
  await findInput(page).fill('trafficking');
  await expect(findCount(page)).toHaveText(`1 of ${total}`);

  await findBar(page).getByRole('button', { name: 'Results' }).click();
  const results = page.getByRole('region', { name: 'Find results' });
  await expect(results).toBeVisible();
  await expect(results.getByRole('heading', { name: /Protection/ })).toBeVisible();
  await expect(results.getByRole('button')).toHaveCount(total);
  await expect(results.locator('mark').first()).toHaveText(/^trafficking$/i);

  const protection = results.getByRole('region', { name: /^Protection:/ });
  const item = protection.getByRole('button').first();
  const snippet = (await item.textContent())!;
  await item.click();
  await expect(item).toHaveAttribute('aria-current', 'true');
  const [n] = (await findCount(page).textContent())!.split(' of ');
  expect(Number(n)).toBeGreaterThan(1);
  const current = page.locator('article mark.fm-find-current');
  await expect(current).toBeInViewport();
  // The current mark sits in the passage the snippet quoted.
  const paragraph = await current.evaluate((el) => el.closest('[data-block-id]')!.textContent!.replace(/\s+/g, ' '));
  expect(paragraph).toContain(snippet.replace(/^…/, '').replace(/…$/, '').slice(0, 30));

  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'find-results.png') });
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(results.getByRole('button').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'find-results-800x600.png') });
});

test('searching leaves annotation highlights intact, and a highlight can be created with the search open', async ({ page }) => {
  await ready(page);
  const text = await reportText(page);
  const first = text.indexOf('TITP');
  const second = text.indexOf('Specified Skilled Worker');
  await page.evaluate(
    async ({ first, second }) => {
      const api = (window as unknown as { fieldmark: PageApi }).fieldmark;
      await api.createAnnotation({ start: first - 10, end: first + 20, color: 'gap', note: 'around TITP' });
      await api.createAnnotation({ start: second, end: second + 24, color: 'key' });
    },
    { first, second },
  );
  await page.reload();
  await ready(page);
  await expect.poll(async () => Object.values(await highlightSnapshot(page)).flat().length).toBeGreaterThanOrEqual(2);
  const before = await highlightSnapshot(page);

  await page.keyboard.press('Control+f');
  await findInput(page).fill('TITP');
  await expect(findCount(page)).toHaveText(/^1 of \d+$/);
  await expect(page.locator('article mark.fm-find-current')).toBeInViewport();
  expect(await highlightSnapshot(page)).toEqual(before);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  expect(await highlightSnapshot(page)).toEqual(before);

  // Select across the current mark and the text after it, then highlight it.
  const mark = page.locator('article mark.fm-find-current');
  await mark.scrollIntoViewIfNeeded();
  const box = (await mark.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const selected = await page.evaluate(() => document.getSelection()!.toString());
  expect(selected.startsWith('TITP')).toBe(true);
  await page.getByRole('button', { name: 'Highlight as Question' }).click();

  await expect
    .poll(async () => (await page.evaluate(() => (window as unknown as { fieldmark: PageApi }).fieldmark.listAnnotations())).length)
    .toBe(3);
  const created = (await page.evaluate(() => (window as unknown as { fieldmark: PageApi }).fieldmark.listAnnotations())).find((a) =>
    a.exact.startsWith('TITP'),
  )!;
  expect(created.exact).toBe(selected);
  await expect.poll(async () => (await highlightSnapshot(page))['fm-annotation-question']).toEqual([selected]);

  await page.keyboard.press('Control+f');
  // The find bar takes focus in the frame after Ctrl+F; an Escape before that goes to the open card.
  await expect(findInput(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('article mark')).toHaveCount(0);
  const after = await highlightSnapshot(page);
  expect(after['fm-annotation-question']).toEqual([selected]);
  expect(after['fm-annotation-gap']).toEqual(before['fm-annotation-gap']);
  expect(after['fm-annotation-key']).toEqual(before['fm-annotation-key']);
});
