/**
 * The reading view against the real browser host: the report as blocks, the
 * table of contents, reading settings and position across a host restart,
 * keyboard access (caret browsing and selection), the notice area and failed
 * saves. The fixtures fail every test on a console error or a foreign request.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Report, Settings, StoreStatus } from '../../preload/contract';
import { expect, REPO_ROOT, test } from './support/fixtures';

const SHA256 = '0eab7409d86e46267a377d97868557be666dc03c33f0763c19a2cb6792882f2d';
const SECTIONS = ['Prioritized Recommendations', 'Prosecution', 'Protection', 'Prevention', 'Trafficking Profile'];

interface PageClient {
  getReport(): Promise<Report>;
  getSettings(): Promise<Settings>;
  getStatus(): Promise<StoreStatus>;
}

const client = (page: Page) => ({
  getReport: () => page.evaluate(() => (window as unknown as { fieldmark: PageClient }).fieldmark.getReport()),
  getSettings: () => page.evaluate(() => (window as unknown as { fieldmark: PageClient }).fieldmark.getSettings()),
  getStatus: () => page.evaluate(() => (window as unknown as { fieldmark: PageClient }).fieldmark.getStatus()),
});

const contents = (page: Page) => page.getByRole('navigation', { name: 'Contents' });
const article = (page: Page) => page.getByRole('article', { name: '2021 Trafficking in Persons Report: Japan' });
const pane = (page: Page) => page.locator('#reading-pane');

async function ready(page: Page): Promise<void> {
  await expect(article(page).locator('[data-block-id]').first()).toBeVisible();
}

/** Distance in CSS pixels from the top of the reading pane to the element's top. */
async function topInPane(page: Page, target: Locator): Promise<number> {
  const [box, paneBox] = await Promise.all([target.boundingBox(), pane(page).boundingBox()]);
  if (!box || !paneBox) throw new Error('element not laid out');
  return box.y - paneBox.y;
}

/** The contents entry marked as the current location (exactly one). */
async function currentEntry(page: Page): Promise<string> {
  const marked = contents(page).locator('[aria-current="location"]');
  await expect(marked).toHaveCount(1);
  return (await marked.textContent()) ?? '';
}

test.describe('opening the report', () => {
  test('serves the verbatim report and renders every block with exactly its text', async ({ page }) => {
    await ready(page);
    const report = await client(page).getReport();
    const onDisk = await readFile(path.join(REPO_ROOT, 'assets/report/tip-2021-japan.txt'), 'utf8');
    expect(report.sha256).toBe(SHA256);
    expect(createHash('sha256').update(report.text, 'utf8').digest('hex')).toBe(SHA256);
    expect(report.text).toBe(onDisk);

    const rendered = await article(page)
      .locator('[data-block-id]')
      .evaluateAll((els) =>
        els.map((el) => ({ id: el.getAttribute('data-block-id'), start: Number(el.dataset.start), end: Number(el.dataset.end), text: el.textContent })),
      );
    expect(rendered.map((b) => b.id)).toEqual(report.blocks.map((b) => b.id));
    for (const [i, block] of report.blocks.entries()) {
      expect(rendered[i], block.id).toEqual({ id: block.id, start: block.start, end: block.end, text: report.text.slice(block.start, block.end) });
    }
  });

  test('shows the title, the Tier 2 badge, the five sections in the contents and the recommendations as a numbered list', async ({ page }) => {
    await ready(page);
    const report = await client(page).getReport();
    const banner = page.getByRole('banner');
    await expect(banner.getByText(report.title, { exact: true })).toBeVisible();
    await expect(banner.getByText('Tier 2', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: report.title })).toBeVisible();

    const entries = await contents(page).getByRole('link').allTextContents();
    for (const section of SECTIONS) expect(entries).toContain(section);
    expect(entries.filter((e) => SECTIONS.includes(e))).toEqual(SECTIONS);

    const recommendations = report.blocks.filter((b) => b.kind === 'recommendation');
    expect(recommendations.length).toBeGreaterThanOrEqual(11);
    const list = article(page).getByRole('list');
    await expect(list).toHaveCount(1);
    await expect(list.getByRole('listitem')).toHaveCount(recommendations.length);
    expect(await list.getByRole('listitem').first().textContent()).toBe(report.text.slice(recommendations[0]!.start, recommendations[0]!.end));
    expect(await list.evaluate((el) => el.tagName)).toBe('OL');
  });

  test('numbers paragraphs subtly outside the text, and skips off-screen paragraphs with content-visibility', async ({ page }) => {
    await ready(page);
    const para = article(page).locator('[data-block-id="protection-p2"]');
    const style = await para.evaluate((el) => {
      const before = getComputedStyle(el, '::before');
      return { label: before.content, visibility: getComputedStyle(el).contentVisibility, chunk: getComputedStyle(el.closest('.fm-chunk')!).contentVisibility };
    });
    expect(style.label).toContain('¶');
    expect(style.label).toContain('2');
    expect(style.visibility).toBe('auto');
    expect(style.chunk).toBe('auto');
    const report = await client(page).getReport();
    const block = report.blocks.find((b) => b.id === 'protection-p2')!;
    expect(await para.textContent()).toBe(report.text.slice(block.start, block.end));
  });
});

test.describe('table of contents', () => {
  test('scrolls to a section and marks it as the current location', async ({ page }) => {
    await ready(page);
    await contents(page).getByRole('link', { name: 'Protection' }).click();
    const heading = article(page).locator('#fm-heading-protection');
    await expect(heading).toBeInViewport();
    await expect.poll(() => topInPane(page, heading)).toBeLessThan(80);
    await expect.poll(() => currentEntry(page)).toBe('Protection');

    await contents(page).getByRole('link', { name: 'Prioritized Recommendations' }).click();
    await expect(article(page).locator('#fm-heading-recommendations')).toBeInViewport();
    await expect.poll(() => currentEntry(page)).toBe('Prioritized Recommendations');
  });

  test('marks the last, short section when it is chosen, although its heading cannot reach the top', async ({ page }) => {
    await ready(page);
    await contents(page).getByRole('link', { name: 'Trafficking Profile' }).click();
    await expect(article(page).locator('#fm-heading-profile')).toBeInViewport();
    await expect.poll(() => currentEntry(page)).toBe('Trafficking Profile');
  });

  test('follows scrolling, and the progress bar reports how far the reader is', async ({ page }) => {
    await ready(page);
    const progress = page.getByRole('progressbar', { name: 'Reading progress' });
    await expect(progress).toHaveAttribute('aria-valuenow', '0');
    await expect.poll(() => currentEntry(page)).toBe('Introduction');

    await article(page).locator('[data-block-id="prevention-p2"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(() => currentEntry(page)).toBe('Prevention');
    const middle = Number(await progress.getAttribute('aria-valuenow'));
    expect(middle).toBeGreaterThan(40);
    expect(middle).toBeLessThan(100);

    await pane(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect.poll(() => currentEntry(page)).toBe('Trafficking Profile');
  });
});

test.describe('reading settings', () => {
  test('font size, theme, line width and reading position survive a restart of the host', async ({ page: first, host }) => {
    await ready(first);
    const report = await client(first).getReport();
    const prevention = report.blocks.find((b) => b.id === 'heading-prevention')!;

    await first.getByRole('button', { name: 'Increase font size' }).click();
    await first.getByRole('button', { name: 'Increase font size' }).click();
    await first.getByRole('combobox', { name: 'Theme' }).selectOption('sepia');
    await first.getByRole('combobox', { name: 'Line width' }).selectOption('wide');
    await contents(first).getByRole('link', { name: 'Prevention' }).click();

    await expect
      .poll(async () => {
        const settings = (await host.readStore()).settings as Settings;
        return { fontSize: settings.fontSize, theme: settings.theme, lineWidth: settings.lineWidth, offset: settings.readingPosition?.offset };
      })
      .toEqual({ fontSize: 22, theme: 'sepia', lineWidth: 'wide', offset: prevention.start });

    const page = await host.restart();
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('sepia');
    await expect(page.getByRole('combobox', { name: 'Line width' })).toHaveValue('wide');
    await expect(page.getByRole('group', { name: 'Font size' })).toContainText('22');
    expect(await article(page).locator('[data-block-id="prevention-p1"]').evaluate((el) => getComputedStyle(el).fontSize)).toBe('22px');

    const heading = article(page).locator('#fm-heading-prevention');
    await expect(heading).toBeInViewport();
    await expect.poll(() => topInPane(page, heading)).toBeLessThan(80);
    await expect.poll(() => currentEntry(page)).toBe('Prevention');
    expect(Number(await page.getByRole('progressbar', { name: 'Reading progress' }).getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  });

  test('a position reached just before the page goes away is saved on the way out', async ({ page, host }) => {
    await ready(page);
    const report = await client(page).getReport();
    const target = report.blocks.find((b) => b.id === 'prevention-p2')!;
    await article(page).locator('[data-block-id="prevention-p2"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Leave at once, well before the debounced save would run.
    await page.goto('about:blank');
    await expect.poll(async () => ((await host.readStore()).settings as Settings).readingPosition?.offset).toBe(target.start);
    const again = await host.restart();
    await ready(again);
    const para = article(again).locator('[data-block-id="prevention-p2"]');
    await expect(para).toBeInViewport();
    await expect.poll(() => topInPane(again, para)).toBeLessThan(80);
  });

  test('Ctrl + and Ctrl − step through the sizes, stop at the ends, and Ctrl 0 resets', async ({ page }) => {
    await ready(page);
    const para = article(page).locator('[data-block-id="introduction-p1"]');
    const size = () => para.evaluate((el) => getComputedStyle(el).fontSize);
    await expect.poll(size).toBe('18px');
    await page.keyboard.press('Control+=');
    await expect.poll(size).toBe('20px');
    for (let i = 0; i < 8; i++) await page.keyboard.press('Control+=');
    await expect.poll(size).toBe('28px');
    await expect(page.getByRole('button', { name: 'Increase font size' })).toHaveAttribute('aria-disabled', 'true');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Control+-');
    await expect.poll(size).toBe('14px');
    await expect(page.getByRole('button', { name: 'Decrease font size' })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Control+0');
    await expect.poll(size).toBe('18px');
    await expect.poll(async () => (await client(page).getSettings()).fontSize).toBe(18);
  });

  test('a larger font or another line width keeps the reader at the same place', async ({ page }) => {
    await ready(page);
    const para = article(page).locator('[data-block-id="protection-p3"]');
    await para.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: 'Increase font size' }).click();
    await page.getByRole('button', { name: 'Increase font size' }).click();
    await expect.poll(() => para.evaluate((el) => getComputedStyle(el).fontSize)).toBe('22px');
    await expect.poll(() => topInPane(page, para)).toBeLessThan(80);
    expect(await topInPane(page, para)).toBeGreaterThan(-40);
    await page.getByRole('combobox', { name: 'Line width' }).selectOption('narrow');
    await expect.poll(() => topInPane(page, para)).toBeLessThan(80);
    expect(await topInPane(page, para)).toBeGreaterThan(-40);
  });

  test('the default theme follows the operating system until one is chosen', async ({ page }) => {
    await ready(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(async () => (await client(page).getSettings()).theme).toBe('dark');
  });

  test('line width changes the measure of the reading column', async ({ page }) => {
    await ready(page);
    const width = () => article(page).evaluate((el) => parseFloat(getComputedStyle(el).width));
    await page.getByRole('combobox', { name: 'Line width' }).selectOption('narrow');
    const narrow = await width();
    await page.getByRole('combobox', { name: 'Line width' }).selectOption('wide');
    await expect.poll(width).toBeGreaterThan(narrow + 50);
  });
});

test.describe('keyboard', () => {
  test('Tab reaches the contents and the article, and a chosen section moves focus and caret there', async ({ page }) => {
    await ready(page);
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent?.slice(0, 40)}`);
    const seen: string[] = [];
    for (let i = 0; i < 30 && !seen.some((s) => s.startsWith('ARTICLE:')); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused());
    }
    expect(seen).toContain('A:Prosecution');
    expect(seen.some((s) => s.startsWith('ARTICLE:'))).toBe(true);

    await contents(page).getByRole('link', { name: 'Prosecution' }).focus();
    await page.keyboard.press('Enter');
    await expect(article(page)).toBeFocused();
    for (let i = 0; i < 'PROSECUTION'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('PROSECUTION');
  });

  test('caret browsing: focus places a caret at the reading position, Shift+arrows select, and the caret never leaves the report', async ({ page }) => {
    await ready(page);
    const report = await client(page).getReport();
    await article(page).locator('[data-block-id="protection-p1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(100);
    await contents(page).getByRole('link', { name: 'Trafficking Profile' }).focus();
    await page.keyboard.press('Tab');
    await expect(article(page)).toBeFocused();
    await expect(page.locator('.fm-caret')).toBeVisible();

    await page.keyboard.press('Control+Shift+ArrowRight');
    const word = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(word.trim()).toBe('The');
    const block = report.blocks.find((b) => b.id === 'protection-p1')!;
    expect(report.text.slice(block.start).startsWith(word)).toBe(true);

    await page.keyboard.press('Shift+End');
    const line = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(line.length).toBeGreaterThan(word.length);
    expect(report.text.slice(block.start).startsWith(line)).toBe(true);

    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);

    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const inside = await page.evaluate(() => {
      const sel = document.getSelection();
      return !!sel?.focusNode && !!document.querySelector('article')?.contains(sel.focusNode);
    });
    expect(inside).toBe(true);

    await page.keyboard.press('Control+a');
    const all = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    const last = report.blocks[report.blocks.length - 1]!;
    expect(all.startsWith(report.title)).toBe(true);
    expect(all.trimEnd().endsWith(report.text.slice(last.start, last.end))).toBe(true);
  });
});

test.describe('notices and failed saves', () => {
  const failSettingsSaves = (page: Page) =>
    page.route('**/api/updateSettings', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'DISK_FULL', message: 'The disk is full. Free some space, then retry.' } }),
      }),
    );

  // A theme change does not move the text, so no reading-position save can race the Retry click.
  test('a failed settings save shows an alert with Retry, and Retry saves it', async ({ page, host }) => {
    await ready(page);
    await failSettingsSaves(page);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('sepia');
    const alert = page.getByRole('alert').filter({ hasText: 'not saved' });
    await expect(alert).toContainText('The disk is full');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');

    await page.unroute('**/api/updateSettings');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toHaveCount(0);
    await expect.poll(async () => ((await host.readStore()).settings as Settings).theme).toBe('sepia');
  });

  test('a later save that succeeds (the reading position) also saves what a failed save left unsaved', async ({ page, host }) => {
    await ready(page);
    await failSettingsSaves(page);
    await page.getByRole('button', { name: 'Increase font size' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'not saved' });
    await expect(alert).toContainText('The disk is full');
    await expect(page.getByRole('group', { name: 'Font size' })).toContainText('20');

    await page.unroute('**/api/updateSettings');
    // Scrolling saves the reading position; that save must carry the font size too.
    await contents(page).getByRole('link', { name: 'Prevention' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toHaveCount(0);
    await expect
      .poll(async () => {
        const settings = (await host.readStore()).settings as Settings;
        return { fontSize: settings.fontSize, moved: (settings.readingPosition?.offset ?? 0) > 0 };
      })
      .toEqual({ fontSize: 20, moved: true });
  });

  test('the store’s notices (a damaged file, read-only mode) are shown in the status area until dismissed', async ({ page }) => {
    await ready(page);
    const notices = [
      'Your annotations file was damaged, opened backup from 2021-06-30 10:00.',
      'Opened read-only: this data folder was written by a newer Fieldmark.',
    ];
    // The service's own status, with the notices a damaged or newer store would add.
    await page.route('**/api/getStatus', async (route) => {
      const response = await route.fetch();
      const envelope = (await response.json()) as { ok: true; value: StoreStatus };
      await route.fulfill({ response, json: { ok: true, value: { ...envelope.value, notices } } });
    });
    await page.reload();
    await ready(page);
    const status = page.getByRole('status').filter({ hasText: notices[0]! });
    await expect(status).toContainText(notices[0]!);
    await expect(status).toContainText(notices[1]!);
    await status.locator('.notice').filter({ hasText: notices[0]! }).getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText(notices[0]!)).toHaveCount(0);
    await expect(page.getByText(notices[1]!)).toBeVisible();
  });
});
