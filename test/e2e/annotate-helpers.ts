/**
 * Shared steps for the annotation end-to-end specs: finding a phrase's offsets
 * in the report text, selecting it with a real mouse drag, reading what the
 * service has stored, and reading what the CSS Custom Highlight API paints.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './support/fixtures';

export interface StoredView {
  id: string;
  color: string;
  note: string;
  tags: string[];
  start: number;
  end: number;
  exact: string;
  citation: string;
  deletedAt: string | null;
  anchor: { status: string };
}

interface PageApi {
  getReport(): Promise<{ text: string }>;
  listAnnotations(): Promise<StoredView[]>;
  createAnnotation(input: { start: number; end: number; color: string; note?: string; tags?: string[] }): Promise<StoredView>;
  updateSettings(patch: unknown): Promise<unknown>;
}

/** Waits until the article has been built. */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('article [data-block-id]').first()).toBeVisible();
}

export const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Annotations' });
export const toolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Highlight' });
/** The panel's list of live annotations (cards). */
export const items = (page: Page): Locator => panel(page).getByRole('list', { name: 'Highlights' }).getByRole('listitem').filter({ has: page.locator('.fm-item-go') });

/** What the service holds, as the page's own client sees it. */
export async function listAnnotations(page: Page): Promise<StoredView[]> {
  return page.evaluate(() => (window as unknown as { fieldmark: PageApi }).fieldmark.listAnnotations());
}

export async function reportText(page: Page): Promise<string> {
  return page.evaluate(async () => (await (window as unknown as { fieldmark: PageApi }).fieldmark.getReport()).text);
}

/** The offsets of the n-th occurrence of a phrase in the report text. */
export async function phraseOffsets(page: Page, phrase: string, occurrence = 0): Promise<{ start: number; end: number }> {
  const text = await reportText(page);
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times in the report`);
  }
  return { start: at, end: at + phrase.length };
}

/** Creates an annotation through the page's client (for setting up a scene quickly). */
export async function createThroughClient(
  page: Page,
  phrase: string,
  extra: { color?: string; note?: string; tags?: string[]; occurrence?: number } = {},
): Promise<StoredView> {
  const { start, end } = await phraseOffsets(page, phrase, extra.occurrence ?? 0);
  return page.evaluate(
    (input) => (window as unknown as { fieldmark: PageApi }).fieldmark.createAnnotation(input),
    { start, end, color: extra.color ?? 'key', ...(extra.note !== undefined ? { note: extra.note } : {}), ...(extra.tags ? { tags: extra.tags } : {}) },
  );
}

/** Scrolls an offset into the middle of the reading pane and returns viewport points for [start, end). */
async function pointsFor(page: Page, start: number, end: number): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  return page.evaluate(
    async ({ start, end }) => {
      const blockOf = (offset: number) =>
        [...document.querySelectorAll<HTMLElement>('article [data-block-id]')].find(
          (el) => Number(el.dataset.start) <= offset && offset < Number(el.dataset.end),
        )!;
      const charRect = (offset: number) => {
        const el = blockOf(offset);
        const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) as Text;
        const range = document.createRange();
        const local = offset - Number(el.dataset.start);
        range.setStart(node, local);
        range.setEnd(node, local + 1);
        return range.getClientRects()[0]!;
      };
      // Paragraphs are long: bring the first character (not its whole paragraph) to a third of the pane.
      const pane = document.querySelector('main')!;
      blockOf(start).scrollIntoView({ block: 'start' });
      for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
      const box = pane.getBoundingClientRect();
      pane.scrollBy(0, charRect(start).top - (box.top + box.height / 3));
      // Paragraphs that just came into view are laid out for real only now (content-visibility),
      // which can still move the text: measure until two frames agree.
      const measure = () => {
        const a = charRect(start);
        const b = charRect(end - 1);
        return { from: { x: a.left + 1, y: a.top + a.height / 2 }, to: { x: b.right - 1, y: b.top + b.height / 2 } };
      };
      let last = measure();
      for (let i = 0; i < 30; i++) {
        await new Promise(requestAnimationFrame);
        const next = measure();
        if (JSON.stringify(next) === JSON.stringify(last) && i >= 2) return next;
        last = next;
      }
      return last;
    },
    { start, end },
  );
}

/** Selects [start, end) of the report with a real mouse drag. */
export async function dragSelect(page: Page, start: number, end: number): Promise<void> {
  const { from, to } = await pointsFor(page, start, end);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  // Across blocks the selection's text has the layout's line breaks, so compare words only.
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  const expected = words((await reportText(page)).slice(start, end));
  await expect.poll(async () => words(await page.evaluate(() => document.getSelection()?.toString() ?? ''))).toBe(expected);
}

/** A viewport point in the middle of the character at `offset`. */
export async function pointAt(page: Page, offset: number): Promise<{ x: number; y: number }> {
  const { from } = await pointsFor(page, offset, offset + 1);
  return { x: from.x + 2, y: from.y };
}

/** The CSS Custom Highlight API registry: highlight name → painted texts. */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      out[name] = [...highlight].map((range) => range.toString()).sort();
    });
    return out;
  });
}

/** Fails the test if any dialog (alert, confirm, prompt) opens. */
export function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}
