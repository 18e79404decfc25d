/**
 * Changes shown before the service answers (issue 12): a colour, a deletion
 * and an undo appear at once, and when the service refuses one it is taken
 * back on screen, an alert says so with Retry, and the stored annotation is
 * untouched; Retry then makes it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createThroughClient, items, listAnnotations, panel, ready } from './annotate-helpers';

const PHRASE = 'Several ministries continued to operate hotlines';

/** Answers `method` with a refusal after `delayMs`, so the change is on screen while it waits. */
async function refuse(page: Page, method: string, delayMs = 400): Promise<void> {
  await page.route(`**/api/${method}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full. Free some space, then retry.' } }),
    });
  });
}

async function openCard(page: Page) {
  await items(page).getByRole('button', { name: 'Edit note and tags, Protection ¶1' }).click();
  return page.getByRole('dialog', { name: 'Protection ¶1' });
}

test('a refused colour change shows at once, then goes back with an alert; Retry saves it', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, PHRASE, { color: 'key' });
  await page.reload();
  await ready(page);
  const card = await openCard(page);
  await refuse(page, 'updateAnnotation');

  await card.getByRole('radio', { name: 'Question' }).check();
  // Shown before the answer: the legend already counts it.
  await expect(panel(page).getByRole('button', { name: 'Question (1)' })).toBeVisible();
  const alert = page.getByRole('alert').filter({ hasText: 'was not saved' });
  await expect(alert).toContainText('The disk is full');
  await expect(card.getByRole('radio', { name: 'Key finding' })).toBeChecked();
  await expect(panel(page).getByRole('button', { name: 'Key finding (1)' })).toBeVisible();
  expect((await listAnnotations(page))[0]!.color).toBe('key');

  await page.unroute('**/api/updateAnnotation');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(panel(page).getByRole('button', { name: 'Question (1)' })).toBeVisible();
  expect((await listAnnotations(page))[0]!.color).toBe('question');
});

test('a refused delete shows at once, then the highlight comes back with an alert; Retry deletes it', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, PHRASE, { color: 'key' });
  await page.reload();
  await ready(page);
  const card = await openCard(page);
  await refuse(page, 'deleteAnnotation');

  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(items(page)).toHaveCount(0);
  const alert = page.getByRole('alert').filter({ hasText: 'The highlight was not deleted.' });
  await expect(alert).toBeVisible();
  await expect(items(page)).toHaveCount(1);
  await expect(panel(page).getByRole('button', { name: /^Recently deleted/ })).toHaveCount(0);
  expect((await listAnnotations(page))[0]!.deletedAt).toBeNull();

  // Nothing was recorded for undo: Ctrl+Z has nothing to take back.
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect(items(page)).toHaveCount(1);

  await page.unroute('**/api/deleteAnnotation');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(items(page)).toHaveCount(0);
  expect((await listAnnotations(page))[0]!.deletedAt).not.toBeNull();
});

test('a refused undo shows at once, then goes back with an alert, and the step can be taken again', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, PHRASE, { color: 'key' });
  await page.reload();
  await ready(page);
  const card = await openCard(page);
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(items(page)).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(page))[0]!.deletedAt).not.toBeNull();

  await refuse(page, 'restoreAnnotation');
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect(items(page)).toHaveCount(1);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not undo.' })).toBeVisible();
  await expect(items(page)).toHaveCount(0);
  expect((await listAnnotations(page))[0]!.deletedAt).not.toBeNull();

  await page.unroute('**/api/restoreAnnotation');
  await page.getByRole('article').focus();
  await page.keyboard.press('Control+Z');
  await expect(items(page)).toHaveCount(1);
  expect((await listAnnotations(page))[0]!.deletedAt).toBeNull();
});
