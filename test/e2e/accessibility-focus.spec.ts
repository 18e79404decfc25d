/**
 * Focus (issue 17, WCAG 2.4.7 and 2.4.11, 2.1.2): every control reached by Tab
 * shows an indicator of at least 2 CSS px with 3:1 contrast against what is
 * behind it, in each theme (the main view's first stops, and every stop inside
 * an open card, the Export and import dialog, the Codebook, the Briefing and the
 * find bar with results); every dialog, sheet and bar gives focus back to what
 * opened it, and none but a modal dialog keeps the keyboard in.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { ready } from './annotate-helpers';
import { exportDialog, ownExportFile, seedHighlights, setTheme, sheetRegion, toolbarButton } from './accessibility-helpers';

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
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    const name = `${el.tagName.toLowerCase()} "${label.trim().slice(0, 40)}"`;
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

/** Whether focus is inside `view`, as a function to poll. */
const focusWithin = (view: Locator) => () => view.evaluate((el) => el.contains(document.activeElement));

/** Where focus is against `container`: on a stop not yet seen by this walk (now marked), one seen before, or outside. */
async function focusPlace(container: Locator, walk: string): Promise<'new' | 'seen' | 'outside'> {
  return container.evaluate((root, key) => {
    const el = document.activeElement;
    if (!el || !root.contains(el)) return 'outside';
    const walks = ((window as unknown as { focusWalks?: Record<string, WeakSet<Element>> }).focusWalks ??= {});
    const seen = (walks[key] ??= new WeakSet());
    if (seen.has(el)) return 'seen';
    seen.add(el);
    return 'new';
  }, walk);
}

/** The most Tab stops a walk takes before it counts as stuck (twice the longest, the Briefing's). */
const MAX_STOPS = 50;

interface Walk {
  stops: Indicator[];
  /** Tab took focus out of the container (rather than round to its first stop again). */
  left: boolean;
  /** Where it went: 'body' when out of the page (to the browser's own controls), else the element's tag. */
  leftTo: string;
}

/**
 * Every Tab stop inside `container`, which holds focus: Shift+Tab back until focus leaves it (or comes round, in a
 * modal dialog), Tab once back in, then Tab on, measuring each stop, until focus leaves or comes round to a stop seen.
 */
async function walkTabStops(page: Page, container: Locator, name: string): Promise<Walk> {
  await expect.poll(focusWithin(container), `focus moves into the ${name} as it opens`).toBe(true);
  let place: 'new' | 'seen' | 'outside' = await focusPlace(container, `${name} back`);
  for (let i = 0; i < MAX_STOPS && place === 'new'; i++) {
    await page.keyboard.press('Shift+Tab');
    place = await focusPlace(container, `${name} back`);
  }
  expect(place, `Shift+Tab leaves ${name} or comes round`).not.toBe('new');
  if (place === 'outside') await page.keyboard.press('Tab');
  const stops: Indicator[] = [];
  for (let i = 0; i < MAX_STOPS; i++) {
    place = await focusPlace(container, `${name} on`);
    if (place !== 'new') break;
    stops.push(await focusIndicator(page));
    await page.keyboard.press('Tab');
  }
  expect(place, `Tab leaves ${name} or comes round within ${MAX_STOPS} stops`).not.toBe('new');
  const leftTo = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'body');
  return { stops, left: place === 'outside', leftTo };
}

const annotationsPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Annotations' });
const findBar = (page: Page): Locator => page.getByRole('search', { name: 'Find in report' });
const card = (page: Page): Locator => page.getByRole('dialog').and(page.locator('.fm-card'));

/** Focuses `opener` and presses Enter, as a keyboard user would. */
async function pressOn(page: Page, opener: Locator): Promise<void> {
  await opener.focus();
  await page.keyboard.press('Enter');
}

interface Container {
  name: string;
  /** The container, in the DOM: a Tab stop is inside it. */
  locate(page: Page): Locator;
  /** Modal: Tab may come round inside it, or leave the page, but never reach the page behind it. */
  modal: boolean;
  /** The fewest Tab stops it has (its controls as they are today), so a walk that stops short fails. */
  minStops: number;
  /** Opens it from the keyboard, with focus inside it. */
  open(page: Page): Promise<void>;
  /** Closes it from the keyboard. */
  close(page: Page): Promise<void>;
}

/** Focus back inside `container`, then Escape, and the container is gone. */
const escapeFrom = (locate: (page: Page) => Locator) => async (page: Page) => {
  await locate(page).locator('button').last().focus();
  await page.keyboard.press('Escape');
  await expect(locate(page)).toBeHidden();
};

const CONTAINERS: Container[] = [
  {
    name: 'open card',
    locate: card,
    modal: false,
    // Note, Remove on each of its two tags, the tag field, colour, sensitivity, two links, Delete, Close.
    minStops: 10,
    open: async (page) => {
      await pressOn(page, annotationsPanel(page).getByRole('button', { name: /^Edit note and tags/ }).first());
      await expect(card(page)).toBeVisible();
    },
    close: escapeFrom(card),
  },
  {
    name: 'Export and import dialog',
    locate: exportDialog,
    modal: true,
    minStops: 20,
    open: async (page) => {
      await pressOn(page, toolbarButton(page, 'Export'));
      await expect(exportDialog(page)).toBeVisible();
    },
    close: escapeFrom(exportDialog),
  },
  ...['Codebook', 'Briefing'].map((name) => ({
    name,
    locate: (page: Page) => sheetRegion(page, name),
    modal: false,
    minStops: name === 'Codebook' ? 11 : 22,
    open: async (page: Page) => {
      await pressOn(page, toolbarButton(page, name));
      await expect(sheetRegion(page, name)).toBeVisible();
      // Their contents arrive with the host's answer after the sheet opens: walk them once they are there.
      const loaded = name === 'Codebook' ? sheetRegion(page, name).getByRole('treeitem') : sheetRegion(page, name).getByRole('region', { name: 'Print preview' });
      await expect(loaded.first()).toBeVisible();
    },
    close: escapeFrom((page) => sheetRegion(page, name)),
  })),
  {
    name: 'find bar with results',
    locate: findBar,
    modal: false,
    // The query, previous, next, close, two options, Results, Highlight, and the seven results.
    minStops: 15,
    open: async (page) => {
      await page.keyboard.press('Control+f');
      await expect(page.getByRole('textbox', { name: 'Find in report' })).toBeFocused();
      // Seven matches in two sections: every kind of stop in the results, without walking seventy alike.
      await page.keyboard.type('screening');
      await expect(findBar(page).getByRole('status')).toHaveText('1 of 7');
      await pressOn(page, findBar(page).getByRole('button', { name: 'Results' }));
      await expect(page.getByRole('region', { name: 'Find results' }).getByRole('button').first()).toBeVisible();
    },
    close: escapeFrom(findBar),
  },
];

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`every Tab stop inside the card, Export, Codebook, Briefing and find bar shows a 2 px focus outline with 3:1 contrast (${theme})`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await ready(page);
    await seedHighlights(page);
    await setTheme(page, theme);
    const counts: Record<string, number> = {};
    const weak: Record<string, Indicator[]> = {};
    for (const container of CONTAINERS) {
      await container.open(page);
      const walk = await walkTabStops(page, container.locate(page), container.name);
      counts[container.name] = walk.stops.length;
      weak[container.name] = walk.stops.filter((s) => s.style === 'none' || s.width < 2 || s.contrast < 3);
      expect(walk.stops.length, `Tab stops in the ${container.name}`).toBeGreaterThanOrEqual(container.minStops);
      // WCAG 2.1.2: only a modal dialog may keep Tab inside; a modal's inert background is never reached.
      if (!container.modal) expect(walk.left, `Tab leaves the ${container.name}`).toBe(true);
      else if (walk.left) expect(walk.leftTo, `Tab out of the ${container.name} goes out of the page`).toBe('body');
      await container.close(page);
    }
    await testInfo.attach(`tab-stops-${theme}.json`, { body: JSON.stringify(counts, null, 2), contentType: 'application/json' });
    expect(weak).toEqual(Object.fromEntries(CONTAINERS.map((c) => [c.name, []])));
  });
}

/**
 * Opens with Enter on `opener`, closes with Escape from inside, and expects focus back on `opener`. A dialog or sheet
 * takes focus as it opens (just after it renders); a disclosure (`disclosure`) keeps it on its button, and Tab goes in.
 */
async function returnsFocus(page: Page, opener: Locator, view: Locator, { disclosure = false } = {}): Promise<void> {
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(view).toBeVisible();
  if (disclosure) await expect(opener).toBeFocused();
  else await expect.poll(focusWithin(view), 'focus moves into the view as it opens').toBe(true);
  // Not trapped: Escape always leaves, wherever focus is inside.
  await page.keyboard.press('Tab');
  expect(await focusWithin(view)(), 'Tab goes on inside the view').toBe(true);
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
  await returnsFocus(page, toolbarButton(page, 'Colour keys'), page.getByRole('group', { name: 'Colour keys' }), { disclosure: true });
  await returnsFocus(page, toolbarButton(page, 'Protect with a passphrase'), page.getByRole('dialog'));
  const edit = page.getByRole('complementary', { name: 'Annotations' }).getByRole('button', { name: /^Edit note and tags/ }).first();
  await returnsFocus(page, edit, page.getByRole('dialog'));

  // A non-modal sheet lets Tab move on past its last control, back into the page.
  await toolbarButton(page, 'Coding matrix').click();
  expect(await tabLeaves(page, sheetRegion(page, 'Coding matrix'))).toBe(true);
});

/** Tabs on from where focus is until it leaves `container` (WCAG 2.1.2); false if it is still inside after 60 presses. */
async function tabLeaves(page: Page, container: Locator): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (!(await container.evaluate((el) => el.contains(document.activeElement)))) return true;
  }
  return false;
}

/** Ctrl+F from `had`, a search with results, Tab into the bar, Escape: the bar is gone and `had` has focus again. */
async function findGivesFocusBack(page: Page, had: Locator): Promise<void> {
  await had.focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('textbox', { name: 'Find in report' })).toBeFocused();
  await page.keyboard.type('screening');
  await expect(findBar(page).getByRole('status')).toHaveText('1 of 7');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toBeHidden();
  await expect(had).toBeFocused();
}

const PASSPHRASE = 'focus comes back from the settings';

test('Briefing, the find bar, the import preview and Passphrase settings give focus back on Escape, and Tab leaves Briefing and the find bar', async ({ page }) => {
  test.setTimeout(120_000);
  await ready(page);
  await seedHighlights(page);

  await returnsFocus(page, toolbarButton(page, 'Briefing'), sheetRegion(page, 'Briefing'));
  await pressOn(page, toolbarButton(page, 'Briefing'));
  expect(await tabLeaves(page, sheetRegion(page, 'Briefing')), 'Tab leaves the Briefing').toBe(true);
  await escapeFrom((p) => sheetRegion(p, 'Briefing'))(page);

  // The find bar gives focus back to whatever had it: a control, or the report.
  await findGivesFocusBack(page, annotationsPanel(page).getByRole('button', { name: /^Edit note and tags/ }).first());
  await findGivesFocusBack(page, page.locator('article.reading-column'));
  await page.keyboard.press('Control+f');
  await page.keyboard.type('screening');
  await expect(findBar(page).getByRole('status')).toHaveText('1 of 7');
  await pressOn(page, findBar(page).getByRole('button', { name: 'Results' }));
  await expect(page.getByRole('region', { name: 'Find results' })).toBeVisible();
  expect(await tabLeaves(page, findBar(page)), 'Tab leaves the find bar').toBe(true);
  await escapeFrom(findBar)(page);

  // The import preview: Export, Import…, a file. Focus stays in the dialog as the review replaces Import…; Cancel
  // import gives it back to Import…, and Escape leaves the review and the dialog, back to Export.
  const file = await ownExportFile(page);
  const focusInDialog = focusWithin(exportDialog(page));
  const review = exportDialog(page).getByRole('region', { name: /^Review the import/ });
  const importButton = exportDialog(page).getByRole('button', { name: 'Import…' });
  const preview = async () => {
    const chooser = page.waitForEvent('filechooser');
    await pressOn(page, importButton);
    await (await chooser).setFiles(file);
    await expect(review).toBeVisible();
    await expect.poll(focusInDialog, 'focus is in the dialog as the review opens').toBe(true);
  };
  await pressOn(page, toolbarButton(page, 'Export'));
  await preview();
  await pressOn(page, review.getByRole('button', { name: 'Cancel import' }));
  await expect(review).toBeHidden();
  await expect(importButton).toBeFocused();
  await preview();
  await page.keyboard.press('Tab');
  expect(await focusInDialog(), 'Tab in the review stays in the dialog').toBe(true);
  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  await expect(toolbarButton(page, 'Export')).toBeFocused();

  // Passphrase settings exist once the store is protected.
  await page.evaluate((passphrase) => (window as unknown as { fieldmark: { protectStore(i: object): Promise<unknown> } }).fieldmark.protectStore({ passphrase }), PASSPHRASE);
  await page.reload();
  await ready(page);
  await returnsFocus(page, toolbarButton(page, 'Passphrase settings'), page.getByRole('dialog', { name: 'Passphrase settings' }));
});
