/**
 * User text is only ever text: notes, tags and colour labels that look like
 * HTML, script URLs or Markdown are shown literally, no element is created from
 * them, no script runs and no dialog opens. A note the service refuses to save
 * stays in the card marked "Not saved" with Retry, and nothing typed is lost.
 */
import { expect, test } from './support/fixtures';
import { createThroughClient, forbidDialogs, items, listAnnotations, panel, pointAt, phraseOffsets, ready } from './annotate-helpers';

const HOSTILE_NOTE = '<img src=x onerror="window.__pwned=1;alert(1)"> [click](javascript:alert(2)) javascript:alert(3) <script>window.__pwned=2</script>';
const HOSTILE_TAG = '<b onmouseover=alert(4)>bold</b>';

test('notes, tags and labels that look like markup are shown as text and never run', async ({ page }) => {
  const dialogs = forbidDialogs(page);
  await ready(page);
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key', note: HOSTILE_NOTE, tags: [HOSTILE_TAG, 'javascript:alert(5)'] });
  await page.reload();
  await ready(page);
  const p = panel(page);

  await expect(items(page)).toHaveCount(1);
  await expect(items(page).locator('.fm-item-note')).toHaveText(HOSTILE_NOTE.replace(/\s+/g, ' '));
  await expect(items(page).getByText(HOSTILE_TAG, { exact: true })).toBeVisible();
  await expect(p.getByRole('button', { name: `${HOSTILE_TAG} (1)` })).toBeVisible();

  // A label with markup, through the legend.
  await p.getByRole('button', { name: 'Rename Key finding' }).click();
  await p.getByRole('textbox', { name: 'Name for the yellow highlights' }).fill('<img src=y onerror=alert(6)>');
  await p.getByRole('textbox', { name: 'Name for the yellow highlights' }).press('Enter');
  await expect(p.getByRole('button', { name: '<img src=y onerror=alert(6)> (1)' })).toBeVisible();

  // The card shows the same text in its fields; hovering and filtering render it as text too.
  const tier = await phraseOffsets(page, 'JAPAN: Tier 2');
  const point = await pointAt(page, tier.start + 2);
  await page.mouse.move(point.x, point.y);
  await expect(page.getByRole('tooltip')).toContainText('<img src=y onerror=alert(6)>');
  await page.mouse.click(point.x, point.y);
  const card = page.getByRole('dialog');
  await expect(card.getByRole('textbox', { name: 'Note' })).toHaveValue(HOSTILE_NOTE);
  await expect(card.getByRole('button', { name: `Remove tag ${HOSTILE_TAG}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await p.getByRole('searchbox', { name: 'Filter annotations' }).fill('onerror');
  await expect(items(page).locator('mark')).toHaveText(['onerror']);

  // Nothing became markup anywhere in the app.
  const app = page.locator('#root');
  await expect(app.locator('img')).toHaveCount(0);
  await expect(app.locator('script')).toHaveCount(0);
  await expect(app.locator('b')).toHaveCount(0);
  await expect(app.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(app.getByRole('link', { name: 'click' })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);

  const [stored] = await listAnnotations(page);
  expect(stored).toMatchObject({ note: HOSTILE_NOTE, tags: [HOSTILE_TAG, 'javascript:alert(5)'] });
});

test('a refused note save shows "Not saved" with Retry, keeps every keystroke, and saves on Retry', async ({ page, host }) => {
  await ready(page);
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key' });
  await page.reload();
  await ready(page);

  await page.route('**/api/updateAnnotation', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full. Free some space, then retry.' } }),
    }),
  );
  await items(page).getByRole('button', { name: /^Edit note and tags/ }).click();
  const card = page.getByRole('dialog');
  const note = card.getByRole('textbox', { name: 'Note' });
  const text = 'Tier 2 since 2001; every keystroke matters.';
  await note.pressSequentially(text);
  await expect(card.getByText(/Not saved — The disk is full/)).toBeVisible();
  await expect(page.getByRole('alert').getByText(/Your note on .* was not saved/)).toBeVisible();
  await expect(note).toHaveValue(text);

  // Closing the card does not lose it: it is still there when reopened.
  await card.getByRole('button', { name: 'Close' }).click();
  await items(page).getByRole('button', { name: /^Edit note and tags/ }).click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Note' })).toHaveValue(text);
  expect((await listAnnotations(page))[0]!.note).toBe('');

  await page.unroute('**/api/updateAnnotation');
  await page.getByRole('dialog').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('dialog').getByText('Saved', { exact: true })).toBeVisible();
  await expect.poll(async () => (await listAnnotations(page))[0]!.note).toBe(text);
  await expect(page.getByRole('alert').getByText(/was not saved/)).toHaveCount(0);
  const onDisk = (await host.readStore()) as { annotations: Array<{ note: string }> };
  expect(onDisk.annotations[0]!.note).toBe(text);
});

test('a note typed right before the page goes away is saved', async ({ page, host }) => {
  await ready(page);
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key' });
  await page.reload();
  await ready(page);
  await items(page).getByRole('button', { name: /^Edit note and tags/ }).click();
  const note = page.getByRole('dialog').getByRole('textbox', { name: 'Note' });
  await note.pressSequentially('last words');
  // No pause for the debounce: leaving the page flushes what was typed (keepalive request).
  await page.reload();
  await ready(page);
  await expect.poll(async () => ((await host.readStore()) as { annotations: Array<{ note: string }> }).annotations[0]!.note).toBe('last words');
  await expect(items(page).locator('.fm-item-note')).toHaveText('last words');
});
