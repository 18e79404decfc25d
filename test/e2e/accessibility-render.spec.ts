/**
 * WCAG 2.2 AA checks measured in the page (issue 17): target size (2.5.8) of
 * every visible control in every view, highlights and controls in forced
 * colours (Windows High Contrast), and reduced motion.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { dragSelect, phraseOffsets, ready } from './annotate-helpers';
import { A11Y_RESULTS, exportDialog, seedHighlights, sheetRegion, shoot, toolbarButton } from './accessibility-helpers';

interface Target {
  name: string;
  width: number;
  height: number;
  /** Why an undersized target passes: 'spacing' (WCAG 2.5.8's spacing exception), or null. */
  exception: 'spacing' | null;
  /** The target too close to an undersized one. */
  near?: string;
}

/**
 * Every visible interactive element's box. An element under 24×24 passes when
 * a 24 px circle on its centre meets no other target (nor another undersized
 * target's circle): WCAG 2.5.8's spacing exception. Links inside the report's
 * sentences would be "inline" exceptions; the report text has none.
 */
async function targets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [role="option"], [role="treeitem"], [tabindex="0"]';
    const boxes = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => {
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        // The reading pane and scroll regions are focusable areas, not targets one aims at.
        const area = rect.width * rect.height > 200 * 200;
        return style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0 && !area && !el.closest('[inert], [aria-hidden="true"]') && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
      })
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      // A target under a sheet or a dialog cannot be hit until that closes.
      .filter(({ el, rect }) => {
        const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return top !== null && (el.contains(top) || top.contains(el) || (top as HTMLLabelElement).control === el);
      });
    const small = (r: DOMRect) => r.width < 24 - 0.01 || r.height < 24 - 0.01;
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const distanceToRect = (p: { x: number; y: number }, r: DOMRect) => Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
    return boxes.map(({ el, rect }) => {
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      if (!small(rect)) return { name, width: rect.width, height: rect.height, exception: null };
      const c = centre(rect);
      const blocking = boxes.find((other) => !clearOf(other));
      return { name, width: rect.width, height: rect.height, exception: blocking ? null : 'spacing', ...(blocking ? { near: `${blocking.el.tagName.toLowerCase()} "${(blocking.el.getAttribute('aria-label') ?? blocking.el.textContent ?? '').trim().slice(0, 40)}"` } : {}) };
      function clearOf(other: { el: HTMLElement; rect: DOMRect }): boolean {
        if (other.el === el || other.el.contains(el) || el.contains(other.el)) return true;
        if (small(other.rect)) {
          const o = centre(other.rect);
          return Math.hypot(o.x - c.x, o.y - c.y) >= 24;
        }
        return distanceToRect(c, other.rect) >= 12;
      }
    });
  });
}

test('every interactive target is at least 24×24 CSS px, or spaced as WCAG 2.5.8 allows, in every view', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await ready(page);
  await seedHighlights(page);
  const all: Record<string, Target[]> = {};
  const measure = async (view: string) => {
    all[view] = await targets(page);
  };
  await measure('reader and panel');
  const { start, end } = await phraseOffsets(page, 'Technical Intern Training Program');
  await dragSelect(page, start, end);
  await expect(page.getByRole('toolbar', { name: 'Highlight' })).toBeVisible();
  await measure('selection toolbar');
  await page.keyboard.press('Escape');
  await page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: /^Edit note and tags/ }).first().click();
  await measure('open card');
  await page.keyboard.press('Escape');
  await toolbarButton(page, 'Find').click();
  await page.getByRole('textbox', { name: 'Find in report' }).fill('victims');
  await page.getByRole('search', { name: 'Find in report' }).getByRole('button', { name: 'Results' }).click();
  await measure('find results');
  await page.getByRole('textbox', { name: 'Find in report' }).press('Escape');
  await toolbarButton(page, 'Export').click();
  await expect(exportDialog(page)).toBeVisible();
  await measure('export dialog');
  await page.keyboard.press('Escape');
  for (const name of ['Codebook', 'Coding matrix', 'Recommendations']) {
    await toolbarButton(page, name).click();
    await expect(sheetRegion(page, name)).toBeVisible();
    await measure(name);
    await page.keyboard.press('Escape');
  }
  await toolbarButton(page, 'Colour keys').click();
  await measure('colour keys');
  await page.keyboard.press('Escape');

  const flat = Object.entries(all).flatMap(([view, list]) => list.map((t) => ({ view, ...t })));
  const failing = flat.filter((t) => (t.width < 24 - 0.01 || t.height < 24 - 0.01) && t.exception === null);
  const smallest = [...flat].sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height)).slice(0, 8);
  const summary = JSON.stringify({ counted: flat.length, smallest, spaced: flat.filter((t) => t.exception) }, null, 2);
  await testInfo.attach('target sizes', { body: summary, contentType: 'application/json' });
  await mkdir(A11Y_RESULTS, { recursive: true });
  await writeFile(path.join(A11Y_RESULTS, 'target-sizes.json'), summary);
  expect(flat.length).toBeGreaterThan(100);
  expect(failing).toEqual([]);
});

/** Whether the highlight named `name` changes the pixels of its first range (compared with the range unpainted). */
async function highlightShows(page: Page, name: string): Promise<boolean> {
  const box = await page.evaluate((highlight) => {
    const range = [...CSS.highlights.get(highlight)!][0] as Range;
    const r = range.getClientRects()[0]!;
    return { x: Math.floor(r.left), y: Math.floor(r.top) - 2, width: Math.ceil(Math.min(r.width, 120)), height: Math.ceil(r.height) + 6 };
  }, name);
  const painted = await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  await page.evaluate((highlight) => {
    const w = window as unknown as { __held?: Highlight };
    w.__held = CSS.highlights.get(highlight)!;
    CSS.highlights.delete(highlight);
  }, name);
  const plain = await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  await page.evaluate((highlight) => {
    const w = window as unknown as { __held?: Highlight };
    CSS.highlights.set(highlight, w.__held!);
  }, name);
  return !painted.equals(plain);
}

test('in forced colours every highlight colour stays visible, and the toolbar and card are legible', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ forcedColors: 'active' });
  await ready(page);
  await seedHighlights(page);
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  await page.evaluate(() => document.querySelector('[data-block-id]')!.scrollIntoView());
  for (const color of ['key', 'gap', 'progress', 'statistic', 'question']) {
    // The range itself to the middle of the reading pane (a paragraph can be taller than the window).
    await page.evaluate(async (name) => {
      const range = [...CSS.highlights.get(name)!][0] as Range;
      (range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'start' });
      await new Promise(requestAnimationFrame);
      document.querySelector('main')!.scrollBy(0, range.getBoundingClientRect().top - innerHeight / 2);
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
    }, `fm-annotation-${color}`);
    expect(await highlightShows(page, `fm-annotation-${color}`), `${color} is visible in forced colours`).toBe(true);
  }
  // Each colour keeps its own underline style, which forced colours leave alone.
  const decorations = await page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const rule of [...document.styleSheets].flatMap((s) => [...s.cssRules])) {
      if (rule instanceof CSSStyleRule && /::highlight\(fm-annotation-(key|gap|progress|statistic|question)\)$/.test(rule.selectorText)) out[rule.selectorText] = rule.style.textDecorationStyle || rule.style.textDecoration;
    }
    return out;
  });
  expect(new Set(Object.values(decorations).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
  await page.evaluate(() => document.querySelector('main')!.scrollTo(0, 0));
  await shoot(page, testInfo, 'forced-colours-reader');

  const { start, end } = await phraseOffsets(page, 'Technical Intern Training Program');
  await dragSelect(page, start, end);
  await expect(page.getByRole('toolbar', { name: 'Highlight' })).toBeVisible();
  await shoot(page, testInfo, 'forced-colours-selection-toolbar');
  await page.keyboard.press('Escape');
  await page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: /^Edit note and tags/ }).first().click();
  const card = page.getByRole('dialog').first();
  await expect(card).toBeVisible();
  // Legible: the card is framed (a border in a system colour) and its text is not the background's colour.
  const frame = await card.evaluate((el) => {
    const s = getComputedStyle(el);
    return { border: s.borderTopStyle, color: s.color, background: s.backgroundColor };
  });
  expect(frame.border).not.toBe('none');
  expect(frame.color).not.toBe(frame.background);
  await shoot(page, testInfo, 'forced-colours-card');
});

test('reduced motion: no smooth scrolling, and animations and transitions end at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await ready(page);
  await seedHighlights(page);
  await toolbarButton(page, 'Codebook').click();
  await page.keyboard.press('Escape');
  const moving = await page.evaluate(() => {
    const out: string[] = [];
    const seconds = (list: string) => Math.max(...list.split(',').map((v) => (v.trim().endsWith('ms') ? parseFloat(v) / 1000 : parseFloat(v))));
    for (const el of [document.documentElement, ...document.querySelectorAll<HTMLElement>('body, body *')]) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(el, pseudo);
        if (s.scrollBehavior === 'smooth') out.push(`${el.tagName}${pseudo ?? ''} scrolls smoothly`);
        if (s.animationName !== 'none' && (seconds(s.animationDuration) > 0.001 || s.animationIterationCount === 'infinite')) out.push(`${el.className}${pseudo ?? ''} animates ${s.animationName} ${s.animationDuration} × ${s.animationIterationCount}`);
        if (seconds(s.transitionDuration) > 0.001) out.push(`${el.className}${pseudo ?? ''} transitions ${s.transitionProperty} ${s.transitionDuration}`);
      }
    }
    return out;
  });
  expect(moving).toEqual([]);
});
