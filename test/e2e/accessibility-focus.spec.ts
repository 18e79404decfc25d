/**
 * Focus (issue 17, WCAG 2.4.7 and 2.4.11, 2.1.2): every control reached by Tab
 * shows an indicator of at least 2 CSS px with 3:1 contrast against what is
 * behind it, in each theme; every dialog and sheet gives focus back to what
 * opened it, and none keeps the keyboard in.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ready } from './annotate-helpers';
import { exportDialog, seedHighlights, setTheme, sheetRegion, toolbarButton } from './accessibility-helpers';

interface Indicator {
  name: string;
  style: string;
  width: number;
  contrast: number;
}

/** The focused element's outline: style, width and its contrast with the colour painted behind the element. */
async function focusIndicator(page: Page): Promise<Indicator> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    // rgb()/rgba(), and color(srgb r g b / a) as color-mix() computes to.
    const parse = (c: string) => {
      const srgb = /color\(srgb ([^)]+)\)/.exec(c);
      if (srgb) {
        const [r, g, b, a] = srgb[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
        return { r: r! * 255, g: g! * 255, b: b! * 255, a: a ?? 1 };
      }
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) throw new Error(`unexpected colour ${c}`);
      const [r, g, b, a] = m[1]!.split(/[,\s/]+/).filter(Boolean).map(Number);
      return { r: r!, g: g!, b: b!, a: a ?? 1 };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // The outline sits outside the element (outline-offset), so it is seen against the parent's background.
    let node: Element | null = el.parentElement;
    let bg = { r: 255, g: 255, b: 255, a: 1 };
    while (node) {
      const painted = parse(getComputedStyle(node).backgroundColor);
      if (painted.a > 0.5) {
        bg = painted;
        break;
      }
      node = node.parentElement;
    }
    const style = getComputedStyle(el);
    const raw = parse(style.outlineColor);
    // A translucent outline is seen mixed with what is behind it.
    const line = { r: raw.r * raw.a + bg.r * (1 - raw.a), g: raw.g * raw.a + bg.g * (1 - raw.a), b: raw.b * raw.a + bg.b * (1 - raw.a) };
    const [hi, lo] = [lum(line), lum(bg)].sort((x, y) => y - x);
    const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    return { name, style: style.outlineStyle, width: parseFloat(style.outlineWidth), contrast: (hi! + 0.05) / (lo! + 0.05) };
  });
}

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`every control reached by Tab shows a 2 px focus outline with 3:1 contrast (${theme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await ready(page);
    await seedHighlights(page);
    await setTheme(page, theme);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: Indicator[] = [];
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusIndicator(page));
    }
    const weak = seen.filter((s) => s.style === 'none' || s.width < 2 || s.contrast < 3);
    expect(new Set(seen.map((s) => s.name)).size).toBeGreaterThan(20);
    expect(weak).toEqual([]);
  });
}

/** Opens with `open`, closes with Escape, and expects focus back on `opener`. */
async function returnsFocus(page: Page, opener: Locator, view: Locator): Promise<void> {
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(view).toBeVisible();
  // Not trapped: Escape always leaves, wherever focus is inside.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(opener).toBeFocused();
}

test('focus returns to the opener after every dialog and sheet, and Escape always leaves', async ({ page }) => {
  test.setTimeout(120_000);
  await ready(page);
  await seedHighlights(page);
  await returnsFocus(page, toolbarButton(page, 'Export'), exportDialog(page));
  for (const name of ['Codebook', 'Coding matrix', 'Recommendations']) await returnsFocus(page, toolbarButton(page, name), sheetRegion(page, name));
  await returnsFocus(page, toolbarButton(page, 'Colour keys'), page.getByRole('group', { name: 'Colour keys' }));
  await returnsFocus(page, toolbarButton(page, 'Protect with a passphrase'), page.getByRole('dialog'));
  const edit = page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: /^Edit note and tags/ }).first();
  await returnsFocus(page, edit, page.getByRole('dialog'));

  // A non-modal sheet lets Tab move on past its last control, back into the page.
  await toolbarButton(page, 'Coding matrix').click();
  const sheet = sheetRegion(page, 'Coding matrix');
  let left = false;
  for (let i = 0; i < 60 && !left; i++) {
    await page.keyboard.press('Tab');
    left = !(await sheet.evaluate((el) => el.contains(document.activeElement)));
  }
  expect(left).toBe(true);
});
