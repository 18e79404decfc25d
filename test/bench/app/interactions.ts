/**
 * B12's driver: one round of the ten interactions in the real app, each timed
 * in the page from its input event to the frame that shows the result (see
 * probe-script.ts). Controls are found by role and accessible name, as the
 * end-to-end tests find them, so the same driver runs the old and the new UI.
 */
import type { Locator, Page } from 'playwright-core';

export const INTERACTIONS = [
  'filter-key',
  'clear-filters',
  'create-highlight',
  'open-card',
  'change-colour',
  'note-key',
  'delete',
  'undo',
  'scroll-page',
  'jump-to-text',
] as const;
export type Interaction = (typeof INTERACTIONS)[number];

/** Typed into the filter one key at a time. None of the text the driver adds (below) contains a "v". */
export const FILTER_WORD = 'vict';
/** Typed into the note one key at a time. */
const NOTE_KEYS = 'note';
/** What the keyboard highlight covers: an occurrence of this word, a different one each round. */
const CREATE_WORD = 'Japan';
const LEGEND = ['Key finding', 'Gap or failure', 'Progress', 'Statistic', 'Question'];

interface ProbeResult {
  ok: boolean;
  ms: number | null;
  earlyMs: number | null;
  input: string | null;
}

interface ProbeRead {
  total: number | null;
  showing: { n: number; m: number } | null;
  trash: number;
  dialog: boolean;
  scroller: { top: number; height: number; max: number } | null;
}

interface B12Window {
  __b12: {
    arm(name: string, args: unknown, timeoutMs: number, early?: string): void;
    result(): Promise<ProbeResult>;
    check(name: string, args: unknown): boolean;
    read(): ProbeRead;
    legendCount(label: string): number | null;
    idle(): Promise<void>;
  };
}

export interface Sample {
  interaction: Interaction;
  ms: number;
  /** The typed character's own frame (filter keys), when it came before the results. */
  earlyMs: number | null;
  /** The condition did not hold within the cap; `ms` is how long was waited. */
  capped: boolean;
}

export interface RoundContext {
  page: Page;
  /** The report's text, to find the passages the driver highlights. */
  text: string;
  /** Per-sample cap (ms). */
  capMs: number;
  /** "Showing n of m": n after each prefix of FILTER_WORD, learned in the warm-up round. */
  filterShown: number[] | null;
  /** Called before each timed step and with 'end' after it (the traces mark the steps with it). */
  onStep?(step: Interaction | 'end'): Promise<void>;
}

const read = (page: Page) => page.evaluate(() => (window as unknown as B12Window).__b12.read());
const idle = (page: Page) => page.evaluate(() => (window as unknown as B12Window).__b12.idle());

async function timed(
  ctx: RoundContext,
  interaction: Interaction,
  condition: string,
  args: unknown,
  act: () => Promise<void>,
  early?: string,
): Promise<Sample> {
  const { page } = ctx;
  await ctx.onStep?.(interaction);
  await page.evaluate(([c, a, t, e]) => (window as unknown as B12Window).__b12.arm(c as string, a, t as number, e as string | undefined), [condition, args, ctx.capMs, early] as const);
  await act();
  const r = await page.evaluate(() => (window as unknown as B12Window).__b12.result());
  if (r.ms === null) throw new Error(`${interaction}: no input event reached the page`);
  await idle(page);
  await ctx.onStep?.('end');
  return { interaction, ms: r.ms, earlyMs: r.earlyMs, capped: !r.ok };
}

const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Annotations' });
const cards = (page: Page): Locator => panel(page).getByRole('list', { name: 'Highlights' });
/**
 * The cards' "Edit note and tags, <citation>" buttons. Their accessible name is their
 * aria-label on both sides; matching it as an attribute spares Playwright computing the
 * names of 20,000 buttons on the old panel before each click (outside the timing, but it
 * would stretch a run by minutes). Falls back to the role and name.
 */
async function editButtons(page: Page, scope: Page | Locator = cards(page)): Promise<Locator> {
  const byLabel = scope.locator('[aria-label^="Edit note and tags, "]');
  return (await byLabel.count()) > 0 ? byLabel : scope.getByRole('button', { name: /^Edit note and tags, / });
}
/** The filter section (role region "Filters") when there is one, so "Clear filters" is looked up among a few controls. */
async function filters(page: Page): Promise<Locator> {
  const region = panel(page).getByRole('region', { name: 'Filters' });
  return (await region.count()) > 0 ? region : panel(page);
}

/** Selects [start, end) of the report in the focused article, as Shift+Arrow would leave it. */
async function selectInArticle(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    async ({ start, end }) => {
      const block = [...document.querySelectorAll<HTMLElement>('article [data-block-id]')].find(
        (el) => Number(el.dataset.start) <= start && end <= Number(el.dataset.end),
      );
      if (!block) throw new Error(`no block holds ${start}–${end}`);
      block.scrollIntoView({ block: 'center' });
      document.querySelector<HTMLElement>('article')!.focus({ preventScroll: true });
      await new Promise(requestAnimationFrame);
      // The block's one text node (a recommendation item also holds its status badge, an element with no text).
      const node = [...block.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
      const range = document.createRange();
      range.setStart(node, start - Number(block.dataset.start));
      range.setEnd(node, end - Number(block.dataset.start));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { start, end },
  );
}

function occurrence(text: string, word: string, n: number): { start: number; end: number } {
  const all: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) all.push(at);
  if (all.length === 0) throw new Error(`"${word}" is not in the report`);
  const at = all[n % all.length]!;
  return { start: at, end: at + word.length };
}

async function createHighlight(ctx: RoundContext, round: number): Promise<Sample> {
  const { page } = ctx;
  const { start, end } = occurrence(ctx.text, CREATE_WORD, 3 + round * 2);
  const before = await read(page);
  await selectInArticle(page, start, end);
  await page.getByRole('toolbar', { name: 'Highlight' }).waitFor();
  const sample = await timed(ctx, 'create-highlight', 'created', { total: (before.total ?? 0) + 1 }, () => page.keyboard.press('1'));
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  return sample;
}

async function filterRound(ctx: RoundContext): Promise<Sample[]> {
  const { page } = ctx;
  const samples: Sample[] = [];
  const box = (await filters(page)).getByRole('searchbox', { name: 'Filter annotations' });
  await box.click();
  const learned: number[] = [];
  for (let i = 1; i <= FILTER_WORD.length; i++) {
    const value = FILTER_WORD.slice(0, i);
    const key = () => page.keyboard.press(FILTER_WORD[i - 1]!);
    if (ctx.filterShown) {
      samples.push(await timed(ctx, 'filter-key', 'filterResults', { value, shown: ctx.filterShown[i - 1] }, key, 'filterValue'));
    } else {
      // Warm-up: learn what the settled results show, then time only the character's frame.
      samples.push(await timed(ctx, 'filter-key', 'filterValue', { value }, key));
      await idle(page);
      learned.push((await read(page)).showing?.n ?? -1);
    }
  }
  if (!ctx.filterShown) ctx.filterShown = learned;
  const clear = (await filters(page)).getByRole('button', { name: 'Clear filters' }).first();
  samples.push(await timed(ctx, 'clear-filters', 'cleared', {}, () => clear.click()));
  return samples;
}

async function cardRound(ctx: RoundContext): Promise<Sample[]> {
  const { page } = ctx;
  const samples: Sample[] = [];
  const edit = (await editButtons(page)).first();
  samples.push(await timed(ctx, 'open-card', 'cardOpen', {}, () => edit.click()));

  const dialog = page.getByRole('dialog');
  const current = await dialog.getByRole('radio', { checked: true }).first().evaluate((r) => r.closest('label')?.textContent?.trim() ?? '');
  const label = LEGEND[(LEGEND.indexOf(current) + 1) % LEGEND.length]!;
  const count = (await page.evaluate((l) => (window as unknown as B12Window).__b12.legendCount(l), label)) ?? 0;
  samples.push(await timed(ctx, 'change-colour', 'recoloured', { label, count: count + 1 }, () => dialog.getByRole('radio', { name: label }).click()));

  const note = dialog.getByRole('textbox', { name: 'Note' });
  await note.focus();
  await note.press('End');
  let value = await note.inputValue();
  for (const ch of NOTE_KEYS) {
    value += ch;
    samples.push(await timed(ctx, 'note-key', 'noteValue', { value }, () => page.keyboard.press(ch)));
  }

  const before = await read(page);
  const del = dialog.getByRole('button', { name: 'Delete' });
  samples.push(await timed(ctx, 'delete', 'deleted', { trash: before.trash + 1, total: (before.total ?? 0) - 1 }, () => del.click()));
  await page.evaluate(() => document.querySelector<HTMLElement>('article')!.focus({ preventScroll: true }));
  samples.push(await timed(ctx, 'undo', 'undone', { trash: before.trash, total: before.total }, () => page.keyboard.press('Control+Z')));
  return samples;
}

async function scrollRound(ctx: RoundContext): Promise<Sample[]> {
  const { page } = ctx;
  await page.evaluate(() => {
    const list = [...document.querySelectorAll('[aria-label="Highlights"]')][0];
    for (let el = list?.parentElement ?? null; el; el = el.parentElement) if (el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)) el.scrollTop = 0;
  });
  await idle(page);
  const s = (await read(page)).scroller;
  // A page of cards to scroll through, or no sample: with a few cards (the empty store after its
  // rounds' highlights) the panel's filters can make it scroll, but no page of cards ever fills the
  // view, so the sample would only wait for its cap.
  if (!s || s.max - s.top < s.height) return [];
  const by = s.height;
  const box = await cards(page).boundingBox();
  const panelBox = await panel(page).boundingBox();
  if (!box || !panelBox) return [];
  await page.mouse.move(box.x + box.width / 2, Math.max(box.y + 10, panelBox.y + panelBox.height / 2));
  return [await timed(ctx, 'scroll-page', 'scrolled', { from: s.top, by }, () => page.mouse.wheel(0, by))];
}

async function jumpRound(ctx: RoundContext, round: number): Promise<Sample[]> {
  const { page } = ctx;
  // A card's first button is its citation, which goes to the passage.
  const edits = await editButtons(page);
  const count = await edits.count();
  if (count === 0) return [];
  const card = cards(page).getByRole('listitem').filter({ has: await editButtons(page, page) }).nth(Math.min(count - 1, round % 6));
  const target = card.getByRole('button').first();
  await target.scrollIntoViewIfNeeded();
  // Start far from the passage, so the jump has to scroll the reading pane.
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.scrollTop = main.scrollHeight;
  });
  await idle(page);
  return [await timed(ctx, 'jump-to-text', 'jumped', {}, () => target.click())];
}

/** One sample of every interaction that applies (scrolling needs a list longer than the panel). */
export async function runRound(ctx: RoundContext, round: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  samples.push(await createHighlight(ctx, round));
  samples.push(...(await filterRound(ctx)));
  samples.push(...(await cardRound(ctx)));
  samples.push(...(await scrollRound(ctx)));
  samples.push(...(await jumpRound(ctx, round)));
  return samples;
}
