/**
 * The reader's look: screenshots of the light, dark and sepia themes (saved as
 * test artifacts and in test-results/screenshots/ to be looked at), measured
 * text contrast in each theme, and the layout from 800×600 up.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, REPO_ROOT, test } from './support/fixtures';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

async function ready(page: Page): Promise<void> {
  await expect(page.getByRole('article').locator('[data-block-id]').first()).toBeVisible();
}

/** Saves a screenshot as an artifact of this test and as test-results/screenshots/<name>.png. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  await mkdir(SCREENSHOTS, { recursive: true });
  await copyFile(file, path.join(SCREENSHOTS, `${name}.png`));
}

/** WCAG contrast of the computed text colour of `selector` against the colour painted behind it. */
async function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const parse = (c: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) throw new Error(`unexpected colour ${c}`);
      const [r, g, b, a] = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
      return { r: r!, g: g!, b: b!, a: a ?? 1 };
    };
    let bgEl: Element | null = el;
    let bg = parse(getComputedStyle(el).backgroundColor);
    while (bgEl && bg.a === 0) {
      bgEl = bgEl.parentElement;
      bg = bgEl ? parse(getComputedStyle(bgEl).backgroundColor) : { r: 255, g: 255, b: 255, a: 1 };
    }
    const fg = parse(getComputedStyle(el).color);
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  });
}

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`the ${theme} reader is legible and saved as a screenshot`, async ({ page }, testInfo) => {
    await ready(page);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await contrastOf(page, 'article .fm-para')).toBeGreaterThanOrEqual(7);
    expect(await contrastOf(page, '.toc-link:not([aria-current])')).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(page, '.toc-link[aria-current="location"]')).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(page, '.tier-badge')).toBeGreaterThanOrEqual(4.5);
    await shoot(page, testInfo, `reader-${theme}`);

    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Prioritized Recommendations' }).click();
    await expect(page.locator('#fm-heading-recommendations')).toBeInViewport();
    await page.mouse.move(0, 0);
    await shoot(page, testInfo, `reader-${theme}-recommendations`);
  });
}

test('at 800×600 the side panels become toggles and nothing overflows', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'Contents' });
  await expect(nav).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  const header = page.getByRole('banner');
  expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(page.getByText('Tier 2', { exact: true }).first()).toBeVisible();
  await shoot(page, testInfo, 'reader-800x600');

  const toggle = page.getByRole('button', { name: 'Contents', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await shoot(page, testInfo, 'reader-800x600-contents');
  await nav.getByRole('link', { name: 'Prevention' }).click();
  await expect(nav).toBeHidden();
  await expect(page.locator('#fm-heading-prevention')).toBeInViewport();

  await page.getByRole('button', { name: 'Annotations', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeHidden();
});

test('the dark reader at 800×600 with a larger font', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Increase font size' }).click();
  await page.getByRole('button', { name: 'Increase font size' }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  expect(await contrastOf(page, 'article .fm-para')).toBeGreaterThanOrEqual(7);
  await shoot(page, testInfo, 'reader-dark-800x600');
});
