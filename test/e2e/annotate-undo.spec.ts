/**
 * Undo, redo and the trash: deleting keeps a tombstone that Ctrl+Z restores,
 * Shift+Ctrl+Z deletes again, "Recently deleted" restores it, and edits to
 * colour, tags and a committed note undo one step at a time. Ctrl+Z inside the
 * note is the text area's own undo, not the app's.
 */
import { expect, test } from './support/fixtures';
import { createThroughClient, items, listAnnotations, panel, ready } from './annotate-helpers';

const PHRASE = 'Several ministries continued to operate hotlines';

test('delete, undo, redo, then restore from Recently deleted', async ({ page, host }) => {
  await ready(page);
  const created = await createThroughClient(page, PHRASE, { note: 'Hotlines found no victims', tags: ['hotlines'] });
  await page.reload();
  await ready(page);

  await items(page).getByRole('button', { name: 'Edit note and tags, Protection ¶1' }).click();
  const card = page.getByRole('dialog', { name: 'Protection ¶1' });
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card).toBeHidden();
  await expect(items(page)).toHaveCount(0);
  const [deleted] = await listAnnotations(page);
  expect(deleted!.id).toBe(created.id);
  expect(deleted!.deletedAt).not.toBeNull();
  const onDisk = (await host.readStore()) as { annotations: Array<{ id: string; deletedAt: string | null }> };
  expect(onDisk.annotations.find((a) => a.id === created.id)?.deletedAt).not.toBeNull();

  // Ctrl+Z brings it back, with its note and tags, under the same id.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect(items(page)).toHaveCount(1);
  await expect.poll(async () => (await listAnnotations(page))[0]).toMatchObject({ id: created.id, deletedAt: null, note: 'Hotlines found no victims', tags: ['hotlines'] });

  // Shift+Ctrl+Z deletes it again.
  await page.keyboard.press('Control+Shift+Z');
  await expect(items(page)).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(page))[0]!.deletedAt).not.toBeNull();

  // The trash lists it; Restore brings it back.
  const trash = panel(page).getByRole('button', { name: 'Recently deleted (1)' });
  await trash.click();
  await expect(trash).toHaveAttribute('aria-expanded', 'true');
  const trashed = panel(page).getByRole('list', { name: 'Recently deleted' }).getByRole('listitem');
  await expect(trashed).toHaveCount(1);
  await expect(trashed).toContainText('Several ministries continued');
  await trashed.getByRole('button', { name: 'Restore' }).click();
  await expect(items(page)).toHaveCount(1);
  await expect(panel(page).getByRole('button', { name: /^Recently deleted/ })).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(page))[0]!.deletedAt).toBeNull();
  const restoredOnDisk = (await host.readStore()) as { annotations: Array<{ id: string; deletedAt: string | null }> };
  expect(restoredOnDisk.annotations.find((a) => a.id === created.id)?.deletedAt).toBeNull();

  // Ctrl+Y redoes nothing now, and Ctrl+Z undoes the restore.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect(items(page)).toHaveCount(0);
  await page.keyboard.press('Control+Y');
  await expect(items(page)).toHaveCount(1);
});

test('colour, tag and note edits undo and redo one step at a time; Ctrl+Z in the note stays in the note', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, PHRASE, { color: 'key' });
  await page.reload();
  await ready(page);

  await items(page).getByRole('button', { name: 'Edit note and tags, Protection ¶1' }).click();
  const card = page.getByRole('dialog', { name: 'Protection ¶1' });
  const note = card.getByRole('textbox', { name: 'Note' });
  await note.fill('First thought');
  await card.getByRole('combobox', { name: 'Tags' }).fill('hotlines');
  await card.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await expect(card.getByRole('button', { name: 'Remove tag hotlines' })).toBeVisible();
  await card.getByRole('radio', { name: 'Question' }).check();
  await expect.poll(async () => (await listAnnotations(page))[0]).toMatchObject({ note: 'First thought', tags: ['hotlines'], color: 'question' });

  // Inside the note, Ctrl+Z is the text area's own undo: the annotation is untouched.
  await note.focus();
  await note.press('End');
  await note.pressSequentially(' and more');
  await note.press('Control+Z');
  await expect.poll(async () => (await listAnnotations(page))[0]!.color).toBe('question');
  await expect(card.getByRole('button', { name: 'Remove tag hotlines' })).toBeVisible();

  // Back to the committed text, so closing adds no undo step of its own.
  await note.fill('First thought');
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();

  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => (await listAnnotations(page))[0]!.color).toBe('key');
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => (await listAnnotations(page))[0]!.tags).toEqual([]);
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => (await listAnnotations(page))[0]!.note).toBe('');
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await listAnnotations(page))[0]!.note).toBe('First thought');
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await listAnnotations(page))[0]!.tags).toEqual(['hotlines']);
  await expect(panel(page).getByRole('button', { name: 'hotlines (1)' })).toBeVisible();
});
