/**
 * The Codebook view (issue 13) end to end, by role and name: a 3-level
 * codebook with definitions built from the view, passages coded from the card
 * with the tag editor's suggestions (which show each code's definition), a
 * move by keyboard and by the "Move to…" picker, a merge and a delete each
 * undone, "Show in panel" counting descendants, what the data folder holds
 * after each step, keyboard-only use of the tree, a refused drag and drop, and
 * screenshots in the light and dark themes (test-results/screenshots/).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, REPO_ROOT, type Host } from './support/fixtures';
import { createThroughClient, items, listAnnotations, panel, ready } from './annotate-helpers';
import { storedTagPaths } from './support/stored-tags';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');
const HOTLINES = 'Several ministries continued to operate hotlines';
const IDENTIFIED = 'In 2020, authorities identified 25 sex trafficking victims';
const DEBT_DEFINITION = 'Workers owe recruitment fees to brokers.\nIncludes deposits held back.';

const codebook = (page: Page): Locator => page.getByRole('region', { name: 'Codebook' });
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A code's treeitem: its name comes first in its accessible name ("TITP, 2 (total 4)"). */
const code = (page: Page, name: string): Locator => codebook(page).getByRole('treeitem', { name: new RegExp(`^${escapeRe(name)},`) });

async function openCodebook(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  await expect(codebook(page)).toBeVisible();
}

/** "New code" or "New child code", then the name and Enter; resolves once the new code has focus. */
async function newCode(page: Page, name: string, child: boolean): Promise<void> {
  await codebook(page).getByRole('button', { name: child ? 'New child code' : 'New code', exact: true }).click();
  await codebook(page).getByRole('textbox', { name: /^Name of the new code/ }).fill(name);
  await page.keyboard.press('Enter');
  await expect(code(page, name)).toBeFocused();
}

async function writeDefinition(page: Page, text: string): Promise<void> {
  const field = codebook(page).getByRole('textbox', { name: 'Definition' });
  await field.fill(text);
  await field.blur();
}

/** The stored codes by path, and each live annotation's tags as paths, as the data folder holds them. */
async function onDisk(host: Host) {
  const doc = await host.readStore();
  const live = doc.codes.filter((c) => c.deletedAt === null);
  const pathOf = (id: string): string => {
    const c = doc.codes.find((x) => x.id === id)!;
    return c.parentId === null ? c.name : `${pathOf(c.parentId)}/${c.name}`;
  };
  return {
    codes: Object.fromEntries(live.map((c) => [pathOf(c.id), c.description])),
    tags: doc.annotations.filter((a) => a.deletedAt === null).map((a) => storedTagPaths(doc, a).sort()),
  };
}

async function tagFromCard(page: Page, phrase: string, typed: string, path: string, definition: string | null): Promise<void> {
  await items(page).filter({ hasText: phrase.slice(0, 30) }).getByRole('button', { name: /^Edit note and tags/ }).click();
  const card = page.getByRole('dialog').filter({ has: page.getByRole('combobox', { name: 'Tags' }) });
  const input = card.getByRole('combobox', { name: 'Tags' });
  await input.fill(typed);
  const option = card.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option', { name: path, exact: true });
  await expect(option).toBeVisible();
  if (definition) {
    await expect(option).toHaveAccessibleDescription(definition.replace(/\n/g, ' '));
    await expect(option).toContainText(definition.split('\n')[0]!);
  }
  await input.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(card.getByRole('button', { name: `Remove tag ${path}` })).toBeVisible();
  // The other codes are still suggested: the first Escape closes the list, the second the card.
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await input.press('Escape');
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await input.press('Escape');
  await expect(card).toBeHidden();
}

test('build a 3-level codebook with definitions, then code passages from the card with its suggestions', async ({ page, host }) => {
  // A long scenario of many saved steps; on a busy machine it needs more than the default minute.
  test.setTimeout(120_000);
  await ready(page);
  await createThroughClient(page, HOTLINES);
  await createThroughClient(page, IDENTIFIED);
  await createThroughClient(page, 'JAPAN: Tier 2');
  await page.reload();
  await ready(page);
  await openCodebook(page);
  await expect(codebook(page).getByText('No codes yet.', { exact: false })).toBeVisible();

  // Three levels: Labour / TITP / Debt (renamed Debt bondage), and a sibling to merge later.
  await newCode(page, 'Labour', false);
  await writeDefinition(page, 'Labour exploitation of any kind.');
  await code(page, 'Labour').focus();
  await newCode(page, 'TITP', true);
  await writeDefinition(page, 'The Technical Intern Training Program.');
  await code(page, 'TITP').focus();
  await newCode(page, 'Debt', true);
  await page.keyboard.press('F2');
  const rename = codebook(page).getByRole('textbox', { name: 'Rename Debt' });
  await expect(rename).toBeFocused();
  await rename.fill('Debt bondage');
  await rename.press('Enter');
  await expect(code(page, 'Debt bondage')).toBeFocused();
  await writeDefinition(page, DEBT_DEFINITION);
  await code(page, 'Labour').focus();
  await newCode(page, 'Passport confiscation', true);

  // A sibling cannot share a name: the service's message stays beside the field.
  await code(page, 'Labour').focus();
  await codebook(page).getByRole('button', { name: 'New child code' }).click();
  await codebook(page).getByRole('textbox', { name: 'Name of the new code under Labour' }).fill('titp');
  await page.keyboard.press('Enter');
  await expect(codebook(page).getByRole('alert')).toContainText('A code named “TITP” already exists under “Labour”');
  await page.keyboard.press('Escape');
  await expect(code(page, 'Labour')).toBeFocused();

  await expect(code(page, 'Debt bondage')).toHaveAttribute('aria-level', '3');
  await expect(code(page, 'Passport confiscation')).toHaveAttribute('aria-posinset', '1');
  await expect(code(page, 'TITP')).toHaveAttribute('aria-setsize', '2');
  await expect(code(page, 'Labour')).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(async () => (await onDisk(host)).codes).toEqual({
    Labour: 'Labour exploitation of any kind.',
    'Labour/TITP': 'The Technical Intern Training Program.',
    'Labour/TITP/Debt bondage': DEBT_DEFINITION,
    'Labour/Passport confiscation': '',
  });

  // Coding from the card: the suggestions are code paths with their definitions.
  await page.getByRole('button', { name: 'Close codebook' }).click();
  await expect(page.getByRole('button', { name: 'Codebook', exact: true })).toBeFocused();
  await tagFromCard(page, HOTLINES, 'debt', 'Labour/TITP/Debt bondage', DEBT_DEFINITION);
  await tagFromCard(page, IDENTIFIED, 'passport', 'Labour/Passport confiscation', null);
  await expect.poll(async () => (await onDisk(host)).tags).toEqual([['Labour/TITP/Debt bondage'], ['Labour/Passport confiscation'], []]);

  // Counts, direct and total, as text.
  await openCodebook(page);
  await expect(code(page, 'Labour')).toContainText('0 (total 2)');
  await expect(code(page, 'TITP')).toContainText('0 (total 1)');
  await expect(code(page, 'Debt bondage')).toContainText('1 (total 1)');

  // Show in panel: the filter by Labour includes the codes under it.
  await code(page, 'Labour').focus();
  await codebook(page).getByRole('button', { name: 'Show in panel' }).click();
  await expect(panel(page).getByText('Showing 2 of 3')).toBeVisible();
  await expect(items(page)).toHaveCount(2);
});

test('move by keyboard and by picker, merge and delete, each undone, with what is on disk after each', async ({ page, host }) => {
  // A long scenario of many saved steps; on a busy machine it needs more than the default minute.
  test.setTimeout(120_000);
  await ready(page);
  await createThroughClient(page, HOTLINES, { tags: ['Labour/TITP/Debt bondage'] });
  await createThroughClient(page, IDENTIFIED, { tags: ['Labour/Passport confiscation'] });
  await createThroughClient(page, 'JAPAN: Tier 2');
  await page.reload();
  await ready(page);
  await openCodebook(page);
  await code(page, 'Debt bondage').focus();
  await writeDefinition(page, DEBT_DEFINITION);
  await expect.poll(async () => (await onDisk(host)).codes['Labour/TITP/Debt bondage']).toBe(DEBT_DEFINITION);
  await code(page, 'Labour').focus();
  await codebook(page).getByRole('button', { name: 'Show in panel' }).click();
  await expect(panel(page).getByText('Showing 2 of 3')).toBeVisible();

  // Move by keyboard: Alt+Shift+Left takes Passport confiscation out to the top level; the panel shows the new path.
  await code(page, 'Passport confiscation').focus();
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(code(page, 'Passport confiscation')).toHaveAttribute('aria-level', '1');
  await expect(code(page, 'Passport confiscation')).toBeFocused();
  await expect.poll(async () => (await onDisk(host)).tags).toEqual([['Labour/TITP/Debt bondage'], ['Passport confiscation'], []]);
  await expect.poll(async () => (await listAnnotations(page)).map((a) => a.tags)).toContainEqual(['Passport confiscation']);
  await expect(panel(page).getByText('Showing 1 of 3')).toBeVisible();

  // …and back under TITP with "Move to…".
  await codebook(page).getByRole('button', { name: 'Move to…' }).click();
  await codebook(page).getByRole('combobox', { name: 'Move “Passport confiscation” under' }).selectOption({ label: 'Labour/TITP' });
  await codebook(page).getByRole('button', { name: 'Move', exact: true }).click();
  await expect(code(page, 'Passport confiscation')).toBeFocused();
  await expect(code(page, 'Passport confiscation')).toHaveAttribute('aria-level', '3');
  await expect.poll(async () => (await onDisk(host)).tags).toEqual([['Labour/TITP/Debt bondage'], ['Labour/TITP/Passport confiscation'], []]);

  // Merge Passport confiscation into Debt bondage, then undo it: the use comes back.
  await codebook(page).getByRole('button', { name: 'Merge into…' }).click();
  const mergeInto = codebook(page).getByRole('combobox', { name: 'Merge “Passport confiscation” into' });
  await expect(mergeInto.getByRole('option')).toHaveText(['Labour', 'Labour/TITP', 'Labour/TITP/Debt bondage']);
  await mergeInto.selectOption({ label: 'Labour/TITP/Debt bondage' });
  await codebook(page).getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(code(page, 'Debt bondage')).toBeFocused();
  await expect(code(page, 'Debt bondage')).toContainText('2 (total 2)');
  await expect(code(page, 'Passport confiscation')).toHaveCount(0);
  await expect.poll(async () => (await onDisk(host)).tags).toEqual([['Labour/TITP/Debt bondage'], ['Labour/TITP/Debt bondage'], []]);
  await page.keyboard.press('Control+Z');
  await expect(code(page, 'Passport confiscation')).toBeVisible();
  await expect(code(page, 'Debt bondage')).toContainText('1 (total 1)');
  await expect.poll(async () => (await onDisk(host)).tags).toEqual([['Labour/TITP/Debt bondage'], ['Labour/TITP/Passport confiscation'], []]);

  // Delete TITP with its sub-codes after a confirmation that counts the uses; undo from the panel's Undo.
  await code(page, 'TITP').focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete code' });
  await expect(confirm).toContainText('Its 2 sub-codes will be deleted with it.');
  await expect(confirm).toContainText('applied to 2 annotations; those uses will be removed.');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(code(page, 'Labour')).toBeFocused();
  await expect(code(page, 'TITP')).toHaveCount(0);
  await expect.poll(async () => await onDisk(host)).toEqual({ codes: { Labour: '' }, tags: [[], [], []] });
  await panel(page).getByRole('button', { name: 'Undo' }).click();
  await expect(code(page, 'Debt bondage')).toBeVisible();
  await expect.poll(async () => (await onDisk(host)).tags).toEqual([['Labour/TITP/Debt bondage'], ['Labour/TITP/Passport confiscation'], []]);
  await expect.poll(async () => (await onDisk(host)).codes['Labour/TITP/Debt bondage']).toBe(DEBT_DEFINITION);
});

test('the tree is operable with the keyboard alone, and a refused drag says why', async ({ page, host }) => {
  await ready(page);
  await createThroughClient(page, HOTLINES, { tags: ['Labour/TITP/Debt bondage', 'Victims'] });
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Codebook', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(codebook(page).getByRole('button', { name: 'New code', exact: true })).toBeFocused();
  // The tree arrives with the host's answer after the sheet opens; Tab into it once it is there.
  await expect(code(page, 'Labour')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(code(page, 'Labour')).toBeFocused();
  // One tab stop: the tree's other items are not in the tab order.
  await expect(codebook(page).getByRole('treeitem').and(page.locator('[tabindex="0"]'))).toHaveCount(1);

  await page.keyboard.press('ArrowDown');
  await expect(code(page, 'TITP')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(code(page, 'Debt bondage')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(code(page, 'TITP')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(code(page, 'TITP')).toHaveAttribute('aria-expanded', 'false');
  await expect(code(page, 'Debt bondage')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(code(page, 'Debt bondage')).toBeVisible();
  await page.keyboard.press('End');
  await expect(code(page, 'Victims')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(code(page, 'Labour')).toBeFocused();
  await page.keyboard.press('v');
  await expect(code(page, 'Victims')).toBeFocused();
  await expect(codebook(page).getByRole('heading', { name: 'Victims' })).toBeVisible();

  // Rename with F2, cancel with Escape: focus comes back to the code and the sheet stays open.
  await page.keyboard.press('F2');
  await page.keyboard.type('x');
  await page.keyboard.press('Escape');
  await expect(code(page, 'Victims')).toBeFocused();

  // Delete asks first; Cancel (the default button) keeps the code.
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete code' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(confirm).toContainText('It is applied to 1 annotation; that use will be removed.');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(code(page, 'Victims')).toBeFocused();
  await expect(codebook(page)).toBeVisible();

  // Dragging Labour onto its own sub-code is refused with the service's message.
  await code(page, 'Labour').dragTo(code(page, 'Debt bondage'));
  await expect(codebook(page).getByRole('alert')).toContainText('cannot move under itself or under one of its own sub-codes');
  // A drag onto another code moves it there.
  await code(page, 'Victims').dragTo(code(page, 'TITP'));
  await expect(code(page, 'Victims')).toHaveAttribute('aria-level', '3');
  await expect.poll(async () => (await listAnnotations(page))[0]!.tags.sort()).toEqual(['Labour/TITP/Debt bondage', 'Labour/TITP/Victims']);

  // Undo takes back a new code, focus staying in the tree, and the status about it goes; redo brings it back.
  await newCode(page, 'Trafficking', false);
  await expect(codebook(page).getByRole('status')).toHaveText('Created “Trafficking”.');
  await page.keyboard.press('Control+Z');
  await expect(code(page, 'Trafficking')).toHaveCount(0);
  await expect(codebook(page).getByRole('status')).toHaveText('');
  await expect(codebook(page).getByRole('treeitem').and(page.locator(':focus'))).toHaveCount(1);
  await page.keyboard.press('Control+Shift+Z');
  await expect(code(page, 'Trafficking')).toBeVisible();

  // Escape closes the view, saving a definition still being typed, and puts focus back on its button.
  await code(page, 'Labour').focus();
  await codebook(page).getByRole('textbox', { name: 'Definition' }).fill('Work exacted by force, fraud or debt.');
  await page.keyboard.press('Escape');
  await expect(codebook(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Codebook', exact: true })).toBeFocused();
  await expect.poll(async () => (await onDisk(host)).codes.Labour).toBe('Work exacted by force, fraud or debt.');
});

test('the Codebook view in light and dark themes, and at 800×600', async ({ page }) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await ready(page);
  await createThroughClient(page, HOTLINES, { tags: ['Labour/TITP/Debt bondage', 'Victims'] });
  await createThroughClient(page, IDENTIFIED, { tags: ['Labour/TITP/Debt bondage', 'Labour/Wages'] });
  await page.reload();
  await ready(page);
  await openCodebook(page);
  await code(page, 'Debt bondage').focus();
  await writeDefinition(page, DEBT_DEFINITION);
  await code(page, 'Debt bondage').focus();
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `codebook-${theme.toLowerCase()}.png`) });
  }
  await page.setViewportSize({ width: 800, height: 600 });
  // The sheet starts below the toolbar, which wraps at this width, and its button stays reachable.
  const toolbarBottom = await page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().bottom);
  await expect.poll(async () => (await codebook(page).boundingBox())!.y).toBeGreaterThanOrEqual(toolbarBottom - 1);
  const sheet = (await codebook(page).boundingBox())!;
  expect(sheet.x + sheet.width).toBeLessThanOrEqual(800);
  expect(sheet.y + sheet.height).toBeLessThanOrEqual(600);
  await page.getByRole('button', { name: 'Codebook', exact: true }).click({ trial: true });
  const remove = codebook(page).getByRole('button', { name: 'Delete' });
  await remove.scrollIntoViewIfNeeded();
  await expect(remove).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'codebook-dark-800x600.png') });
});
