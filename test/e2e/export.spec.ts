/**
 * Export, import and backup through the "Export and import" dialog: Markdown
 * downloads with the quotes and notes, a W3C export imports into a fresh data
 * folder intact, and a colleague's file is reviewed, partly rejected, committed
 * and undone.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, REPO_ROOT, startWebHost, stopWebHost, test } from './support/fixtures';
import { guardRequests } from './support/request-guard';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

interface View {
  id: string;
  exact: string;
  note: string;
  tags: string[];
  color: string;
  start: number;
  end: number;
  deletedAt: string | null;
  citation: string;
}

interface PageApi {
  getReport(): Promise<{ text: string }>;
  createAnnotation(input: { start: number; end: number; color: string; note?: string; tags?: string[] }): Promise<View>;
  updateAnnotation(input: { id: string; note?: string }): Promise<View>;
  listAnnotations(): Promise<View[]>;
  exportAnnotations(): Promise<{ filename: string; content: string }>;
}

type Fm = { fieldmark: PageApi };

const listAnnotations = (page: Page) => page.evaluate(() => (window as unknown as Fm).fieldmark.listAnnotations());
const exportAnnotations = (page: Page) => page.evaluate(() => (window as unknown as Fm).fieldmark.exportAnnotations());
const reportText = (page: Page) => page.evaluate(async () => (await (window as unknown as Fm).fieldmark.getReport()).text);

async function ready(page: Page): Promise<void> {
  await expect(page.locator('article [data-block-id]').first()).toBeVisible();
}

/** Creates annotations on passages found by their text; returns the created views. */
async function annotate(page: Page, specs: Array<{ quote: string; color: string; note?: string; tags?: string[] }>): Promise<View[]> {
  return page.evaluate(async (list) => {
    const fm = (window as unknown as Fm).fieldmark;
    const { text } = await fm.getReport();
    const out: View[] = [];
    for (const s of list) {
      const start = text.indexOf(s.quote);
      if (start < 0) throw new Error(`quote not in the report: ${s.quote}`);
      out.push(await fm.createAnnotation({ start, end: start + s.quote.length, color: s.color, note: s.note, tags: s.tags }));
    }
    return out;
  }, specs);
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export and import' });

async function openExport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
}

const SPECS = [
  { quote: 'The Government of Japan does not fully meet the minimum standards', color: 'key', note: 'Headline finding for the briefing', tags: ['tier', 'summary/2021'] },
  { quote: 'Specified Skilled Worker', color: 'question', note: 'Ask the ministry how SSW screening works', tags: ['labour'] },
  { quote: 'Joshi\u00a0kosei', color: 'gap', note: '', tags: [] },
];

test('Markdown downloaded from the dialog holds every quote and note', async ({ page }) => {
  await ready(page);
  await annotate(page, SPECS);
  await page.reload();
  await ready(page);

  await openExport(page);
  const download = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Download Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const markdown = await readFile((await file.path())!, 'utf8');
  // The export escapes only what Markdown would read as syntax and keeps spaces between words (a non-breaking one too) as they are.
  expect(markdown).toContain('The Government of Japan does not fully meet the minimum standards');
  expect(markdown).toContain('Specified Skilled Worker');
  expect(markdown).toContain('Headline finding for the briefing');
  expect(markdown).toContain('Ask the ministry how SSW screening works');
  expect(markdown).toContain('Joshi\u00a0kosei');

  // Leaving notes out takes them out of the file.
  await dialog(page).getByRole('checkbox', { name: 'Notes' }).uncheck();
  const second = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Download Markdown' }).click();
  const withoutNotes = await readFile((await (await second).path())!, 'utf8');
  expect(withoutNotes).toContain('Specified Skilled Worker');
  expect(withoutNotes).not.toContain('Ask the ministry how SSW screening works');
});

test('Copy Markdown puts the same export on the clipboard', async ({ page, host }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await ready(page);
  await annotate(page, SPECS.slice(1, 2));
  await page.reload();
  await ready(page);

  await openExport(page);
  await dialog(page).getByRole('radio', { name: 'Tag' }).check();
  await dialog(page).getByRole('button', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Markdown copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Specified Skilled Worker');
  expect(copied).toContain('Ask the ministry how SSW screening works');
  // Grouped by tag, as chosen: the tag is a heading.
  expect(copied).toMatch(/^#+ .*labour/m);
});

test('a Web Annotation export imports into a fresh data folder with every note and tag', async ({ page, sharedBrowser }) => {
  await ready(page);
  const created = await annotate(page, SPECS);
  await page.reload();
  await ready(page);

  await openExport(page);
  const download = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Download Web Annotations' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.jsonld$/);
  const exported = path.join(await mkdtemp(path.join(tmpdir(), 'fieldmark-export-')), file.suggestedFilename());
  await file.saveAs(exported);

  const freshDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-e2e-fresh-'));
  const fresh = await startWebHost(freshDir);
  try {
    const other = await openIsolated(sharedBrowser, fresh.url);
    await ready(other.page);
    expect(await listAnnotations(other.page)).toEqual([]);

    await openExport(other.page);
    const chooser = other.page.waitForEvent('filechooser');
    await dialog(other.page).getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(exported);
    const summary = dialog(other.page).getByRole('definition');
    await expect(dialog(other.page).getByRole('heading', { name: /Review the import/ })).toBeVisible();
    await expect(summary.first()).toBeVisible();
    await expect(dialog(other.page).locator('.import-count[data-kind="new"] dd')).toHaveText(String(created.length));
    await dialog(other.page).getByRole('button', { name: `Import ${created.length} annotations` }).click();
    await expect(dialog(other.page)).toBeHidden();
    await expect(other.page.getByText(`Imported ${created.length} annotations.`)).toBeVisible();

    const imported = await listAnnotations(other.page);
    expect(imported).toHaveLength(created.length);
    for (const original of created) {
      const copy = imported.find((a) => a.id === original.id)!;
      expect(copy, original.exact).toBeTruthy();
      expect(copy.exact).toBe(original.exact);
      expect(copy.note).toBe(original.note);
      expect(copy.tags).toEqual(original.tags);
      expect(copy.color).toBe(original.color);
      expect([copy.start, copy.end]).toEqual([original.start, original.end]);
    }
    // The panel shows them too (the list refreshed after the import).
    const panel = other.page.getByRole('complementary', { name: 'Annotations' });
    await expect(panel.getByText('Ask the ministry how SSW screening works')).toBeVisible();
    other.check();
    await other.context.close();
  } finally {
    expect(await stopWebHost(fresh)).toBe(0);
    await rm(freshDir, { recursive: true, force: true });
    await rm(path.dirname(exported), { recursive: true, force: true });
  }
});

test('a colleague’s file with an edit and a tombstone is previewed, partly rejected, committed and undone', async ({ page }) => {
  await ready(page);
  const [edited, deleted, same] = await annotate(page, SPECS);
  const { content } = await exportAnnotations(page);

  // The colleague edited one note, deleted another annotation and added one of their own.
  const later = new Date(Date.now() + 60_000).toISOString();
  const collection = JSON.parse(content) as { first: { items: Array<Record<string, unknown>> }; total: number };
  const items = collection.first.items;
  const byId = (id: string) => items.find((a) => a.id === `urn:uuid:${id}`)!;
  const edit = byId(edited!.id);
  edit.modified = later;
  edit.body = [
    { type: 'TextualBody', value: 'Colleague: cite the 2021 figures', format: 'text/plain', purpose: 'commenting' },
    { type: 'TextualBody', value: 'tier', purpose: 'tagging' },
  ];
  const tomb = byId(deleted!.id);
  tomb.modified = later;
  tomb['fieldmark:deletedAt'] = later;
  delete tomb.body;
  const theirs = structuredClone(byId(same!.id));
  theirs.id = 'urn:uuid:7d9b3f5e-2c1a-4b8e-9f00-123456789abc';
  const text = await reportText(page);
  const quote = 'Enjo\u00a0kosai';
  const at = text.indexOf(quote);
  theirs.target = {
    type: 'SpecificResource',
    source: (byId(same!.id).target as { source: string }).source,
    selector: [
      { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(at - 32, at), suffix: text.slice(at + quote.length, at + quote.length + 32) },
      { type: 'TextPositionSelector', start: at, end: at + quote.length },
    ],
  };
  theirs.body = [{ type: 'TextualBody', value: 'Colleague: new passage', format: 'text/plain', purpose: 'commenting' }];
  items.push(theirs);
  collection.total = items.length;
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-colleague-'));
  const colleagueFile = path.join(dir, 'colleague.jsonld');
  await writeFile(colleagueFile, JSON.stringify(collection, null, 2));

  await page.reload();
  await ready(page);
  await openExport(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(colleagueFile);

  const count = (kind: string) => dialog(page).locator(`.import-count[data-kind="${kind}"] dd`);
  await expect(count('updated')).toHaveText('1');
  await expect(count('deleted')).toHaveText('1');
  await expect(count('unchanged')).toHaveText('1');
  await expect(count('new')).toHaveText('1');
  await expect(count('duplicate')).toHaveText('0');
  await expect(count('orphan')).toHaveText('0');
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'import-preview.png') });

  // Reject the colleague's new annotation; keep the edit and the deletion.
  const newItem = dialog(page).getByRole('checkbox', { name: /^Accept .*Enjo kosai/ });
  await expect(newItem).toBeChecked();
  await newItem.uncheck();
  await dialog(page).getByRole('button', { name: 'Import 2 annotations' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByText('Imported 2 annotations. 1 item was left out.')).toBeVisible();

  let list = await listAnnotations(page);
  expect(list).toHaveLength(3);
  expect(list.find((a) => a.id === edited!.id)!.note).toBe('Colleague: cite the 2021 figures');
  expect(list.find((a) => a.id === deleted!.id)!.deletedAt).not.toBeNull();
  expect(list.find((a) => a.id === same!.id)!.deletedAt).toBeNull();
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByText('Colleague: cite the 2021 figures')).toBeVisible();

  await page.getByRole('button', { name: 'Undo import' }).click();
  await expect(page.getByText(/^Import undone/)).toBeVisible();
  list = await listAnnotations(page);
  expect(list).toHaveLength(3);
  expect(list.find((a) => a.id === edited!.id)!.note).toBe(SPECS[0]!.note);
  expect(list.find((a) => a.id === deleted!.id)!.deletedAt).toBeNull();
  await expect(panel.getByText(SPECS[0]!.note!)).toBeVisible();
  await rm(dir, { recursive: true, force: true });
});

test('a file that is not an annotation export is refused plainly and changes nothing', async ({ page }) => {
  await ready(page);
  await annotate(page, SPECS.slice(0, 1));
  await page.reload();
  await ready(page);
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-bad-'));
  const bad = path.join(dir, 'notes.json');
  await writeFile(bad, '{"this": "is not", "an": ["annotation", "export"]');

  await openExport(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(bad);
  const alert = dialog(page).getByRole('alert');
  await expect(alert).toContainText('Reading the import did not work.');
  await expect(dialog(page).getByRole('heading', { name: /Review the import/ })).toHaveCount(0);
  expect(await listAnnotations(page)).toHaveLength(1);
  await rm(dir, { recursive: true, force: true });
});

test('restoring a backup asks first, takes a backup of the current state and replaces the annotations', async ({ page }) => {
  await ready(page);
  await annotate(page, SPECS.slice(0, 2));
  await page.reload();
  await ready(page);

  await openExport(page);
  const download = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name: 'Back up' }).click();
  const backup = await download;
  expect(backup.suggestedFilename()).toMatch(/\.json$/);
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-backup-'));
  const backupFile = path.join(dir, backup.suggestedFilename());
  await backup.saveAs(backupFile);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();

  // A third annotation after the backup: restoring must take it away.
  await annotate(page, SPECS.slice(2));
  await page.reload();
  await ready(page);
  expect(await listAnnotations(page)).toHaveLength(3);

  await openExport(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Restore…' }).click();
  await (await chooser).setFiles(backupFile);
  const confirm = page.getByRole('alertdialog', { name: 'Replace all annotations with this backup?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('A backup of your current annotations is taken first.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await listAnnotations(page)).toHaveLength(3);

  const again = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Restore…' }).click();
  await (await again).setFiles(backupFile);
  await confirm.getByRole('button', { name: 'Replace all annotations' }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByText(/^Restored 2 annotations from .*backed up first as /)).toBeVisible();
  const live = (await listAnnotations(page)).filter((a) => a.deletedAt === null);
  expect(live.map((a) => a.exact).sort()).toEqual([SPECS[0]!.quote, SPECS[1]!.quote].sort());
  await rm(dir, { recursive: true, force: true });
});

/** A page in its own context that may reach only `url`'s origin, failing on console errors. */
async function openIsolated(browser: Browser, url: string) {
  const context = await browser.newContext({ acceptDownloads: true });
  const problems: string[] = [];
  const { foreign } = await guardRequests(context, new URL(url).origin);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(url);
  return {
    context,
    page,
    check: () => expect([...foreign.map((target) => `foreign request: ${target}`), ...problems], 'the second host’s page stayed offline and error-free').toEqual([]),
  };
}

