/**
 * Creating annotations end to end against the real host: a mouse selection
 * with its note and tag survives a host restart (checked in the page and on
 * disk), keyboard-only highlighting works, selections across paragraphs become
 * one annotation, and the renderer sends only offsets.
 */
import { expect, test } from './support/fixtures';
import { storedTagPaths } from './support/stored-tags';
import { dragSelect, items, listAnnotations, paintedHighlights, panel, phraseOffsets, ready, reportText, toolbar } from './annotate-helpers';

const PROTECTION_P2 = 'In 2020, authorities identified 25 sex trafficking victims and 13 labor trafficking victims';

test('a mouse selection becomes a highlight with a note and a tag that survive a host restart', async ({ page, host }) => {
  await ready(page);
  const { start, end } = await phraseOffsets(page, PROTECTION_P2);
  await dragSelect(page, start, end);

  await expect(toolbar(page)).toBeVisible();
  await expect(toolbar(page).getByRole('button')).toHaveText([/Key finding/, /Gap or failure/, /Progress/, /Statistic/, /Question/]);
  const sent: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/createAnnotation')) sent.push(request.postDataJSON());
  });
  await toolbar(page).getByRole('button', { name: 'Highlight as Key finding' }).click();

  // The card opens on the new annotation, labelled by its citation, with the note focused.
  const card = page.getByRole('dialog', { name: 'Protection ¶2' });
  await expect(card).toBeVisible();
  const note = card.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  expect(sent).toEqual([{ start, end, color: 'key' }]);

  await note.pressSequentially('Identified victims fell from 47 to 38.\nCheck the 2019 figures.');
  await card.getByRole('combobox', { name: 'Tags' }).fill('victim identification');
  await card.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await expect(card.getByRole('button', { name: 'Remove tag victim identification' })).toBeVisible();
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();

  const expectSaved = (list: Awaited<ReturnType<typeof listAnnotations>>) => {
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      start,
      end,
      color: 'key',
      exact: PROTECTION_P2,
      note: 'Identified victims fell from 47 to 38.\nCheck the 2019 figures.',
      tags: ['victim identification'],
      deletedAt: null,
      citation: 'Protection ¶2',
    });
  };
  expectSaved(await listAnnotations(page));
  const onDisk = await host.readStore();
  expect(onDisk.annotations).toHaveLength(1);
  expect(onDisk.annotations[0]).toMatchObject({ note: 'Identified victims fell from 47 to 38.\nCheck the 2019 figures.', color: 'key' });
  expect(storedTagPaths(onDisk, onDisk.annotations[0]!)).toEqual(['victim identification']);

  const again = await host.restart();
  await ready(again);
  expectSaved(await listAnnotations(again));
  await expect(items(again)).toHaveCount(1);
  await expect(items(again).first()).toContainText('Identified victims fell from 47 to 38.');
  await expect(items(again).first()).toContainText('victim identification');
  await expect(items(again).first()).toContainText('Key finding');
  await expect.poll(async () => (await paintedHighlights(again))['fm-annotation-key']).toEqual([PROTECTION_P2]);
});

test('keyboard only: caret, Shift+Arrow to select, 1 to highlight, Escape, then Enter reopens the note', async ({ page }) => {
  await ready(page);
  const article = page.getByRole('article');
  // The skip link is the first stop; following it puts the caret at the top of the report.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the report' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(article).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('2021');
  await expect(toolbar(page)).toBeVisible();

  await page.keyboard.press('1');
  const card = page.getByRole('dialog');
  await expect(card).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Year of the report');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(article).toBeFocused();

  const [created] = await listAnnotations(page);
  expect(created).toMatchObject({ exact: '2021', color: 'key', note: 'Year of the report' });

  // Back in the text, the caret is at the end of the highlight: Enter opens its card again.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(card).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Note' })).toHaveValue('Year of the report');
  await page.keyboard.press('Escape');

  // Ctrl+Shift+H highlights in the default colour; 3 in Progress.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 11; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('Trafficking');
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('in ');
  await page.keyboard.press('3');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  const list = await listAnnotations(page);
  expect(list.map((a) => [a.exact, a.color])).toEqual([
    ['2021', 'key'],
    ['Trafficking', 'key'],
    ['in ', 'progress'],
  ]);
});

test('a selection across paragraphs and a section heading becomes one annotation', async ({ page }) => {
  await ready(page);
  const from = await phraseOffsets(page, 'in urban entertainment centers.');
  const to = await phraseOffsets(page, 'In 2020, authorities identified');
  await dragSelect(page, from.start, to.end);
  await toolbar(page).getByRole('button', { name: 'Highlight as Question' }).click();
  // The citation names both ends of the passage.
  await expect(page.getByRole('dialog', { name: 'Protection ¶1–¶2', exact: true })).toBeVisible();
  const list = await listAnnotations(page);
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ start: from.start, end: to.end, color: 'question' });
  expect(list[0]!.exact).toContain('\n');

  const heading = await phraseOffsets(page, 'PREVENTION');
  const prevention = await phraseOffsets(page, 'The government maintained insufficient efforts to prevent trafficking');
  const text = await reportText(page);
  // The last words of the Protection section (the text just before the heading).
  const lastOfProtection = text.lastIndexOf(' ', text.slice(0, heading.start).trimEnd().length - 20) + 1;
  await page.keyboard.press('Escape');
  await dragSelect(page, lastOfProtection, prevention.end);
  await page.keyboard.press('4');
  await expect(page.getByRole('dialog', { name: /^Protection ¶\d+ – Prevention ¶1$/ })).toBeVisible();
  const both = await listAnnotations(page);
  expect(both).toHaveLength(2);
  const crossing = both.find((a) => a.color === 'statistic')!;
  expect(crossing.start).toBe(lastOfProtection);
  expect(crossing.end).toBe(prevention.end);
  expect(crossing.exact).toContain('PREVENTION');
  await expect(panel(page).getByRole('button', { name: 'Statistic (1)' })).toBeVisible();
});

test('pressing a colour key without a selection creates nothing', async ({ page }) => {
  await ready(page);
  await page.getByRole('article').focus();
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Shift+H');
  await expect(toolbar(page)).toBeHidden();
  expect(await listAnnotations(page)).toEqual([]);
  await expect(panel(page).getByText('No highlights yet')).toBeVisible();
});
