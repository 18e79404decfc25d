/**
 * The codebook and project exchange through the "Export and import" dialog
 * (issue 13): annotations coded with three-level paths, the codebook downloaded
 * as .qdc, Markdown and CSV and the project as .qdpx (each file read back: the
 * CSV parsed, the .qdpx unzipped and its project.qde parsed), then the .qdc and
 * the .qdpx imported into a fresh data folder through the review, checked on
 * disk. Screenshots of the export section and of the review with code items,
 * in light and dark.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from '@playwright/test';
import { expect, REPO_ROOT, readStoreFile, startWebHost, stopWebHost, test } from './support/fixtures';
import { createThroughClient, items, ready } from './annotate-helpers';
import { guardRequests } from './support/request-guard';
import { readCsv } from '../unit/core/exchange/csv-reader';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

interface CodeView {
  id: string;
  path: string;
  description: string;
  codable: boolean;
  count: number;
  totalCount: number;
}
type Fm = { fieldmark: { listCodes(): Promise<CodeView[]>; updateCode(input: { id: string; description?: string; color?: string }): Promise<CodeView>; updateSettings(input: { theme: string }): Promise<unknown> } };

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export and import' });
const listCodes = (page: Page) => page.evaluate(() => (window as unknown as Fm).fieldmark.listCodes());

async function openExport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
}

/** Clicks a download button of the dialog and returns the saved file's path and name. */
async function download(page: Page, name: string, dir: string): Promise<{ file: string; filename: string }> {
  const event = page.waitForEvent('download');
  await dialog(page).getByRole('button', { name, exact: true }).click();
  const got = await event;
  const file = path.join(dir, got.suggestedFilename());
  await got.saveAs(file);
  return { file, filename: got.suggestedFilename() };
}


async function openIsolated(browser: Browser, url: string) {
  const context = await browser.newContext({ acceptDownloads: true });
  const { foreign } = await guardRequests(context, new URL(url).origin);
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(String(err)));
  await page.goto(url);
  return { context, page, check: () => expect([...foreign, ...problems]).toEqual([]) };
}

const DEBT = 'Labour/TITP/Debt bondage';

/** Annotations coded with three-level paths: two through the client, one tag typed in the card. */
async function codeTheReport(page: Page): Promise<void> {
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key', tags: ['Labour/TITP', 'Finding'], note: 'Tier line.' });
  await createThroughClient(page, 'In 2020, authorities identified 25 sex trafficking victims', { color: 'statistic', tags: ['Labour/Sex trafficking/Children'] });
  await createThroughClient(page, 'Technical Intern Training Program', { color: 'gap', note: 'Brokers charge fees, so interns owe debts.' });
  await page.reload();
  await ready(page);
  await items(page).filter({ hasText: 'Technical Intern Training Program' }).first().getByRole('button', { name: /^Edit note and tags/ }).click();
  const card = page.getByRole('dialog').filter({ has: page.getByRole('combobox', { name: 'Tags' }) });
  await card.getByRole('combobox', { name: 'Tags' }).fill(DEBT);
  await card.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await expect(card.getByRole('button', { name: `Remove tag ${DEBT}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await listCodes(page)).map((c) => c.path)).toContain(DEBT);
  await page.evaluate(async (debt) => {
    const fm = (window as unknown as Fm).fieldmark;
    const codes = await fm.listCodes();
    const id = (p: string) => codes.find((c) => c.path === p)!.id;
    await fm.updateCode({ id: id('Labour'), description: 'Work obtained by force, fraud or coercion.', color: '#AA3300' });
    await fm.updateCode({ id: id(debt), description: '=Debt used to hold a worker, "bondage".' });
  }, DEBT);
}

test('codebook and project downloads hold the tree, definitions, codings and notes, and import into a fresh folder', async ({ page, sharedBrowser }) => {
  test.setTimeout(120_000);
  await mkdir(SCREENSHOTS, { recursive: true });
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-codebook-'));
  await ready(page);
  await codeTheReport(page);
  const codes = await listCodes(page);
  expect(codes.map((c) => c.path)).toEqual(['Finding', 'Labour', 'Labour/Sex trafficking', 'Labour/Sex trafficking/Children', 'Labour/TITP', DEBT]);

  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await openExport(page);
    const section = dialog(page).getByRole('region', { name: 'Codebook and project' });
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('button', { name: 'Download project (.qdpx)' })).toBeVisible();
    await dialog(page).screenshot({ path: path.join(SCREENSHOTS, `codebook-export-${theme.toLowerCase()}.png`) });
    if (theme === 'Dark') break;
    await dialog(page).getByRole('button', { name: 'Close export and import' }).click();
  }

  const qdc = await download(page, 'Download codebook (.qdc)', dir);
  expect(qdc.filename).toBe('fieldmark-codebook-2021-japan.qdc');
  const qdcXml = await readFile(qdc.file, 'utf8');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Code' || name === 'PlainTextSelection' || name === 'Coding' || name === 'Note' });
  const book = parser.parse(qdcXml).CodeBook;
  expect(book.xmlns).toBe('urn:QDA-XML:codebook:1.0');
  const labour = book.Codes.Code.find((c: { name: string }) => c.name === 'Labour');
  expect(labour).toMatchObject({ isCodable: 'true', color: '#AA3300', Description: 'Work obtained by force, fraud or coercion.' });
  expect(labour.Code.map((c: { name: string }) => c.name)).toEqual(['Sex trafficking', 'TITP']);
  expect(labour.Code[1].Code[0]).toMatchObject({ name: 'Debt bondage', Description: '=Debt used to hold a worker, "bondage".' });

  const md = await download(page, 'Download codebook (Markdown)', dir);
  const markdown = await readFile(md.file, 'utf8');
  expect(md.filename).toBe('fieldmark-codebook-2021-japan.md');
  expect(markdown).toMatch(/^## Labour$/mu);
  expect(markdown).toMatch(/^#### Debt bondage$/mu);
  expect(markdown).toContain('| Labour | 0 | 3 |');

  const csvFile = await download(page, 'Download codebook (CSV)', dir);
  const csv = await readFile(csvFile.file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = readCsv(csv.slice(1));
  expect(rows[0]).toEqual(['id', 'path', 'name', 'parent path', 'definition', 'colour', 'codable', 'count', 'total']);
  const debtRow = rows.find((r) => r[1] === DEBT)!;
  expect(debtRow.slice(2)).toEqual(['Debt bondage', 'Labour/TITP', `'=Debt used to hold a worker, "bondage".`, '', 'true', '1', '1']);

  const qdpx = await download(page, 'Download project (.qdpx)', dir);
  expect(qdpx.filename).toBe('fieldmark-project-2021-japan.qdpx');
  const files = unzipSync(new Uint8Array(await readFile(qdpx.file)));
  const project = parser.parse(strFromU8(files['project.qde']!)).Project;
  expect(project.xmlns).toBe('urn:QDA-XML:project:1.0');
  const source = project.Sources.TextSource;
  const text = strFromU8(files[`sources/${source.plainTextPath.replace('internal://', '')}`]!);
  const selections = source.PlainTextSelection as Array<{ startPosition: string; endPosition: string; Coding?: unknown[]; NoteRef?: { targetGUID: string } }>;
  expect(selections.map((s) => text.slice(Number(s.startPosition), Number(s.endPosition))).sort()).toEqual(
    ['In 2020, authorities identified 25 sex trafficking victims', 'JAPAN: Tier 2', 'Technical Intern Training Program'].sort(),
  );
  const notes = project.Notes.Note.map((n: { PlainTextContent: string }) => n.PlainTextContent).sort();
  expect(notes).toEqual(['Brokers charge fees, so interns owe debts.', 'Tier line.']);
  await dialog(page).getByRole('button', { name: 'Close export and import' }).click();

  const freshDir = await mkdtemp(path.join(tmpdir(), 'fieldmark-e2e-refi-'));
  const fresh = await startWebHost(freshDir);
  try {
    const other = await openIsolated(sharedBrowser, fresh.url);
    await ready(other.page);
    await importFile(other.page, qdc.file, 'Import 6 codes', 'light', 'Imported 6 codes.');
    const stored = await readStoreFile(freshDir);
    expect(stored.codes.map((c) => c.name).sort()).toEqual(['Children', 'Debt bondage', 'Finding', 'Labour', 'Sex trafficking', 'TITP']);
    expect(stored.codes.find((c) => c.name === 'Debt bondage')!.description).toBe('=Debt used to hold a worker, "bondage".');

    await other.page.evaluate(() => (window as unknown as Fm).fieldmark.updateSettings({ theme: 'dark' }));
    await other.page.reload();
    await ready(other.page);
    await importFile(other.page, qdpx.file, 'Import 3 annotations', 'dark', 'Imported 3 annotations.');
    const after = await readStoreFile(freshDir);
    const byId = new Map(after.codes.map((c) => [c.id, c]));
    const coded = after.annotations.map((a) => ({ note: a.note, codes: a.codeIds.map((id) => byId.get(id)!.name).sort() }));
    expect(coded.sort((x, y) => x.note.localeCompare(y.note))).toEqual([
      { note: '', codes: ['Children'] },
      { note: 'Brokers charge fees, so interns owe debts.', codes: ['Debt bondage'] },
      { note: 'Tier line.', codes: ['Finding', 'TITP'] },
    ]);
    expect((await listCodes(other.page)).map(({ path: p, description }) => ({ p, description }))).toEqual(codes.map(({ path: p, description }) => ({ p, description })));
    other.check();
    await other.context.close();
  } finally {
    expect(await stopWebHost(fresh)).toBe(0);
    await rm(freshDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
});

/** Picks `file` with Import…, screenshots the review (with its code items) and commits it. */
async function importFile(page: Page, file: string, commit: string, theme: string, notice: string): Promise<void> {
  await openExport(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(file);
  await expect(dialog(page).getByRole('heading', { name: /Review the import/ })).toBeVisible();
  const codeGroup = dialog(page).getByRole('region', { name: /^(New|Unchanged) codes: 6$/ });
  await expect(codeGroup).toBeVisible();
  await expect(codeGroup.getByText(DEBT, { exact: true })).toBeVisible();
  await dialog(page).screenshot({ path: path.join(SCREENSHOTS, `codebook-import-${path.extname(file).slice(1)}-${theme}.png`) });
  await dialog(page).getByRole('button', { name: commit }).click();
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByText(notice)).toBeVisible();
}
