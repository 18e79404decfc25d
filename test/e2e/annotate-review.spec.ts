/**
 * "Needs review": an annotation whose passage cannot be found in this report
 * (here, imported from a colleague's file) is listed with its original quote,
 * never painted somewhere else and never dropped; it can be deleted and the
 * delete undone like any other.
 */
import { expect, test } from './support/fixtures';
import { createThroughClient, items, listAnnotations, paintedHighlights, panel, ready } from './annotate-helpers';

const LOST_QUOTE = 'A sentence that no edition of this chapter has ever contained, anywhere.';

interface ExchangeApi {
  exportAnnotations(): Promise<{ content: string }>;
  previewImport(input: { content: string }): Promise<{ id: string; counts: { orphan: number } }>;
  commitImport(input: { id: string }): Promise<{ applied: number }>;
}

test('an annotation whose passage is gone is kept under Needs review with its original quote', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key', note: 'Still here' });
  const result = await page.evaluate(async (lost) => {
    const api = (window as unknown as { fieldmark: ExchangeApi }).fieldmark;
    const doc = JSON.parse((await api.exportAnnotations()).content);
    const copy = JSON.parse(JSON.stringify(doc.first.items[0]));
    copy.id = 'urn:uuid:7d0f4a59-3c1e-4b8e-9a57-0c2f1f5e9b11';
    copy.body = [{ type: 'TextualBody', value: 'From a colleague: check this <b>claim</b>', purpose: 'commenting' }];
    for (const selector of copy.target.selector) {
      if (selector.type === 'TextQuoteSelector') Object.assign(selector, { exact: lost, prefix: '', suffix: '' });
    }
    doc.first.items.push(copy);
    doc.total = 2;
    const preview = await api.previewImport({ content: JSON.stringify(doc) });
    const committed = await api.commitImport({ id: preview.id });
    return { orphans: preview.counts.orphan, applied: committed.applied };
  }, LOST_QUOTE);
  expect(result).toEqual({ orphans: 1, applied: 1 });
  await page.reload();
  await ready(page);

  const review = panel(page).getByRole('region', { name: 'Needs review (1)' });
  await expect(review).toBeVisible();
  await expect(review.getByText(LOST_QUOTE, { exact: true })).toBeVisible();
  await expect(review.getByText('From a colleague: check this <b>claim</b>')).toBeVisible();
  // Only the annotation that still anchors is painted and listed with the others.
  await expect(items(page)).toHaveCount(1);
  await expect.poll(async () => (await paintedHighlights(page))['fm-annotation-key']).toEqual(['JAPAN: Tier 2']);
  expect(JSON.stringify(await paintedHighlights(page))).not.toContain(LOST_QUOTE);

  await review.getByRole('button', { name: /^Delete the annotation that needs review/ }).click();
  await expect(panel(page).getByRole('region', { name: /^Needs review/ })).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(page)).find((a) => a.exact === LOST_QUOTE)?.deletedAt).not.toBeNull();
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect(panel(page).getByRole('region', { name: 'Needs review (1)' })).toBeVisible();
  expect((await listAnnotations(page)).find((a) => a.exact === LOST_QUOTE)).toMatchObject({ deletedAt: null, anchor: { status: 'orphan' } });
});
