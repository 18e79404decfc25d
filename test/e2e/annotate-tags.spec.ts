/**
 * Tags in the card: suggestions from the tags already in use (a combobox with a
 * listbox), Enter and comma add, duplicates ignoring case and tags over 64
 * characters are refused with a message that keeps the typed text, and
 * removing a tag by its button.
 */
import { expect, test } from './support/fixtures';
import { createThroughClient, items, listAnnotations, ready } from './annotate-helpers';

test('tags autocomplete from existing ones, stay unique ignoring case, and respect the 64-character limit', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key', tags: ['forced labor', 'TITP'] });
  const target = await createThroughClient(page, 'In 2020, authorities identified 25 sex trafficking victims', { color: 'statistic' });
  await page.reload();
  await ready(page);

  await items(page).filter({ hasText: 'In 2020, authorities' }).getByRole('button', { name: /^Edit note and tags/ }).click();
  const card = page.getByRole('dialog', { name: 'Protection ¶2' });
  const input = card.getByRole('combobox', { name: 'Tags' });
  await input.fill('for');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  const suggestions = card.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(suggestions.getByRole('option')).toHaveText(['forced labor']);
  await input.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: 'forced labor' })).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(card.getByRole('button', { name: 'Remove tag forced labor' })).toBeVisible();
  await expect(input).toHaveValue('');

  // A comma adds too; the same tag in another case is refused and the text stays.
  await input.pressSequentially('victims,');
  await expect(card.getByRole('button', { name: 'Remove tag victims' })).toBeVisible();
  await input.fill('VICTIMS');
  await input.press('Enter');
  await expect(card.getByText('This annotation already has the tag "VICTIMS".')).toBeVisible();
  await expect(input).toHaveValue('VICTIMS');

  const long = 'x'.repeat(65);
  await input.fill(long);
  await input.press('Enter');
  await expect(card.getByText('A tag can be at most 64 characters.')).toBeVisible();
  await expect(input).toHaveValue(long);

  await card.getByRole('button', { name: 'Remove tag forced labor' }).click();
  await expect(card.getByRole('button', { name: 'Remove tag forced labor' })).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(page)).find((a) => a.id === target.id)?.tags).toEqual(['victims']);
});
