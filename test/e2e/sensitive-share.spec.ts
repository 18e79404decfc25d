/**
 * Issue 16, by role and name: mark one annotation private and one sensitive on
 * their cards, export Web Annotations and Markdown for sharing, and check the
 * downloaded files hold neither the private annotation nor the sensitive note.
 * On the way: the dialog's sentence before writing, the review of a note with a
 * phone number (Go back writes nothing; Continue writes), and "For me
 * (everything)" holding only after its second step.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createThroughClient, items, ready } from './annotate-helpers';

const PRIVATE = { phrase: 'Several ministries continued to operate hotlines', note: 'Broker named by the shelter director' };
const SENSITIVE = { phrase: 'Technical Intern Training Program', note: 'Interpreter on 090-1234-5678 knows the case' };
const NORMAL = { phrase: 'Specified Skilled Worker', note: 'Ask the ministry about screening' };

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export and import' });

/** Opens an annotation's card from the panel and chooses a sensitivity in its radio group. */
async function mark(page: Page, citation: string, label: 'Private' | 'Sensitive'): Promise<void> {
  await items(page).getByRole('button', { name: `Edit note and tags, ${citation}` }).click();
  const card = page.getByRole('dialog', { name: citation });
  const group = card.getByRole('radiogroup', { name: 'Sensitivity' });
  await group.getByRole('radio', { name: label }).check();
  await expect(group.getByRole('radio', { name: label })).toBeChecked();
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();
}

async function download(page: Page, button: string): Promise<string> {
  const file = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: button }).click();
  return readFile((await (await file).path())!, 'utf8');
}

test('a shared export has neither the private annotation nor the sensitive note', async ({ page }) => {
  await ready(page);
  const secret = await createThroughClient(page, PRIVATE.phrase, { note: PRIVATE.note, color: 'gap' });
  const sensitive = await createThroughClient(page, SENSITIVE.phrase, { note: SENSITIVE.note, color: 'question' });
  await createThroughClient(page, NORMAL.phrase, { note: NORMAL.note });
  await page.reload();
  await ready(page);

  await mark(page, secret.citation, 'Private');
  await mark(page, sensitive.citation, 'Sensitive');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('radio', { name: 'For sharing' })).toBeChecked();
  await expect(dialog(page).getByText('1 private annotation will not be included; 1 sensitive note will be withheld.')).toBeVisible();

  const shared = JSON.parse(await download(page, 'Download Web Annotations')) as { first: { items: Array<Record<string, unknown>> } };
  const text = JSON.stringify(shared);
  expect(shared.first.items).toHaveLength(2);
  expect(text).not.toContain(secret.id);
  expect(text).not.toContain(PRIVATE.note);
  expect(text).not.toContain(SENSITIVE.note);
  expect(text).toContain(NORMAL.note);
  expect(shared.first.items.find((i) => i.id === `urn:uuid:${sensitive.id}`)!['fieldmark:noteWithheld']).toBe(true);

  const markdown = await download(page, 'Download Markdown');
  expect(markdown).not.toContain(PRIVATE.note);
  expect(markdown).not.toContain(PRIVATE.phrase);
  expect(markdown).not.toContain(SENSITIVE.note);
  expect(markdown).toContain('[note withheld]');
  expect(markdown).toContain(SENSITIVE.phrase);
});

test('the review before sharing highlights a phone number; Go back writes nothing, Mark sensitive withholds it', async ({ page }) => {
  await ready(page);
  const view = await createThroughClient(page, SENSITIVE.phrase, { note: SENSITIVE.note });
  await page.reload();
  await ready(page);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog(page).getByRole('button', { name: 'Download Web Annotations' }).click();
  const review = dialog(page).getByRole('region', { name: 'Review before sharing' });
  await expect(review).toBeVisible();
  await expect(review.locator('mark')).toHaveText('090-1234-5678');
  await review.getByRole('button', { name: 'Go back' }).click();
  await expect(review).toBeHidden();
  expect(downloads).toBe(0);

  await dialog(page).getByRole('button', { name: 'Download Web Annotations' }).click();
  await review.getByRole('button', { name: 'Mark sensitive' }).click();
  await expect(review.getByRole('listitem')).toHaveCount(0);
  const file = page.waitForEvent('download');
  await review.getByRole('button', { name: 'Continue' }).click();
  const content = await readFile((await (await file).path())!, 'utf8');
  expect(content).not.toContain(SENSITIVE.note);
  expect(content).toContain(view.id);
});

test('"For me (everything)" takes a second step and then includes the private note', async ({ page }) => {
  await ready(page);
  const secret = await createThroughClient(page, PRIVATE.phrase, { note: PRIVATE.note });
  await page.evaluate((id) => (window as unknown as { fieldmark: { updateAnnotation(i: unknown): Promise<unknown> } }).fieldmark.updateAnnotation({ id, sensitivity: 'private' }), secret.id);
  await page.reload();
  await ready(page);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog(page).getByRole('radio', { name: 'For me (everything)' }).check();
  const confirm = dialog(page).getByRole('group', { name: 'Include everything?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep it for sharing' }).click();
  await expect(dialog(page).getByRole('radio', { name: 'For sharing' })).toBeChecked();
  expect(await download(page, 'Download Markdown')).not.toContain(PRIVATE.note);

  await dialog(page).getByRole('radio', { name: 'For me (everything)' }).check();
  await confirm.getByRole('button', { name: 'Include everything' }).click();
  await expect(dialog(page).getByText('Everything will be included, private annotations and sensitive notes too.')).toBeVisible();
  expect(await download(page, 'Download Markdown')).toContain(PRIVATE.note);
});
