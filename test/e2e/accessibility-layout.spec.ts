/**
 * WCAG 2.2 AA checks that axe cannot make, measured in the page (issue 17):
 * reflow at 320 CSS px (1.4.10), text spacing (1.4.12), target size (2.5.8),
 * forced colours (Windows High Contrast) and reduced motion. Screenshots go to
 * test-results/accessibility/ to be looked at.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { dragSelect, phraseOffsets, ready } from './annotate-helpers';
import { exportDialog, ownExportFile, pageOverflow, seedHighlights, setTheme, sheetRegion, shoot, toolbarButton } from './accessibility-helpers';

/**
 * A popover or floating toolbar must not hang off either edge, where no scrolling reaches it (a fixed
 * element does not widen the page, so the page's scroll width would not show it).
 */
async function expectOnScreen(page: Page, popover: Locator): Promise<void> {
  const box = (await popover.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

/** Opens each feature in turn from a narrow window; `check` runs with it open. */
async function walkFeatures(page: Page, check: (name: string) => Promise<void>): Promise<void> {
  await check('reader');
  // The report from the keyboard (the skip link): the caret commands' bar comes up at the bottom of the text.
  await page.getByRole('link', { name: 'Skip to the report' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Highlight at the caret' })).toBeVisible();
  await check('caret commands');
  // A selection in the text: the selection toolbar.
  const { start, end } = await phraseOffsets(page, 'Technical Intern Training Program');
  await dragSelect(page, start, end);
  await expect(page.getByRole('toolbar', { name: 'Highlight' })).toBeVisible();
  await expectOnScreen(page, page.getByRole('toolbar', { name: 'Highlight' }));
  await check('selection toolbar');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await expect(page.getByRole('toolbar', { name: 'Highlight' })).toBeHidden();
  // Below 1000 px the contents and the panel are drawers, opened from the toolbar.
  const narrow = page.viewportSize()!.width < 1000;
  if (narrow) {
    await toolbarButton(page, 'Contents').click();
    await expect(page.getByRole('navigation', { name: 'Contents' })).toBeVisible();
    await check('contents drawer');
    await page.keyboard.press('Escape');
    await toolbarButton(page, 'Annotations').click();
    await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeVisible();
    await check('annotations drawer');
  }
  await page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: /^Edit note and tags/ }).first().click();
  await expect(page.getByRole('dialog').first()).toBeVisible();
  await check('open card');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  if (narrow) await page.keyboard.press('Escape');
  await toolbarButton(page, 'Find').click();
  await page.getByRole('textbox', { name: 'Find in report' }).fill('victims');
  await page.getByRole('search', { name: 'Find in report' }).getByRole('button', { name: 'Results' }).click();
  await expect(page.getByRole('region', { name: 'Find results' })).toBeVisible();
  await check('find results');
  await page.getByRole('textbox', { name: 'Find in report' }).press('Escape');
  await toolbarButton(page, 'Export').click();
  await expect(exportDialog(page)).toBeVisible();
  await check('export dialog');
  const chooser = page.waitForEvent('filechooser');
  await exportDialog(page).getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(await ownExportFile(page));
  await expect(exportDialog(page).getByRole('heading', { name: /^Review the import/ })).toBeVisible();
  await check('import preview');
  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  for (const name of ['Codebook', 'Coding matrix', 'Recommendations', 'Briefing']) {
    await toolbarButton(page, name).click();
    await expect(sheetRegion(page, name)).toBeVisible();
    await check(name);
    await page.keyboard.press('Escape');
    await expect(sheetRegion(page, name)).toBeHidden();
  }
  await toolbarButton(page, 'Colour keys').click();
  await expect(page.getByRole('group', { name: 'Colour keys' })).toBeVisible();
  await expectOnScreen(page, page.getByRole('group', { name: 'Colour keys' }));
  await check('colour keys');
  await page.keyboard.press('Escape');
}

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`at 320 CSS px nothing scrolls sideways and every feature opens (${theme})`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await ready(page);
    await seedHighlights(page);
    await setTheme(page, theme);
    await page.setViewportSize({ width: 320, height: 720 });
    const widths: Record<string, number> = {};
    await walkFeatures(page, async (name) => {
      const { scrollWidth, clientWidth } = await pageOverflow(page);
      widths[name] = scrollWidth;
      expect(scrollWidth, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      if (theme === 'light' || ['reader', 'caret commands', 'Coding matrix', 'Recommendations', 'Briefing'].includes(name))
        await shoot(page, testInfo, `reflow-320-${theme}-${name.replace(/\s+/g, '-').toLowerCase()}`);
    });
    await testInfo.attach('scroll widths at 320', { body: JSON.stringify(widths, null, 2), contentType: 'application/json' });

    // The two-dimensional tables are exempt from reflow, each in its own focusable, named scroll region.
    for (const [view, region] of [
      ['Coding matrix', /^Codes by /],
      ['Recommendations', 'Recommendations table'],
      ['Briefing', 'Print preview'],
    ] as const) {
      await toolbarButton(page, view).click();
      const scroller = sheetRegion(page, view).getByRole('region', { name: region });
      await expect(scroller).toHaveAttribute('tabindex', '0');
      await scroller.focus();
      await expect(scroller).toBeFocused();
      const box = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
      expect(['auto', 'scroll']).toContain(box.overflowX);
      if (view === 'Briefing') await shoot(page, testInfo, `reflow-320-${theme}-briefing-preview`);
      expect((await pageOverflow(page)).scrollWidth).toBeLessThanOrEqual(320);
      await page.keyboard.press('Escape');
    }

    // Last, as it leaves the store protected: the unlock screen at 320 px.
    await page.evaluate((passphrase) => (window as unknown as { fieldmark: { protectStore(i: object): Promise<unknown> } }).fieldmark.protectStore({ passphrase }), 'reflow at 320 px');
    await page.reload();
    await ready(page);
    await toolbarButton(page, 'Lock').click();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    expect((await pageOverflow(page)).scrollWidth, 'unlock screen: the page scrolls sideways').toBeLessThanOrEqual(320);
    await shoot(page, testInfo, `reflow-320-${theme}-unlock-screen`);
  });
}

/** The WCAG 1.4.12 values, as the text-spacing bookmarklet sets them. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/**
 * Visible elements whose text is cut off: overflow hidden/clip with more content than room, or an ellipsis in a
 * control; and icons in a control squeezed narrower than their drawn size (a flex row short of room shrinks an
 * SVG first, and the sensitivity filter's icons had gone to 0 px).
 */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('button svg[width], label svg[width], [role="button"] svg[width]')) {
      const drawn = Number(svg.getAttribute('width'));
      const rect = svg.getBoundingClientRect();
      if (rect.height > 0 && rect.width < drawn - 0.5) {
        const control = svg.closest('button, label, [role="button"]')!;
        out.push(`icon in "${control.textContent?.trim().slice(0, 40)}" ${rect.width.toFixed(1)} px wide of ${drawn}`);
      }
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      // Off-screen descriptions (1 px, clipped on purpose) are for screen readers, not the eye.
      if (rect.width <= 1 || rect.height <= 1 || style.clipPath.startsWith('inset(50%') || style.clip.startsWith('rect(0')) continue;
      if (!el.textContent?.trim()) continue;
      const hiddenY = ['hidden', 'clip'].includes(style.overflowY);
      const hiddenX = ['hidden', 'clip'].includes(style.overflowX);
      const cutY = hiddenY && el.scrollHeight > el.clientHeight + 1;
      const cutX = hiddenX && el.scrollWidth > el.clientWidth + 1;
      const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && el.closest('button, a, label, select, [role="button"], [role="tab"], [role="option"]') !== null;
      if (cutY || cutX || ellipsis) {
        const name = el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${name}" ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
      }
    }
    return out;
  });
}

test('with WCAG text spacing nothing is clipped, in every view', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await ready(page);
  await seedHighlights(page);
  // Through the CSSOM, as the bookmarklet does: the page's CSP (style-src 'self') refuses a <style> element.
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, TEXT_SPACING);
  expect(await page.locator('article .fm-para').first().evaluate((el) => getComputedStyle(el).letterSpacing)).not.toBe('normal');
  for (const [width, label] of [
    [1280, 'wide'],
    [320, '320'],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    const clipped: Record<string, string[]> = {};
    await walkFeatures(page, async (name) => {
      const found = await clippedText(page);
      if (found.length) clipped[name] = found;
      if (['reader', 'open card', 'export dialog', 'Recommendations'].includes(name)) await shoot(page, testInfo, `text-spacing-${label}-${name.replace(/\s+/g, '-').toLowerCase()}`);
    });
    expect(clipped, `clipped text at ${width} px`).toEqual({});
  }
});

test('at 320×256 CSS px (400% zoom of 1280×1024) the toolbar scrolls away and the report fills the window', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 256 });
  await ready(page);
  const reader = page.locator('main');
  await reader.focus();
  await page.keyboard.press('PageDown');
  const box = await reader.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, height: r.height, scrolled: el.scrollTop };
  });
  expect(box.height).toBeGreaterThanOrEqual(250);
  expect(Math.abs(box.top)).toBeLessThanOrEqual(1);
  expect(box.scrolled).toBeGreaterThan(0);
  expect((await pageOverflow(page)).scrollWidth).toBeLessThanOrEqual(320);
  await shoot(page, testInfo, 'reflow-320x256-report');
  // The toolbar is above, one scroll away: Shift+Tab from the report reaches its last control.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('banner').locator(':focus')).toBeInViewport();
});
