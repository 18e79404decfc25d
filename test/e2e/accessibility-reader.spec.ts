/**
 * Highlights a screen reader can perceive (issue 17), checked in Chromium's own
 * accessibility tree (no screen reader runs here): a paragraph with highlights
 * has them as its accessible description, from an element outside the article,
 * and its text nodes are unchanged; the highlight navigator (Alt+↓/↑) goes
 * through them in document order and each move is said in the app's one polite
 * live region; Enter opens the card and Esc returns to the same place in the
 * text; a sentence and a paragraph are highlighted from the caret alone.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { createThroughClient, items, listAnnotations, panel, ready, reportText, type StoredView } from './annotate-helpers';
import { shoot } from './accessibility-helpers';

// Each test seeds, reloads and walks the text by keyboard: up to 50 s on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

const GAP = 'authorities again did not proactively identify';
const PROGRESS = 'In 2020, authorities identified 25 sex trafficking victims';
const KEY = 'The government reported 8,000 TITP participants disappeared';

/** The live region's latest sentence. */
const said = (page: Page): Locator => page.getByRole('status').locator('.fm-announcement');
const article = (page: Page): Locator => page.getByRole('article');

/** The data-block-id of the block holding an offset. */
async function blockIdAt(page: Page, offset: number): Promise<string> {
  return page.evaluate(
    (at) =>
      [...document.querySelectorAll<HTMLElement>('article [data-block-id]')].find((el) => Number(el.dataset.start) <= at && at < Number(el.dataset.end))!.dataset
        .blockId!,
    offset,
  );
}

/** Chromium's accessibility node for a CSS selector (CDP Accessibility.getPartialAXTree). */
async function axNode(cdp: CDPSession, selector: string): Promise<{ role: string; description: string; live: string | null }> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0]!;
  const live = node.properties?.find((p) => p.name === 'live')?.value.value as string | undefined;
  return { role: String(node.role?.value ?? ''), description: String(node.description?.value ?? ''), live: live ?? null };
}

/** Whether Chromium's tree holds `text` as a text node inside the element at `selector`. */
async function axHoldsText(cdp: CDPSession, selector: string, text: string): Promise<boolean> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId, accessibleName: text, role: 'StaticText' });
  return nodes.length > 0;
}

/** Whether the element's scroll position stays the same for half a second. */
async function scrollHeldStill(scroller: Locator): Promise<boolean> {
  return scroller.evaluate(async (el) => {
    const at = el.scrollTop;
    await new Promise((resolve) => setTimeout(resolve, 500));
    return el.scrollTop === at;
  });
}

/** Resolves after the page has drawn two more frames (what waits for the next frame has run). */
async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The caret's text offset in the article (the selection collapsed in a block), or null. */
async function caretOffset(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const sel = document.getSelection();
    if (!sel || !sel.isCollapsed || !sel.focusNode) return null;
    const block = (sel.focusNode instanceof Element ? sel.focusNode : sel.focusNode.parentElement)?.closest<HTMLElement>('[data-block-id]');
    if (!block) return null;
    const range = document.createRange();
    range.selectNodeContents(block);
    range.setEnd(sel.focusNode, sel.focusOffset);
    return Number(block.dataset.start) + range.toString().length;
  });
}

async function seed(page: Page): Promise<{ gap: StoredView; progress: StoredView; key: StoredView }> {
  await ready(page);
  const gap = await createThroughClient(page, GAP, { color: 'gap', note: 'Check the TITP figures.', tags: ['Labour', 'TITP'] });
  const progress = await createThroughClient(page, PROGRESS, { color: 'progress' });
  const key = await createThroughClient(page, KEY, { color: 'key' });
  await page.reload();
  await ready(page);
  await expect(items(page)).toHaveCount(3);
  return { gap, progress, key };
}

/** Focuses the article from the keyboard: the skip link, then Enter. */
async function focusReport(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the report' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(article(page)).toBeFocused();
}

test('a paragraph with highlights exposes them as its accessible description, and its text nodes stay as they were', async ({ page }) => {
  const { progress, gap } = await seed(page);
  const text = await reportText(page);
  const blockId = await blockIdAt(page, progress.start);
  const block = page.locator(`article [data-block-id="${blockId}"]`);

  // Two highlights in this paragraph, in document order, with colour label, quote start and note.
  const expected = /^2 highlights\. Progress: 'In 2020, authorities…'; Key finding: 'The government reported 8,000…'\.$/u;
  await expect(block).toHaveAccessibleDescription(expected);
  const cdp = await page.context().newCDPSession(page);
  const node = await axNode(cdp, `article [data-block-id="${blockId}"]`);
  expect(node.role).toBe('paragraph');
  expect(node.description).toMatch(expected);

  const gapBlock = await blockIdAt(page, gap.start);
  expect((await axNode(cdp, `article [data-block-id="${gapBlock}"]`)).description).toBe(
    "1 highlight. Gap or failure: 'authorities again did not…', has a note.",
  );
  // A paragraph without highlights has no description.
  const plain = await page.evaluate(() => [...document.querySelectorAll('article p[data-block-id]')].find((el) => !el.hasAttribute('aria-describedby'))!.getAttribute('data-block-id'));
  expect((await axNode(cdp, `article [data-block-id="${plain}"]`)).description).toBe('');

  // The descriptions live outside the article, hidden; the blocks' text is exactly the report's.
  const where = await page.evaluate((id) => {
    const el = document.querySelector(`article [data-block-id="${id}"]`)!;
    const description = document.getElementById(el.getAttribute('aria-describedby')!)!;
    const article = document.querySelector('article')!;
    const texts = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
    return { inArticle: article.contains(description), hidden: description.closest('[hidden]') !== null, texts, start: Number(el.getAttribute('data-start')), end: Number(el.getAttribute('data-end')) };
  }, blockId);
  expect(where.inArticle).toBe(false);
  expect(where.hidden).toBe(true);
  expect(where.texts).toBe(text.slice(where.start, where.end));
});

test('Alt+Down and Alt+Up go through the highlights in document order, each said in the live region; Enter opens the card, Esc comes back', async ({ page }) => {
  const { gap, progress, key } = await seed(page);
  await expect(article(page)).toHaveAttribute('aria-keyshortcuts', 'Alt+ArrowDown Alt+ArrowUp Alt+Shift+S Alt+Shift+P');
  const cdp = await page.context().newCDPSession(page);
  // The announcement sits in the one polite live region, as Chromium exposes it.
  expect((await axNode(cdp, '#fm-live-region')).live).toBe('polite');

  await focusReport(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(said(page)).toHaveText("Highlight 1 of 3, Gap or failure: 'authorities again did not…', has a note, 2 tags. Enter opens it.");
  await expect(article(page)).toBeFocused();
  expect(await caretOffset(page)).toBe(gap.start);
  // The panel's card follows.
  await expect(panel(page).locator('li[aria-current="true"]')).toContainText(GAP);

  await page.keyboard.press('Alt+ArrowDown');
  await expect(said(page)).toHaveText("Highlight 2 of 3, Progress: 'In 2020, authorities…'. Enter opens it.");
  await page.keyboard.press('Alt+ArrowDown');
  await expect(said(page)).toHaveText("Highlight 3 of 3, Key finding: 'The government reported 8,000…'. Enter opens it.");
  expect(await caretOffset(page)).toBe(key.start);
  await expect(panel(page).locator('li[aria-current="true"]')).toContainText(KEY);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(said(page)).toHaveText('No next highlight.');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(said(page)).toHaveText("Highlight 2 of 3, Progress: 'In 2020, authorities…'. Enter opens it.");
  // Said where a screen reader listens: inside the polite region, in Chromium's tree.
  expect(await axHoldsText(cdp, '#fm-live-region', "Highlight 2 of 3, Progress: 'In 2020, authorities…'. Enter opens it.")).toBe(true);
  expect(await axHoldsText(cdp, '#fm-live-region', 'No next highlight.')).toBe(false);

  // Enter opens its card with the note focused; a note typed there reaches the paragraph's description.
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: progress.citation });
  await expect(card).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Fewer than 2019.');
  await expect(card.getByText('Saved', { exact: true })).toBeVisible();
  await expect(said(page)).toHaveText('Note saved.');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(article(page)).toBeFocused();
  expect(await caretOffset(page)).toBe(progress.start);
  const blockId = await blockIdAt(page, progress.start);
  await expect(page.locator(`article [data-block-id="${blockId}"]`)).toHaveAccessibleDescription(/Progress: 'In 2020, authorities…', has a note;/u);

  // The navigator goes on from the same place.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(said(page)).toHaveText(/^Highlight 3 of 3, Key finding/u);
  await expect(panel(page).locator('li[aria-current="true"]')).toContainText(KEY);

  // The caret leaving the highlight and coming back into it with the arrows says its label and place.
  // (The label goes once the caret is out: two presses within one frame would never leave the highlight.)
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(said(page)).toHaveText(`Key finding highlight, ${key.citation}. Press Enter to open its note.`);
});

test('the sentence or the paragraph at the caret is highlighted from the keyboard alone, and said', async ({ page, host }) => {
  const { gap } = await seed(page);
  const text = await reportText(page);
  // With no caret in the text yet, the keys say how to get one.
  await page.keyboard.press('Alt+Shift+S');
  await expect(said(page)).toHaveText('Move the caret into the text first: press Tab to reach the report, then the arrow keys.');
  await focusReport(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+ArrowDown');
  expect(await caretOffset(page)).toBe(gap.start);

  await page.keyboard.press('Alt+Shift+S');
  const sentenceCard = page.getByRole('dialog', { name: gap.citation });
  await expect(sentenceCard.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await expect(said(page)).toHaveText(`Highlighted the sentence as Key finding at ${gap.citation}. Saved.`);
  await page.keyboard.press('Escape');
  await expect(article(page)).toBeFocused();

  await page.keyboard.press('Alt+Shift+P');
  await expect(said(page)).toHaveText(`Highlighted the paragraph as Key finding at ${gap.citation}. Saved.`);
  await page.keyboard.press('Escape');

  const stored = await listAnnotations(page);
  const made = stored.filter((a) => a.id !== gap.id && a.start <= gap.start && gap.end <= a.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  expect(made).toHaveLength(2);
  const [sentence, paragraph] = made as [StoredView, StoredView];
  // The sentence holds the quote, starts a sentence and ends with its full stop.
  expect(sentence.exact).toMatch(/^[A-Z].*\.$/su);
  expect(sentence.exact).toContain(GAP);
  expect(sentence.exact).not.toMatch(/\. [A-Z]/u);
  // The paragraph is the whole block, without surrounding space.
  const bounds = await page.evaluate((at) => {
    const el = [...document.querySelectorAll<HTMLElement>('article [data-block-id]')].find((b) => Number(b.dataset.start) <= at && at < Number(b.dataset.end))!;
    return { start: Number(el.dataset.start), end: Number(el.dataset.end) };
  }, gap.start);
  expect(paragraph.exact).toBe(text.slice(bounds.start, bounds.end).trim());
  expect((await host.readStore()).annotations).toHaveLength(5);
});

test('the sentence and paragraph commands are buttons under the text while it has keyboard focus, next in the Tab order', async ({ page, host }, testInfo) => {
  const { gap } = await seed(page);
  const commands = page.getByRole('group', { name: 'Highlight at the caret' });
  const sentence = commands.getByRole('button', { name: 'Highlight sentence' });
  const paragraph = commands.getByRole('button', { name: 'Highlight paragraph' });

  // A click in the text leaves a caret but not keyboard focus: mouse readers do not get the bar.
  const box = (await page.locator('article .fm-para').first().boundingBox())!;
  await page.mouse.click(box.x + 40, box.y + 10);
  await expect(article(page)).toBeFocused();
  expect(await caretOffset(page)).not.toBeNull();
  // The bar would come up in the frame after focus or the caret moved: wait for it, then look.
  await twoFrames(page);
  await expect(commands).toHaveCount(0);

  await page.reload();
  await ready(page);
  await focusReport(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+ArrowDown');
  expect(await caretOffset(page)).toBe(gap.start);
  await expect(commands).toBeVisible();
  await expect(sentence).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+S');
  await expect(paragraph).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+P');
  // Sticky at the bottom of the reading pane, inside it, over the text.
  const pane = (await page.locator('main').boundingBox())!;
  const bar = (await commands.boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
  expect(bar.y).toBeGreaterThan(pane.y + pane.height / 2);

  // Tab from the text: past the badges of the recommendations below, the bar staying up all the way.
  let presses = 0;
  while (!(await sentence.evaluate((el) => el === document.activeElement))) {
    expect(++presses, 'Tab did not reach Highlight sentence').toBeLessThanOrEqual(60);
    await page.keyboard.press('Tab');
    await expect(commands).toBeVisible();
  }
  expect(await caretOffset(page)).toBe(gap.start);
  // Enter: the caret's sentence, announced, the card takes focus; Esc comes back to the text.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: gap.citation }).getByRole('textbox', { name: 'Note' })).toBeFocused();
  await expect(said(page)).toHaveText(`Highlighted the sentence as Key finding at ${gap.citation}. Saved.`);
  await expect(commands).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(article(page)).toBeFocused();
  expect(await caretOffset(page)).toBe(gap.start);
  await expect(commands).toBeVisible();

  // A pointer press on a button keeps the caret and focus in the text.
  await paragraph.click();
  await expect(said(page)).toHaveText(`Highlighted the paragraph as Key finding at ${gap.citation}. Saved.`);
  await page.keyboard.press('Escape');
  await expect(article(page)).toBeFocused();

  const made = (await listAnnotations(page)).filter((a) => a.id !== gap.id && a.start <= gap.start && gap.end <= a.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  expect(made).toHaveLength(2);
  expect(made[0]!.exact).toMatch(/^[A-Z].*\.$/su);
  expect(made[0]!.exact.length).toBeLessThan(made[1]!.exact.length);
  expect((await host.readStore()).annotations).toHaveLength(5);

  // Moving the caret down the text scrolls it into view above the bar, never under it.
  await expect(commands).toBeVisible();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  await expect(commands).toBeVisible();
  // The drawn caret follows in the next frame; the gap between its foot and the bar's top settles there.
  const caretAboveBar = async () => {
    const caret = (await page.locator('.fm-caret').boundingBox())!;
    return (await commands.boundingBox())!.y - (caret.y + caret.height);
  };
  await expect.poll(caretAboveBar).toBeGreaterThanOrEqual(0);
  expect(await caretAboveBar()).toBeLessThan(120);

  // To be looked at: the bar over the text in each theme.
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await page.reload();
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await focusReport(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(commands).toBeVisible();
    await shoot(page, testInfo, `caret-commands-${theme}`);
  }
});

test('the label of the highlight at the caret follows the text when it scrolls, and goes when the caret is out of view', async ({ page }) => {
  const { gap } = await seed(page);
  await focusReport(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+ArrowDown');
  expect(await caretOffset(page)).toBe(gap.start);
  const hint = page.getByRole('tooltip');
  await expect(hint).toContainText('Gap or failure');
  // The navigator's scroll to the highlight settles over a few frames: measure once the text holds still.
  const pane = page.locator('main');
  await expect.poll(() => scrollHeldStill(pane), { timeout: 15_000 }).toBe(true);
  const before = (await hint.boundingBox())!;

  await pane.evaluate((el) => el.scrollBy({ top: 60 }));
  await expect.poll(async () => (await hint.boundingBox())?.y).toBeCloseTo(before.y - 60, 0);
  await pane.evaluate((el) => el.scrollBy({ top: 4000 }));
  await expect(hint).toHaveCount(0);
  await pane.evaluate((el) => el.scrollBy({ top: -4060 }));
  await expect(hint).toContainText('Gap or failure');
});
