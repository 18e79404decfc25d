/**
 * The main journey by keyboard alone (issue 17, WCAG 2.1.1): open the report,
 * find a phrase, highlight the find match, write a note, add a tag, link the
 * highlight to a recommendation, and download the Markdown export, with key
 * presses only (no click, no fill, no focus() from the test). Focus is checked
 * at each step; Tab is pressed until the control wanted has focus, so the test
 * does not depend on how many controls sit in between, but fails if one is not
 * reachable with Tab at all.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { listAnnotations, ready } from './annotate-helpers';

const PHRASE = 'authorities again did not proactively identify';
const NOTE = 'No TITP case identified, again.';
const TAG = 'Labour/TITP';

const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target.toString()} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

test('open, find, highlight the match, note, tag, link to a recommendation and export, by keyboard only', async ({ page }) => {
  // A long journey: about 60 s on a loaded 2-core machine.
  test.slow();
  // Open: the report is there, and the keyboard starts at the skip link.
  await ready(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the report' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article')).toBeFocused();

  // Find.
  await page.keyboard.press('Control+F');
  const bar = page.getByRole('search', { name: 'Find in report' });
  await expect(bar.getByRole('textbox', { name: 'Find in report' })).toBeFocused();
  await page.keyboard.type(PHRASE);
  await expect(bar.getByRole('status')).toHaveText('1 of 1');

  // Highlight the current find match, from the bar's key; the card opens on the note.
  await expect(bar.getByRole('button', { name: 'Highlight the current find match' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+H');
  await page.keyboard.press('Control+Shift+H');
  const card = page.getByRole('dialog', { name: /¶\d+$/u });
  const note = card.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await expect(page.getByRole('status').locator('.fm-announcement')).toHaveText(/^Highlighted the find match as Key finding at [A-Za-z ]+ ¶\d+\. Saved\.$/u);

  // Note.
  await page.keyboard.type(NOTE);
  await expect(card.getByText('Saved', { exact: true })).toBeVisible();

  // Tag.
  const tags = card.getByRole('combobox', { name: 'Tags' });
  await tabTo(page, tags);
  await page.keyboard.type(TAG);
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: `Remove tag ${TAG}` })).toBeVisible();

  // Link to recommendation 1, as evidence of a gap.
  await tabTo(page, card.getByRole('button', { name: 'Link to recommendation…' }));
  await page.keyboard.press('Enter');
  const search = card.getByRole('combobox', { name: 'Find a recommendation' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Recommendation 1:');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('option', { selected: true })).toContainText('Recommendation 1:');
  const relations = card.getByRole('group', { name: 'Relation' });
  await tabTo(page, relations.getByRole('radio', { name: 'Progress', exact: true }));
  await page.keyboard.press('ArrowDown');
  await expect(relations.getByRole('radio', { name: 'Gap', exact: true })).toBeChecked();
  await tabTo(page, card.getByRole('button', { name: 'Link', exact: true }));
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: /^Remove link: .*Recommendation 1/u })).toBeVisible();
  // Focus is not dropped when the picker closes: it is back on the button that opened it.
  await expect(card.getByRole('button', { name: 'Link to recommendation…' })).toBeFocused();

  // Esc closes the card, back in the find bar; Esc closes the bar, back in the text.
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  expect(await isFocused(bar)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.getByRole('article')).toBeFocused();

  // Export: the toolbar's Export button (Shift+Tab back from the text), then Download Markdown.
  await tabTo(page, page.getByRole('button', { name: 'Export', exact: true }), { back: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export and import' });
  await expect(dialog).toBeVisible();
  const download = page.waitForEvent('download');
  await tabTo(page, dialog.getByRole('button', { name: 'Download Markdown' }));
  await page.keyboard.press('Enter');
  const file = await download;
  const markdown = await readFile((await file.path())!, 'utf8');
  expect(markdown).toContain(PHRASE);
  expect(markdown).toContain(NOTE);
  expect(markdown).toContain(TAG);

  // What the host holds: one highlight with the note, the tag and the link.
  const [saved] = await listAnnotations(page);
  expect(saved).toMatchObject({ exact: PHRASE, note: NOTE, tags: [TAG] });
  const links = await page.evaluate(async () => (await (window as unknown as { fieldmark: { listAnnotations(): Promise<Array<{ links: unknown[] }>> } }).fieldmark.listAnnotations())[0]!.links);
  expect(links).toEqual([expect.objectContaining({ relation: 'gap', to: { recommendation: 'rec-1' } })]);
});
