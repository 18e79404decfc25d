/**
 * Printing the report (issue 15): what Ctrl/Cmd+P or File → Print… puts on
 * paper, produced by Chromium's print engine (page.pdf, as a browser's "Save as
 * PDF" does) and read back with poppler: the report alone in about 15–25 A4
 * pages (it was 54 with the app around it, 146 before that), no toolbar or
 * panel text, a highlight printed in its colour, and its note as a numbered
 * endnote after the section.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, REPO_ROOT } from './support/fixtures';
import { createThroughClient, paintedHighlights, ready } from './annotate-helpers';
import { countColour, pdfInfo, pdfText, renderPage } from './support/pdf-tools';

const OUT = path.join(REPO_ROOT, 'test-results/print');
/** The gap colour's printed background (renderer/print/report-print.css). */
const GAP_PRINT: [number, number, number] = [0xf7, 0xb1, 0xab];
const APP_WORDS = ['Skip to the report', 'Codebook', 'Coding matrix', 'Export', 'Briefing', 'Annotations', 'Highlights', 'Find'];

test('prints only the report, with its highlights and their notes as endnotes', async ({ page }) => {
  await mkdir(OUT, { recursive: true });
  await ready(page);
  const passage = 'The government maintained insufficient efforts to protect victims';
  await createThroughClient(page, passage, { color: 'gap', note: 'Same wording as in 2020 — check the “TITP” figures.' });
  await createThroughClient(page, 'misunderstanding of sex and labor trafficking crimes', { color: 'statistic' });
  await page.reload();
  await ready(page);
  await expect.poll(async () => (await paintedHighlights(page))['fm-annotation-gap']?.length ?? 0).toBe(1);

  const file = path.join(OUT, 'report-a4.pdf');
  await writeFile(file, await page.pdf({ format: 'A4' }));

  const pages = Number((await pdfInfo(file)).Pages);
  expect(pages).toBeGreaterThanOrEqual(12);
  expect(pages).toBeLessThanOrEqual(25);

  const text = await pdfText(file);
  for (const word of APP_WORDS) expect(text, `"${word}" is app text, not report text`).not.toContain(word);
  const flat = text.replace(/\s+/gu, ' ');
  expect(flat).toContain(passage);
  expect(flat).toContain('Notes, Protection');
  expect(flat).toMatch(/1\. Protection ¶1: “The government maintained insufficient efforts to protect victims” — Same wording as in 2020 — check the “TITP” figures\./u);
  // The note's number follows its paragraph; the highlight without a note has none.
  expect(flat).toContain('[1]');
  expect(flat).not.toContain('[2]');

  // The highlighted passage's page carries the gap colour; the first page, with no highlight, does not.
  let highlighted = 0;
  for (let p = 1; p <= pages && highlighted === 0; p++) if ((await pdfText(file, { first: p, last: p })).includes('insufficient efforts to protect')) highlighted = p;
  expect(highlighted).toBeGreaterThan(1);
  expect(await countColour(file, highlighted, GAP_PRINT)).toBeGreaterThan(200);
  expect(await countColour(file, 1, GAP_PRINT)).toBe(0);
  await renderPage(file, highlighted, path.join(OUT, 'report-highlight-page'), 70);

  // Printing changes nothing on screen: the endnotes exist only while printing.
  await expect(page.locator('.fm-endnotes')).toHaveCount(0);
  await expect(page.locator('[data-fm-endnotes]')).toHaveCount(0);

  // The endnotes are optional (Settings printNotes, in the Briefing view), and the choice is kept.
  await page.getByRole('button', { name: 'Briefing' }).click();
  await page.getByRole('region', { name: 'Briefing' }).getByRole('checkbox', { name: 'Notes as endnotes after each section' }).uncheck();
  await page.getByRole('button', { name: 'Close briefing' }).click();
  await expect.poll(async () => (await page.evaluate(() => (window as unknown as { fieldmark: { getSettings(): Promise<{ printNotes?: boolean }> } }).fieldmark.getSettings())).printNotes).toBe(false);
  const bare = path.join(OUT, 'report-a4-no-notes.pdf');
  await writeFile(bare, await page.pdf({ format: 'A4' }));
  const bareText = flatText(await pdfText(bare));
  expect(bareText).toContain(passage);
  expect(bareText).not.toContain('Notes, Protection');
  expect(bareText).not.toContain('[1]');
});

const flatText = (text: string) => text.replace(/\s+/gu, ' ');
