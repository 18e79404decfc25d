/**
 * The recommendation tracker (issue 14), by role and name: assess three
 * recommendations (status and rationale, with an assessor), link five
 * annotations as progress or gap evidence from their cards and two annotations
 * to each other, filter the Annotations panel by a recommendation's evidence
 * count (and remove the chip), undo a link, restart the host and find it all
 * again, check the data folder, the status badges in the text (which leave the
 * text itself alone), the tracker's CSV download, and screenshots of the table
 * and an opened recommendation in light and dark (test-results/screenshots/).
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test, REPO_ROOT, readStoreFile, startWebHost, stopWebHost, type Host } from './support/fixtures';
import { createThroughClient, items, panel, ready, reportText } from './annotate-helpers';
import { readCsv } from '../unit/core/exchange/csv-reader';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

const P1 = 'The government maintained insufficient efforts to protect victims';
const P2 = 'Lack of standardized guidelines, poor coordination among ministries';
const P3 = 'The government maintained inadequate law enforcement efforts';
const P4 = 'a lack of political will to adequately do so';
const P5 = 'did not have nationwide standard operating procedures';
const P6 = 'poor coordination among ministries, and misunderstanding';

const tracker = (page: Page) => page.getByRole('region', { name: 'Recommendations', exact: true });
const card = (page: Page) => page.getByRole('dialog');

async function seed(page: Page): Promise<void> {
  await ready(page);
  for (const phrase of [P1, P2, P3, P4, P5, P6]) await createThroughClient(page, phrase, { color: 'gap' });
  await page.reload();
  await ready(page);
  await expect(items(page)).toHaveCount(6);
}

async function openTracker(page: Page): Promise<Locator> {
  const button = page.getByRole('button', { name: 'Recommendations', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(tracker(page).getByRole('table')).toBeVisible();
  return tracker(page);
}

async function openRecommendation(page: Page, n: number): Promise<void> {
  await tracker(page).getByRole('button', { name: new RegExp(`^Open Recommendation ${n}:`, 'u') }).click();
  await expect(tracker(page).getByRole('heading', { level: 3, name: new RegExp(`^Recommendation ${n}:`, 'u') })).toBeFocused();
}

async function assess(page: Page, n: number, status: string, rationale: string): Promise<void> {
  await openRecommendation(page, n);
  await tracker(page).getByRole('group', { name: 'Status' }).getByRole('radio', { name: status, exact: true }).check();
  await expect(tracker(page).getByText(`Saved: ${status}`)).toBeVisible();
  const field = tracker(page).getByRole('textbox', { name: 'Rationale' });
  await field.fill(rationale);
  // Saved after a second's pause, without leaving the field; "Saved" only once the host answered.
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription('Saved');
  await tracker(page).getByRole('button', { name: 'All recommendations' }).click();
  await expect(tracker(page).getByRole('button', { name: new RegExp(`^Open Recommendation ${n}:`, 'u') })).toBeFocused();
}

async function openCard(page: Page, phrase: string): Promise<Locator> {
  await items(page).filter({ hasText: phrase.slice(0, 40) }).getByRole('button', { name: /^Edit note and tags/u }).click();
  await expect(card(page)).toBeVisible();
  return card(page);
}

async function linkToRecommendation(page: Page, phrase: string, n: number, relation: 'Progress' | 'Gap'): Promise<void> {
  const dialog = await openCard(page, phrase);
  await dialog.getByRole('button', { name: 'Link to recommendation…' }).click();
  await dialog.getByRole('combobox', { name: 'Find a recommendation' }).fill(`Recommendation ${n}:`);
  await dialog.getByRole('option', { name: new RegExp(`^Recommendation ${n}:`, 'u') }).click();
  await dialog.getByRole('group', { name: 'Relation' }).getByRole('radio', { name: relation, exact: true }).check();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  const words = relation === 'Gap' ? 'Evidence of a gap for' : 'Evidence of progress for';
  await expect(dialog.getByRole('listitem').filter({ hasText: `${words} Recommendation ${n}:` })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function linkHighlights(page: Page, from: string, to: string): Promise<void> {
  const dialog = await openCard(page, from);
  await dialog.getByRole('button', { name: 'Link to another highlight…' }).click();
  await dialog.getByRole('combobox', { name: 'Find a highlight' }).fill(to.slice(0, 30));
  await dialog.getByRole('option').first().click();
  await dialog.getByRole('group', { name: 'Relation' }).getByRole('radio', { name: 'Supports', exact: true }).check();
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: /^Supports Protection/u })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** Statuses and live links as the data folder holds them. */
async function onDisk(host: Host) {
  const doc = await host.readStore();
  return {
    assessments: Object.fromEntries(doc.assessments.map((a) => [a.id, [a.status, a.rationale, a.assessedBy]])),
    live: doc.links.filter((l) => l.deletedAt === null).map((l) => l.relation).sort(),
    tombstoned: doc.links.filter((l) => l.deletedAt !== null).length,
  };
}

test('assess, link, filter, undo, restart: the tracker keeps everything', async ({ page, host }) => {
  test.setTimeout(180_000);
  await seed(page);
  const sheet = await openTracker(page);
  await expect(sheet.getByRole('table').getByRole('row')).toHaveCount(13);
  const assessor = sheet.getByRole('textbox', { name: 'Assessor' });
  await assessor.fill('Aiko Tanaka');
  await assessor.press('Enter');
  await expect(assessor).toHaveAccessibleDescription('Saved');

  await assess(page, 1, 'Partly addressed', 'Some prosecutions, few convictions.');
  await assess(page, 2, 'No progress', 'No standalone law.');
  await assess(page, 3, 'Substantially addressed', 'Screening guidelines exist.');
  await expect(sheet.getByRole('row').filter({ hasText: 'Partly addressed' })).toHaveCount(1);
  await sheet.getByRole('button', { name: 'Close recommendations' }).click();
  await expect(page.getByRole('button', { name: 'Recommendations', exact: true })).toBeFocused();

  await linkToRecommendation(page, P1, 2, 'Gap');
  await linkToRecommendation(page, P2, 2, 'Gap');
  await linkToRecommendation(page, P3, 1, 'Progress');
  await linkToRecommendation(page, P4, 1, 'Gap');
  await linkToRecommendation(page, P5, 3, 'Progress');
  await linkHighlights(page, P6, P2);
  // The other end lists it too, in words.
  await expect((await openCard(page, P2)).getByRole('listitem').filter({ hasText: /^Supported by Protection/u })).toHaveCount(1);
  await card(page).getByRole('button', { name: 'Close' }).click();

  // One more link, then undo it (Ctrl+Z outside a text field).
  await linkToRecommendation(page, P6, 4, 'Progress');
  await page.getByRole('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undid link.')).toBeVisible();

  // A count filters the panel to exactly its annotations, with a chip that can be removed.
  await openTracker(page);
  await expect(sheet.getByRole('button', { name: /evidence for Recommendation 4$/u })).toHaveCount(0);
  await sheet.getByRole('button', { name: '2 gap evidence for Recommendation 2', exact: true }).click();
  await expect(items(page)).toHaveCount(2);
  await expect(items(page).filter({ hasText: P1.slice(0, 30) })).toHaveCount(1);
  await expect(items(page).filter({ hasText: P2.slice(0, 30) })).toHaveCount(1);
  const chip = panel(page).getByRole('button', { name: /Evidence for Recommendation 2 \(gap\)/u });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(items(page)).toHaveCount(6);

  await expect.poll(async () => onDisk(host)).toEqual({
    assessments: {
      'rec-1': ['partial', 'Some prosecutions, few convictions.', 'Aiko Tanaka'],
      'rec-2': ['no-progress', 'No standalone law.', 'Aiko Tanaka'],
      'rec-3': ['substantial', 'Screening guidelines exist.', 'Aiko Tanaka'],
    },
    live: ['gap', 'gap', 'gap', 'progress', 'progress', 'supports'],
    tombstoned: 1,
  });

  const after = await host.restart();
  await ready(after);
  const again = await openTracker(after);
  for (const status of ['Partly addressed', 'No progress', 'Substantially addressed']) {
    await expect(again.getByRole('row').filter({ hasText: status })).toHaveCount(1);
  }
  await expect(again.getByRole('button', { name: '1 progress evidence for Recommendation 1', exact: true })).toBeVisible();
  await expect(again.getByRole('button', { name: '1 gap evidence for Recommendation 1', exact: true })).toBeVisible();
  await expect(again.getByRole('button', { name: '1 progress evidence for Recommendation 3', exact: true })).toBeVisible();
  await openRecommendation(after, 2);
  await expect(again.getByRole('textbox', { name: 'Rationale' })).toHaveValue('No standalone law.');
  await expect(again.getByText('Assessed by Aiko Tanaka')).toBeVisible();
  // Evidence jumps to its passage and opens its card.
  await again.getByRole('button', { name: new RegExp(`“${P1.slice(0, 20)}`, 'u') }).click();
  await expect(card(after)).toBeVisible();
  await expect(card(after).getByRole('listitem').filter({ hasText: 'Evidence of a gap for Recommendation 2:' })).toHaveCount(1);
  // Following the link from the card opens the tracker entry (focus goes back to it, though it is open already).
  await card(after).getByRole('button', { name: /^Follow: Evidence of a gap for Recommendation 2:/u }).click();
  await expect(again.getByRole('heading', { level: 3, name: /^Recommendation 2:/u })).toBeFocused();
});

test('status badges in the text open the tracker and leave the text alone; the tracker downloads as CSV and Markdown', async ({ page }) => {
  await ready(page);
  await createThroughClient(page, P1, { color: 'gap' });
  await page.reload();
  await ready(page);
  await page.evaluate(() =>
    (window as unknown as { fieldmark: { updateRecommendation(input: unknown): Promise<unknown> } }).fieldmark.updateRecommendation({ id: 'rec-3', status: 'partial' }),
  );
  await page.reload();
  await ready(page);
  const badge = page.getByRole('article').getByRole('button', { name: 'Recommendation 3: Partly addressed', exact: true });
  await expect(badge).toHaveCount(1);
  await expect(page.getByRole('article').getByRole('button', { name: /^Recommendation \d+: Not assessed$/u })).toHaveCount(11);
  // Every recommendation block still holds exactly its text.
  const text = await reportText(page);
  const blocks = await page.locator('article li[data-block-id^="recommendation-"]').evaluateAll((els) =>
    els.map((el) => ({ start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')), text: el.textContent })),
  );
  expect(blocks).toHaveLength(12);
  for (const block of blocks) expect(block.text).toBe(text.slice(block.start, block.end));
  await mkdir(SCREENSHOTS, { recursive: true });
  await badge.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'recommendations-badges.png') });

  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(tracker(page).getByRole('heading', { level: 3, name: /^Recommendation 3:/u })).toBeFocused();
  await expect(tracker(page).getByRole('radio', { name: 'Partly addressed', exact: true })).toBeChecked();
  // The title can be changed, reset to the default by emptying it, and the change undone.
  const title = tracker(page).getByRole('textbox', { name: 'Title' });
  const heading = tracker(page).getByRole('heading', { level: 3, name: /^Recommendation 3:/u });
  const original = await title.inputValue();
  await title.fill('Victim screening');
  await title.press('Enter');
  await expect(heading).toHaveText('Recommendation 3: Victim screening');
  await title.fill('');
  await title.press('Enter');
  await expect(heading).toHaveText(`Recommendation 3: ${original}`);
  await expect(title).toHaveValue(original);
  await heading.focus();
  await page.keyboard.press('Control+z');
  await expect(heading).toHaveText('Recommendation 3: Victim screening');
  await page.keyboard.press('Escape');
  await expect(badge).toBeFocused();

  await openTracker(page);
  const [download] = await Promise.all([page.waitForEvent('download'), tracker(page).getByRole('button', { name: 'Download tracker (CSV)' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = readCsv(csv.slice(1));
  expect(rows[0]).toEqual(['id', 'title', 'status', 'rationale', 'progress', 'gap', 'context', 'evidence', 'assessedAt']);
  expect(rows).toHaveLength(13);
  expect(rows[3]![0]).toBe('rec-3');
  expect(rows[3]![2]).toBe('Partly addressed');
  const [markdown] = await Promise.all([page.waitForEvent('download'), tracker(page).getByRole('button', { name: 'Download tracker (Markdown)' }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/\.md$/u);
  expect(await readFile((await markdown.path())!, 'utf8')).toContain('Partly addressed');
});

test('the tracker table and an opened recommendation in light and dark', async ({ page }) => {
  await mkdir(SCREENSHOTS, { recursive: true });
  await seed(page);
  await openTracker(page);
  await assess(page, 1, 'Partly addressed', 'Prosecutions rose, but sentences stayed light.');
  await tracker(page).getByRole('button', { name: 'Close recommendations' }).click();
  await linkToRecommendation(page, P3, 1, 'Progress');
  await linkToRecommendation(page, P4, 1, 'Gap');
  await openTracker(page);
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `recommendations-table-${theme.toLowerCase()}.png`) });
    await openRecommendation(page, 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, `recommendations-entry-${theme.toLowerCase()}.png`) });
    await tracker(page).getByRole('button', { name: 'All recommendations' }).click();
  }
  await page.setViewportSize({ width: 800, height: 600 });
  const sheet = (await tracker(page).boundingBox())!;
  expect(sheet.x + sheet.width).toBeLessThanOrEqual(800);
  expect(sheet.y + sheet.height).toBeLessThanOrEqual(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'recommendations-dark-800x600.png') });
});

test('the W3C export imported into a fresh data folder gives the same tracker and links', async ({ page, sharedBrowser }) => {
  test.setTimeout(180_000);
  await seed(page);
  await openTracker(page);
  await assess(page, 1, 'Partly addressed', 'Some prosecutions, few convictions.');
  await assess(page, 3, 'Substantially addressed', 'Screening guidelines exist.');
  await tracker(page).getByRole('button', { name: 'Close recommendations' }).click();
  await linkToRecommendation(page, P1, 2, 'Gap');
  await linkToRecommendation(page, P3, 1, 'Progress');
  await linkHighlights(page, P6, P2);
  const before = await trackerOf(page);

  // Download the W3C Web Annotations export by role and name.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export and import' });
  const saving = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download Web Annotations' }).click();
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-tracker-'));
  const file = path.join(dir, (await saving).suggestedFilename());
  await (await saving).saveAs(file);
  await exportDialog.getByRole('button', { name: 'Close export and import' }).click();

  const freshDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-e2e-tracker-'));
  const fresh = await startWebHost(freshDir);
  try {
    const context = await sharedBrowser.newContext();
    const other = await context.newPage();
    await other.goto(fresh.url);
    await ready(other);
    await other.getByRole('button', { name: 'Export', exact: true }).click();
    const importDialog = other.getByRole('dialog', { name: 'Export and import' });
    const chooser = other.waitForEvent('filechooser');
    await importDialog.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(file);
    await expect(importDialog.getByRole('heading', { name: /Review the import/u })).toBeVisible();
    await importDialog.getByRole('button', { name: /^Import /u }).click();
    await expect(importDialog).toBeHidden();
    await expect(other.getByText('Imported 6 annotations, 3 links and 2 assessments.')).toBeVisible();

    // The same tracker, through the UI and on disk.
    expect(await trackerOf(other)).toEqual(before);
    await openTracker(other);
    await expect(tracker(other).getByRole('row').filter({ hasText: 'Partly addressed' })).toHaveCount(1);
    await expect(tracker(other).getByRole('button', { name: '1 gap evidence for Recommendation 2', exact: true })).toBeVisible();
    const stored = await readStoreFile(freshDir);
    expect(stored.assessments.map((a) => [a.id, a.status, a.rationale]).sort()).toEqual([
      ['rec-1', 'partial', 'Some prosecutions, few convictions.'],
      ['rec-3', 'substantial', 'Screening guidelines exist.'],
    ]);
    expect(stored.links.filter((l) => l.deletedAt === null).map((l) => l.relation).sort()).toEqual(['gap', 'progress', 'supports']);
    await context.close();
  } finally {
    expect(await stopWebHost(fresh)).toBe(0);
    await rm(freshDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
});

/** The tracker as the page's client sees it, without ids that differ by data folder. */
async function trackerOf(page: Page) {
  const recs = await page.evaluate(() =>
    (window as unknown as { fieldmark: { listRecommendations(): Promise<Array<{ id: string; status: string; rationale: string; evidence: unknown; links: Array<{ relation: string; deleted: boolean }> }>> } }).fieldmark.listRecommendations(),
  );
  return recs.map((r) => ({ id: r.id, status: r.status, rationale: r.rationale, evidence: r.evidence, links: r.links.map((l) => [l.relation, l.deleted]) }));
}
