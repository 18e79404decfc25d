/**
 * The app's one polite live region (issue 17): every change to the highlights a
 * screen-reader user makes is said there, and only there. Create, a note saved,
 * delete, undo and redo (Ctrl+Z / Shift+Ctrl+Z outside a text field), restore
 * from "Recently deleted", and an import committed from the Export and import
 * dialog: each sentence is checked in `#fm-live-region` (a polite region in
 * Chromium's own accessibility tree, read through the DevTools protocol), and
 * the change it reports is checked in the service and on disk.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createThroughClient, dragSelect, items, listAnnotations, panel, phraseOffsets, ready, reportText, toolbar } from './annotate-helpers';
import { exportDialog, toolbarButton } from './accessibility-helpers';

// Each test drives several saves and reads the accessibility tree after each: up to a minute on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const PHRASE = 'In 2020, authorities identified 25 sex trafficking victims and 13 labor trafficking victims';
const CITATION = 'Protection ¶2';
const LIVE = '#fm-live-region';

const liveRegion = (page: Page): Locator => page.locator(LIVE);

/** The region is the notice area's status region: polite by its role, and polite in Chromium's tree. */
async function expectPoliteRegion(page: Page, cdp: CDPSession): Promise<void> {
  const region = liveRegion(page);
  await expect(region).toHaveCount(1);
  await expect(region).toHaveAttribute('role', 'status');
  // role="status" is implicitly aria-live="polite"; an explicit value must not make it assertive.
  expect(await region.getAttribute('aria-live')).not.toBe('assertive');
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: LIVE });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0]!;
  expect(node.role?.value).toBe('status');
  expect(node.properties?.find((p) => p.name === 'live')?.value.value).toBe('polite');
}

/** How many text nodes saying `text` Chromium's accessibility tree has inside the live region. */
async function axSaid(cdp: CDPSession, text: string): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: LIVE });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId, accessibleName: text, role: 'StaticText' });
  return nodes.length;
}

/**
 * `sentence` is in the live region (its DOM and Chromium's accessibility tree)
 * and nowhere else on the page, so it is read once, from the one polite region.
 */
async function expectAnnounced(page: Page, cdp: CDPSession, sentence: string): Promise<void> {
  await expect(liveRegion(page)).toContainText(sentence);
  await expect(liveRegion(page).getByText(sentence, { exact: true })).toHaveCount(1);
  await expect(page.getByText(sentence, { exact: true })).toHaveCount(1);
  await expect.poll(() => axSaid(cdp, sentence), { message: `"${sentence}" once in the live region's accessibility tree` }).toBe(1);
}

/** The stored annotation's tombstone as the data folder holds it (undefined: not stored at all). */
async function deletedOnDisk(host: { readStore(): Promise<{ annotations: Array<{ id: string; deletedAt: string | null }> }> }, id: string) {
  const stored = (await host.readStore()).annotations.find((a) => a.id === id);
  return stored === undefined ? undefined : stored.deletedAt !== null;
}

test('create, note saved, delete, undo, redo and restore are each said in the one polite live region', async ({ page, host }) => {
  await ready(page);
  const cdp = await page.context().newCDPSession(page);
  await expectPoliteRegion(page, cdp);

  // Create, from a mouse selection and the toolbar.
  const { start, end } = await phraseOffsets(page, PHRASE);
  await dragSelect(page, start, end);
  await toolbar(page).getByRole('button', { name: 'Highlight as Key finding' }).click();
  await expectAnnounced(page, cdp, `Highlighted the selection as Key finding at ${CITATION}. Saved.`);
  await expect.poll(async () => (await listAnnotations(page)).map((a) => [a.exact, a.color, a.deletedAt])).toEqual([[PHRASE, 'key', null]]);
  const [created] = await listAnnotations(page);
  const id = created!.id;
  expect(await deletedOnDisk(host, id)).toBe(false);

  // A note typed in the card is saved as you type, and said once saved.
  const card = page.getByRole('dialog', { name: CITATION });
  const note = card.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.pressSequentially('Fewer victims than in 2019.');
  await expect(card.getByText('Saved', { exact: true })).toBeVisible();
  await expectAnnounced(page, cdp, 'Note saved.');
  expect((await host.readStore()).annotations.find((a) => a.id === id)?.note).toBe('Fewer victims than in 2019.');

  // Delete, from the card.
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card).toBeHidden();
  const deleted = `Deleted the highlight at ${CITATION}. Press Ctrl+Z to undo, or restore it from Recently deleted.`;
  await expectAnnounced(page, cdp, deleted);
  await expect(items(page)).toHaveCount(0);
  expect((await listAnnotations(page)).find((a) => a.id === id)?.deletedAt).not.toBeNull();
  expect(await deletedOnDisk(host, id)).toBe(true);

  // Ctrl+Z with focus outside a text field brings it back.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expectAnnounced(page, cdp, 'Undid delete.');
  // One "what just happened" sentence at a time: the deletion's is taken away.
  await expect(liveRegion(page)).not.toContainText(deleted);
  await expect(items(page)).toHaveCount(1);
  await expect.poll(async () => (await listAnnotations(page)).find((a) => a.id === id)?.deletedAt).toBeNull();
  expect(await deletedOnDisk(host, id)).toBe(false);

  // Shift+Ctrl+Z deletes it again.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Shift+Z');
  await expectAnnounced(page, cdp, 'Redid delete.');
  await expect(items(page)).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(page)).find((a) => a.id === id)?.deletedAt).not.toBeNull();
  expect(await deletedOnDisk(host, id)).toBe(true);

  // Restore, from "Recently deleted".
  const trash = panel(page).getByRole('button', { name: 'Recently deleted (1)' });
  await trash.click();
  const trashed = panel(page).getByRole('list', { name: 'Recently deleted' }).getByRole('listitem');
  await expect(trashed).toContainText('In 2020, authorities identified');
  await trashed.getByRole('button', { name: 'Restore' }).click();
  await expectAnnounced(page, cdp, `Restored the highlight at ${CITATION}.`);
  await expect(items(page)).toHaveCount(1);
  await expect.poll(async () => (await listAnnotations(page)).find((a) => a.id === id)).toMatchObject({ deletedAt: null, note: 'Fewer victims than in 2019.' });
  expect(await deletedOnDisk(host, id)).toBe(false);

  // Undo and redo of the restore are said too: Ctrl+Z sends it back to the trash, Shift+Ctrl+Z restores it again.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expectAnnounced(page, cdp, 'Undid restore.');
  await expect(items(page)).toHaveCount(0);
  expect(await deletedOnDisk(host, id)).toBe(true);
  await page.keyboard.press('Control+Shift+Z');
  await expectAnnounced(page, cdp, 'Redid restore.');
  await expect(items(page)).toHaveCount(1);
  expect(await deletedOnDisk(host, id)).toBe(false);
});

test('undoing and redoing a new highlight is said in the live region', async ({ page, host }) => {
  await ready(page);
  const cdp = await page.context().newCDPSession(page);
  await expectPoliteRegion(page, cdp);
  const { start, end } = await phraseOffsets(page, PHRASE);
  await dragSelect(page, start, end);
  await toolbar(page).getByRole('button', { name: 'Highlight as Progress' }).click();
  await expectAnnounced(page, cdp, `Highlighted the selection as Progress at ${CITATION}. Saved.`);
  const card = page.getByRole('dialog', { name: CITATION });
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();
  await expect.poll(async () => (await listAnnotations(page)).length).toBe(1);
  const id = (await listAnnotations(page))[0]!.id;

  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expectAnnounced(page, cdp, 'Undid highlight.');
  await expect(items(page)).toHaveCount(0);
  await expect.poll(() => deletedOnDisk(host, id)).toBe(true);

  await page.keyboard.press('Control+Shift+Z');
  await expectAnnounced(page, cdp, 'Redid highlight.');
  await expect(items(page)).toHaveCount(1);
  await expect.poll(() => deletedOnDisk(host, id)).toBe(false);
});

test('an import committed from the Export and import dialog is said in the live region, and so is its undo', async ({ page, host }) => {
  await ready(page);
  const cdp = await page.context().newCDPSession(page);
  const ours = await createThroughClient(page, 'Specified Skilled Worker', { color: 'question' });

  // A colleague's file, made from our own export: one annotation of theirs, on another passage.
  const { content } = await page.evaluate(() =>
    (window as unknown as { fieldmark: { exportAnnotations(): Promise<{ filename: string; content: string }> } }).fieldmark.exportAnnotations(),
  );
  const collection = JSON.parse(content) as { first: { items: Array<Record<string, unknown>> }; total: number };
  const theirs = structuredClone(collection.first.items.find((a) => a.id === `urn:uuid:${ours.id}`)!);
  const theirId = '5b0c7e2a-9d4f-4c61-8a3e-0f1e2d3c4b5a';
  theirs.id = `urn:uuid:${theirId}`;
  const quote = 'Joshi\u00a0kosei';
  const text = await reportText(page);
  const at = text.indexOf(quote);
  theirs.target = {
    type: 'SpecificResource',
    source: (theirs.target as { source: string }).source,
    selector: [
      { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(at - 32, at), suffix: text.slice(at + quote.length, at + quote.length + 32) },
      { type: 'TextPositionSelector', start: at, end: at + quote.length },
    ],
  };
  theirs.body = [{ type: 'TextualBody', value: 'Colleague: check this term', format: 'text/plain', purpose: 'commenting' }];
  collection.first.items = [theirs];
  collection.total = 1;
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-announce-'));
  const file = path.join(dir, 'colleague.jsonld');
  await writeFile(file, JSON.stringify(collection, null, 2));

  try {
    await page.reload();
    await ready(page);
    await expectPoliteRegion(page, cdp);
    await toolbarButton(page, 'Export').click();
    const chooser = page.waitForEvent('filechooser');
    await exportDialog(page).getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(file);
    await expect(exportDialog(page).getByRole('heading', { name: /Review the import/ })).toBeVisible();
    await expect(exportDialog(page).locator('.import-count[data-kind="new"] dd')).toHaveText('1');
    await exportDialog(page).getByRole('button', { name: /^Import 1 annotation/ }).click();
    await expect(exportDialog(page)).toBeHidden();

    await expectAnnounced(page, cdp, 'Imported 1 annotation.');
    await expect(items(page)).toHaveCount(2);
    expect((await listAnnotations(page)).find((a) => a.id === theirId)).toMatchObject({ exact: quote, note: 'Colleague: check this term', deletedAt: null });
    expect(await deletedOnDisk(host, theirId)).toBe(false);

    // The notice's Undo import sits in the same region, and what it did is said there too.
    await liveRegion(page).getByRole('button', { name: 'Undo import' }).click();
    await expectAnnounced(page, cdp, 'Import undone: 1 annotation is back as they were.');
    // The annotation the import added is taken away again, in the page and in the data folder; ours stays.
    await expect(items(page)).toHaveCount(1);
    expect((await listAnnotations(page)).map((a) => a.id)).toEqual([ours.id]);
    expect(await deletedOnDisk(host, theirId)).toBeUndefined();
    expect(await deletedOnDisk(host, ours.id)).toBe(false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
