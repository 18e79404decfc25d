/**
 * Single-key colour shortcuts (issue 17, WCAG 2.1.4): on by default with 1–5,
 * remapped or turned off in the reading settings, a duplicate refused with a
 * message, and the choice kept across a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { dragSelect, listAnnotations, phraseOffsets, ready, toolbar } from './annotate-helpers';

const FIRST = 'Technical Intern Training Program';
const SECOND = 'Specified Skilled Worker';

async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const { start, end } = await phraseOffsets(page, phrase);
  // After a reload the page restores the reading position on its own time; a restore that
  // lands mid-drag scrolls the phrase away and the drag selects nothing, so it is done again.
  await expect(async () => {
    await dragSelect(page, start, end);
    await expect(toolbar(page)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

type KeysApi = { fieldmark: { getSettings(): Promise<{ colorKeys?: { enabled: boolean; keys: Record<string, string> } }> } };
const storedKeys = (page: Page) => page.evaluate(async () => (await (window as unknown as KeysApi).fieldmark.getSettings()).colorKeys ?? null);

const colorOf = async (page: Page, phrase: string) => (await listAnnotations(page)).find((a) => a.exact === phrase && !a.deletedAt)?.color ?? null;

test('the colour keys can be remapped, refuse a duplicate, and can be turned off', async ({ page }) => {
  await ready(page);
  await selectPhrase(page, FIRST);
  await expect(toolbar(page).getByRole('button', { name: 'Highlight as Gap or failure' })).toHaveAttribute('aria-keyshortcuts', '2');
  await page.keyboard.press('2');
  await expect.poll(() => colorOf(page, FIRST)).toBe('gap');

  const open = page.getByRole('button', { name: 'Colour keys', exact: true });
  await open.click();
  const panel = page.getByRole('group', { name: 'Colour keys' });
  const keyFinding = panel.getByRole('textbox', { name: 'Key for Key finding' });
  await expect(keyFinding).toHaveValue('1');
  await keyFinding.fill('h');
  await expect.poll(() => storedKeys(page)).toMatchObject({ enabled: true, keys: { key: 'h', gap: '2' } });

  // Gap or failure already has 2: refused in words, the field marked, nothing saved.
  await keyFinding.fill('2');
  await expect(panel.getByRole('status')).toHaveText('“2” is already the key for Gap or failure. Choose another character.');
  await expect(keyFinding).toHaveAttribute('aria-invalid', 'true');
  await expect(keyFinding).toHaveAccessibleDescription('“2” is already the key for Gap or failure. Choose another character.');
  await keyFinding.fill('ab');
  await expect(panel.getByRole('status')).toHaveText('The key for Key finding must be one character, not a space.');
  await keyFinding.press('Escape');
  await expect(panel).toBeHidden();
  await expect(open).toBeFocused();

  await selectPhrase(page, SECOND);
  await expect(toolbar(page).getByRole('button', { name: 'Highlight as Key finding' })).toHaveAttribute('aria-keyshortcuts', 'h');
  await page.keyboard.press('1');
  await page.waitForTimeout(300);
  expect(await colorOf(page, SECOND)).toBeNull();
  await page.keyboard.press('H');
  await expect.poll(() => colorOf(page, SECOND)).toBe('key');

  await open.click();
  await panel.getByRole('checkbox', { name: 'Single-key colour shortcuts' }).uncheck();
  await expect(panel.getByRole('textbox', { name: 'Key for Gap or failure' })).toBeDisabled();
  await expect.poll(() => storedKeys(page)).toMatchObject({ enabled: false, keys: { key: 'h' } });
  await page.keyboard.press('Escape');

  await page.reload();
  await ready(page);
  const third = 'Joshi\u00a0kosei';
  await selectPhrase(page, third);
  await expect(toolbar(page).getByRole('button', { name: 'Highlight as Progress' })).not.toHaveAttribute('aria-keyshortcuts');
  for (const key of ['1', '2', '3', 'h']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  expect(await colorOf(page, third)).toBeNull();
  // The toolbar's buttons still work without the keys.
  await toolbar(page).getByRole('button', { name: 'Highlight as Progress' }).click();
  await expect.poll(() => colorOf(page, third)).toBe('progress');
  await open.click();
  await expect(panel.getByRole('checkbox', { name: 'Single-key colour shortcuts' })).not.toBeChecked();
  await expect(panel.getByRole('textbox', { name: 'Key for Key finding' })).toHaveValue('h');
});
