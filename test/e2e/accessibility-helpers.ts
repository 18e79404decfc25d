/**
 * Shared steps for the accessibility specs (issue 17): a scene with highlights
 * of every colour, notes and codes; screenshots saved under
 * test-results/accessibility/ to be looked at; and the toolbar's views.
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, REPO_ROOT } from './support/fixtures';
import { createThroughClient, ready } from './annotate-helpers';

export const A11Y_RESULTS = path.join(REPO_ROOT, 'test-results', 'accessibility');

/** One highlight of each colour (two with notes, codes on three), then a reload so the panel shows them. */
export async function seedHighlights(page: Page): Promise<void> {
  await createThroughClient(page, 'JAPAN: Tier 2', { color: 'key', note: 'Headline', tags: ['Labour/TITP', 'summary'] });
  await createThroughClient(page, 'In 2020, authorities identified 25 sex trafficking victims', { color: 'statistic', tags: ['Labour/TITP'] });
  await createThroughClient(page, 'Specified Skilled Worker', { color: 'question', note: 'Ask about screening', tags: ['Labour/SSW'] });
  await createThroughClient(page, 'Joshi\u00a0kosei', { color: 'gap' });
  await createThroughClient(page, 'did not', { color: 'progress' });
  await page.reload();
  await ready(page);
}

/** Saves a full-viewport screenshot as an artifact and as test-results/accessibility/<name>.png. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  await mkdir(A11Y_RESULTS, { recursive: true });
  await copyFile(file, path.join(A11Y_RESULTS, `${name}.png`));
}

export async function setTheme(page: Page, theme: 'light' | 'dark' | 'sepia'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

export const toolbarButton = (page: Page, name: string): Locator => page.getByRole('banner').getByRole('button', { name, exact: true });
export const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export and import' });
export const sheetRegion = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** Whether the page scrolls sideways: the scrolling element's content is wider than its box. */
export async function pageOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });
}

/** A W3C export of this page's own annotations, as a file to import back. */
export async function ownExportFile(page: Page): Promise<string> {
  const out = await page.evaluate(() =>
    (window as unknown as { fieldmark: { exportAnnotations(): Promise<{ filename: string; content: string }> } }).fieldmark.exportAnnotations(),
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'fieldmark-export-'));
  const file = path.join(dir, out.filename);
  await writeFile(file, out.content);
  return file;
}
