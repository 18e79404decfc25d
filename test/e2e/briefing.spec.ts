/**
 * The briefing (issue 15), by role and name: from the annotations tagged TITP
 * (the panel's filter), grouped by recommendation with the assessment table,
 * downloaded as Word, HTML and Markdown and printed to PDF from the print view
 * with the options the desktop uses (page.pdf is the same Chromium engine as
 * webContents.printToPDF). Each file is read as its consumers would: the DOCX
 * unzipped and parsed and read again by pandoc, the PDF by poppler (text,
 * outline, structure tree, footer), page 1 rendered for a person to look at.
 * Screenshots of the composer in light and dark go to test-results/screenshots.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test, REPO_ROOT } from './support/fixtures';
import { createThroughClient, panel, ready, type StoredView } from './annotate-helpers';
import { desktopPdfOptions, pdfInfo, pdfOutline, pdfStructure, pdfText, renderPage } from './support/pdf-tools';
import { readDocx } from '../unit/core/exchange/briefing/docx-reader';

const OUT = path.join(REPO_ROOT, 'test-results/briefing');
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');
const TITLE = 'Japan 2021: labour trafficking in the TITP';
const AUTHOR = 'Fieldmark test desk';
const WORK = '2021 Trafficking in Persons Report: Japan';
const citationOf = (place: string) => `U.S. Department of State, ${WORK}, ${place}`;
/** Curly quotes, a no-break space and a line break, which every format must keep. */
const NOTE = 'Same wording as 2020:\n“no victims identified”\u00a0— check the 8,000 figure.';

interface Seeded {
  titp: StoredView[];
  other: StoredView;
}

async function seed(page: Page): Promise<Seeded> {
  const a = await createThroughClient(page, 'consistently failing to formally identify victims of trafficking within the TITP', { color: 'gap', tags: ['TITP'], note: NOTE });
  const b = await createThroughClient(page, 'The government reported 8,000 TITP participants disappeared from their jobs in 2020', { color: 'statistic', tags: ['TITP', 'statistics'] });
  const c = await createThroughClient(page, 'Despite persistent reports of forced labor among labor migrants working in Japan under its auspices', { color: 'key', tags: ['TITP'], note: 'Headline finding.' });
  const other = await createThroughClient(page, 'The government maintained insufficient efforts to protect victims', { color: 'gap', tags: ['protection'] });
  await page.evaluate(
    async ({ a, b, other }) => {
      const api = (window as unknown as { fieldmark: Record<string, (input: unknown) => Promise<unknown>> }).fieldmark;
      // a belongs to two recommendations, so it appears under each of them.
      await api.linkAnnotation!({ from: a, to: { recommendation: 'rec-3' }, relation: 'gap' });
      await api.linkAnnotation!({ from: a, to: { recommendation: 'rec-5' }, relation: 'context' });
      await api.linkAnnotation!({ from: b, to: { recommendation: 'rec-5' }, relation: 'progress' });
      await api.linkAnnotation!({ from: other, to: { recommendation: 'rec-3' }, relation: 'gap' });
      await api.updateRecommendation!({ id: 'rec-3', status: 'no-progress' });
    },
    { a: a.id, b: b.id, other: other.id },
  );
  return { titp: [a, b, c], other };
}

/** How many groups each TITP quote is placed in: a under rec 3 and rec 5, b under rec 5, c not linked. */
const PLACEMENTS = [2, 1, 1];

async function download(page: Page, button: string, name: string): Promise<string> {
  const view = page.getByRole('region', { name: 'Briefing' });
  const [file] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: button }).click()]);
  const target = path.join(OUT, name.replace(/^/u, '') + path.extname(file.suggestedFilename()));
  await file.saveAs(target);
  return target;
}

const flat = (text: string) => text.replace(/\s+/gu, ' ');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

test('a briefing of the TITP annotations by recommendation, in Word, HTML, Markdown and PDF', async ({ page }) => {
  test.setTimeout(120_000);
  await mkdir(OUT, { recursive: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  await ready(page);
  const { titp, other } = await seed(page);
  await page.reload();
  await ready(page);

  // The panel shows the TITP annotations; the briefing takes what the panel shows.
  await panel(page).getByRole('group', { name: 'Tags' }).getByRole('button', { name: 'TITP (3)' }).click();
  await page.getByRole('button', { name: 'Briefing' }).click();
  const view = page.getByRole('region', { name: 'Briefing' });
  await view.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
  await view.getByRole('textbox', { name: 'Author or organisation' }).fill(AUTHOR);
  await view.getByRole('textbox', { name: 'Date' }).fill('4 December 2026');
  await view.getByRole('textbox', { name: 'Executive summary' }).fill('Three findings on the Technical Intern Training Program.\n\nEach quote is cited to its paragraph.');
  await view.getByRole('radio', { name: 'What the Annotations panel shows' }).check();
  await view.getByRole('radio', { name: 'Recommendation', exact: true }).check();
  await expect(view.getByRole('checkbox', { name: 'Recommendation assessment table' })).toBeChecked();
  await view.getByRole('combobox', { name: 'Paper size' }).selectOption('A4');

  const preview = view.getByRole('article', { name: 'Print view' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(preview.getByRole('heading', { level: 3, name: /^Recommendation 3:/u })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3, name: /^Recommendation 5:/u })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 3, name: 'Not linked to a recommendation' })).toBeVisible();
  await expect(preview.getByRole('heading', { level: 2, name: 'Recommendation assessment' })).toBeVisible();
  await expect(view.getByRole('status').filter({ hasText: '3 annotations in 3 groups.' })).toBeVisible();
  await expect(preview.locator('blockquote')).toHaveCount(4);
  await expect(preview).not.toContainText(other.exact);

  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
    await page.screenshot({ path: path.join(SCREENSHOTS, `briefing-${theme.toLowerCase()}.png`) });
  }

  // Word: headings in Word's styles, each quote once per group in the Quote style with its citation, the note exact, the tables, the properties.
  const docxFile = await download(page, 'Download Word', 'briefing');
  const docx = readDocx(new Uint8Array(await readFile(docxFile)));
  const styled = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);
  expect(styled('Title')).toEqual([TITLE]);
  expect(styled('Heading1')).toEqual(expect.arrayContaining(['Executive summary', 'Evidence from the report', 'Recommendation assessment', 'Sources']));
  expect(styled('Heading2').filter((h) => h.startsWith('Recommendation '))).toHaveLength(2);
  expect(styled('Heading2')).toContain('Not linked to a recommendation');
  const quotes = styled('Quote');
  titp.forEach((view, i) => expect(quotes.filter((q) => q === view.exact)).toHaveLength(PLACEMENTS[i]!));
  expect(quotes).not.toContain(other.exact);
  const texts = docx.paragraphs.map((p) => p.text);
  expect(texts.filter((t) => t === `Note: ${NOTE}`)).toHaveLength(2);
  for (const view of titp) expect(texts.some((t) => t.includes(citationOf(view.citation)) || t.includes(view.citation))).toBe(true);
  const assessment = docx.tables.find((t) => t[0]![0] === 'No.')!;
  expect(assessment).toHaveLength(13);
  expect(assessment[3]!.slice(0, 1)).toEqual(['3']);
  expect(assessment[3]![2]).toBe('No progress');
  expect(docx.core.title).toBe(TITLE);
  expect(docx.core.creator).toBe(AUTHOR);
  expect(docx.core.created).toMatch(/^\d{4}-\d\d-\d\dT/u);
  const pandoc = (await promisify(execFile)('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docxFile])).stdout;
  for (const view of titp) expect(flat(pandoc)).toContain(flat(view.exact));
  expect(pandoc).toContain(TITLE);

  // HTML: one file, no script, every quote and the note as text.
  const html = await readFile(await download(page, 'Download HTML', 'briefing'), 'utf8');
  expect(html).not.toMatch(/<script/iu);
  expect(html).toContain('Content-Security-Policy');
  titp.forEach((view, i) => expect(count(html, `<blockquote>${view.exact}</blockquote>`)).toBe(PLACEMENTS[i]));
  expect(html).toContain(NOTE);

  // Markdown: every quote.
  const markdown = await readFile(await download(page, 'Download Markdown', 'briefing'), 'utf8');
  for (const view of titp) expect(flat(markdown)).toContain(flat(view.exact));
  expect(markdown).toContain(`# ${TITLE}`);

  // PDF from the print view, with the desktop's options.
  const pdfFile = path.join(OUT, 'briefing.pdf');
  await page.emulateMedia({ media: 'print' });
  await writeFile(pdfFile, await page.pdf(desktopPdfOptions(TITLE, 'A4')));
  await page.emulateMedia({ media: 'screen' });
  const info = await pdfInfo(pdfFile);
  const pages = Number(info.Pages);
  expect(info.Tagged).toBe('yes');
  expect((await readFile(pdfFile)).includes('StructTreeRoot')).toBe(true);
  expect(await pdfStructure(pdfFile)).toMatch(/H1|Document/u);
  const text = flat(await pdfText(pdfFile));
  for (const view of titp) {
    expect(text).toContain(flat(view.exact));
    expect(text).toContain(citationOf(view.citation));
  }
  expect(text).not.toContain(other.exact);
  for (const word of ['Download Word', 'Print or save as PDF', 'Paper size', 'Skip to the report', 'What the Annotations panel shows']) expect(text).not.toContain(word);
  const outline = await pdfOutline(pdfFile);
  expect(outline).toEqual(expect.arrayContaining([TITLE, 'Evidence from the report', 'Recommendation assessment']));
  for (let p = 1; p <= pages; p++) expect(flat(await pdfText(pdfFile, { first: p, last: p }))).toContain(`Page ${p} of ${pages}`);
  expect(flat(await pdfText(pdfFile, { first: 1, last: 1 }))).toContain(TITLE);
  await renderPage(pdfFile, 1, path.join(SCREENSHOTS, 'briefing-pdf-page1'), 80);

  // The options come back after a reload (Settings `briefing`).
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Briefing' }).click();
  await expect(page.getByRole('region', { name: 'Briefing' }).getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(TITLE);
  await expect(page.getByRole('region', { name: 'Briefing' }).getByRole('radio', { name: 'Recommendation', exact: true })).toBeChecked();
});
