/**
 * Overlapping highlights: both stay painted, a click on the overlap opens the
 * innermost one and a click on the outer-only part opens the outer one, and
 * highlights never get in the way of selecting and copying text.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createThroughClient, dragSelect, items, listAnnotations, paintedHighlights, phraseOffsets, pointAt, ready, toolbar } from './annotate-helpers';

const OUTER = 'The government did not have nationwide standard operating procedures or guidelines for officials to identify victims';
const INNER = 'nationwide standard operating procedures';

test('overlapping highlights are both painted and a click picks the innermost', async ({ page }) => {
  await ready(page);
  const { start: outerStart } = await phraseOffsets(page, OUTER);
  const inner = await phraseOffsets(page, INNER);

  // The outer one with the mouse, the inner one inside it with the mouse too.
  await dragSelect(page, outerStart, outerStart + OUTER.length);
  await toolbar(page).getByRole('button', { name: 'Highlight as Gap or failure' }).click();
  await page.keyboard.press('Escape');
  await dragSelect(page, inner.start, inner.end);
  await toolbar(page).getByRole('button', { name: 'Highlight as Statistic' }).click();
  await page.keyboard.press('Escape');

  const list = await listAnnotations(page);
  expect(list.map((a) => [a.exact, a.color])).toEqual([
    [OUTER, 'gap'],
    [INNER, 'statistic'],
  ]);
  await expect
    .poll(() => paintedHighlights(page))
    .toMatchObject({ 'fm-annotation-gap': [OUTER], 'fm-annotation-statistic': [INNER] });

  // A click in the middle of the overlap opens the inner (shorter) annotation…
  const overlap = await pointAt(page, inner.start + 10);
  await page.mouse.click(overlap.x, overlap.y);
  const card = page.getByRole('dialog', { name: 'Protection ¶1' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Statistic' })).toBeChecked();
  await expect(card.locator('blockquote')).toHaveText(INNER);
  const innerItem = items(page).filter({ hasText: 'Statistic' });
  await expect(innerItem).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');

  // …and a click where only the outer one is opens the outer.
  const outerOnly = await pointAt(page, outerStart + 5);
  await page.mouse.click(outerOnly.x, outerOnly.y);
  await expect(card).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Gap or failure' })).toBeChecked();
  await expect(items(page).filter({ hasText: 'Gap or failure' })).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');

  // The selected annotation is marked in the text too.
  await expect.poll(async () => (await paintedHighlights(page))['fm-annotation-selected']).toEqual([OUTER]);
});

/** The article's markup without the accessible-description attribute that paragraphs with highlights get (issue 17). */
function articleMarkup(page: Page): Promise<string> {
  return page.locator('article').evaluate((el) => {
    const copy = el.cloneNode(true) as Element;
    for (const described of copy.querySelectorAll('[aria-describedby]')) described.removeAttribute('aria-describedby');
    return copy.innerHTML;
  });
}

test('highlights leave the article untouched, and text under them can be selected and copied', async ({ page }) => {
  await ready(page);
  const before = await articleMarkup(page);
  await createThroughClient(page, OUTER, { color: 'progress' });
  await createThroughClient(page, INNER, { color: 'key' });
  await page.reload();
  await ready(page);
  await expect.poll(async () => Object.keys(await paintedHighlights(page)).sort()).toEqual(['fm-annotation-key', 'fm-annotation-progress']);
  // The CSS Custom Highlight API paints without changing the DOM: elements and text nodes stay as they
  // were. The one addition is the paragraphs' aria-describedby (issue 17), whose sentences live outside.
  expect(await articleMarkup(page)).toBe(before);
  const describedBy = await page.locator('article [aria-describedby]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-describedby')!));
  for (const id of describedBy) expect(await page.locator('article').locator(`[id="${id}"]`).count()).toBe(0);

  const part = await phraseOffsets(page, 'standard operating procedures or guidelines');
  await dragSelect(page, part.start, part.end);
  await expect(toolbar(page)).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('Control+C');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('standard operating procedures or guidelines');
});
