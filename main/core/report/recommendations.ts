/**
 * The report's prioritized recommendations as first-class items (issue 14):
 * each recommendation block (`recommendation-N`, split at the bullets by the
 * report model) becomes `rec-N`, in document order, with a short default title
 * the user may later replace.
 *
 * The title is "a few words from the first clause": the text up to the first
 * dash, semicolon, colon or full stop, and when that is still long, cut at a
 * comma or before a function word so it does not end mid-phrase. It is a
 * label for tables and pickers, never a quote: the full text is always shown
 * beside it.
 */
import type { Block } from '../../../preload/contract';

export interface RecommendationItem {
  /** `rec-N`: stable for the same item of the same text. */
  id: string;
  /** 1-based position among the recommendations. */
  index: number;
  /** The block the item is (`recommendation-N`). */
  blockId: string;
  start: number;
  end: number;
  text: string;
  /** The default title; a user's own title is kept elsewhere and wins. */
  title: string;
}

const MAX_TITLE_WORDS = 9;
/** The fewest words a cut may leave, so a title says more than its verb. */
const MIN_TITLE_WORDS = 4;
const HARD_CLAUSE_END = /[—–;:.]/u;
/** Words a title should not end on (a cut before one ends at a phrase boundary). */
const FUNCTION_WORDS = new Set(['to', 'by', 'for', 'of', 'the', 'a', 'an', 'from', 'that', 'who', 'which', 'in', 'on', 'with', 'under', 'among', 'including', 'and', 'or']);

const bare = (word: string) => word.replace(/[,\s]+$/u, '').toLowerCase();

function dropTrailingFunctionWords(words: string[]): string[] {
  const out = [...words];
  while (out.length > 1 && FUNCTION_WORDS.has(bare(out[out.length - 1]!))) out.pop();
  return out;
}

/** The default title of a recommendation's text. */
export function recommendationTitle(text: string): string {
  const clause = text.split(HARD_CLAUSE_END, 1)[0]!.trim();
  const words = clause.split(/\s+/u).filter((w) => w.length > 0);
  if (words.length === 0) return text.trim().slice(0, 60);
  let kept: string[];
  if (words.length <= MAX_TITLE_WORDS) {
    kept = words;
  } else {
    const window = words.slice(0, MAX_TITLE_WORDS);
    const comma = window.findIndex((w, i) => i >= MIN_TITLE_WORDS - 1 && w.endsWith(','));
    if (comma !== -1) {
      kept = window.slice(0, comma + 1);
    } else {
      let cut = -1;
      // "and"/"or" join the verbs of a title ("investigate and prosecute"); cutting before them reads worse than cutting later.
      for (let i = MIN_TITLE_WORDS; i < window.length; i++) if (FUNCTION_WORDS.has(bare(window[i]!)) && bare(window[i]!) !== 'and' && bare(window[i]!) !== 'or') cut = i;
      kept = cut === -1 ? window : window.slice(0, cut);
    }
  }
  return dropTrailingFunctionWords(kept).join(' ').replace(/[,\s]+$/u, '');
}

/** The recommendations of a report's blocks, in document order. */
export function recommendationsOf(text: string, blocks: readonly Block[]): RecommendationItem[] {
  return blocks
    .filter((b) => b.kind === 'recommendation')
    .map((b, i) => {
      const itemText = text.slice(b.start, b.end);
      return { id: `rec-${i + 1}`, index: i + 1, blockId: b.id, start: b.start, end: b.end, text: itemText, title: recommendationTitle(itemText) };
    });
}
