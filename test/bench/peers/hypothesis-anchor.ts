/**
 * Peer for B1 and B2: quote anchoring the way the Hypothesis client describes it
 * (exact occurrences first, otherwise approx-string-match's bit-parallel search
 * with up to half the quote in errors; candidates ranked by quote, prefix,
 * suffix and nearness to a position hint, weighted 50/20/20/2), searching near
 * the hint first and the whole text only when nothing convincing is there.
 * Written for the benchmark from approx-string-match 2.0.0's public API; it
 * has no orphan threshold, like Hypothesis: the best candidate found is taken.
 */
import approxSearch from 'approx-string-match';

export interface PeerQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface PeerAnchor {
  start: number;
  end: number;
  score: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Characters searched on each side of the hint before falling back to the whole text. */
export const HINT_WINDOW = 2000;
/** A candidate near the hint scoring at least this is taken without searching further. */
const NEAR_HINT_ACCEPT = 0.9;

/** Exact occurrences in text[from, to) if any, else the fewest-error approximate ones. */
function candidatesIn(text: string, quote: string, from: number, to: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote, from); at !== -1 && at + quote.length <= to; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  if (found.length > 0) return found;
  const region = text.slice(from, to);
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  return approxSearch(region, quote, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
}

/** 0–1: how closely `expected` appears in `actual` (1 − fewest edits / length). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  const matches = approxSearch(actual, expected, expected.length);
  let fewest = expected.length;
  for (const m of matches) fewest = Math.min(fewest, m.errors);
  return 1 - fewest / expected.length;
}

function score(text: string, c: Candidate, quote: PeerQuote, hint: number): number {
  const quoteScore = 1 - c.errors / quote.exact.length;
  const prefixScore = similarity(text.slice(Math.max(0, c.start - quote.prefix.length), c.start), quote.prefix);
  const suffixScore = similarity(text.slice(c.end, c.end + quote.suffix.length), quote.suffix);
  const positionScore = 1 - Math.abs(c.start - hint) / text.length;
  return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
}

function best(text: string, found: Candidate[], quote: PeerQuote, hint: number): PeerAnchor | null {
  let top: PeerAnchor | null = null;
  for (const c of found) {
    const s = score(text, c, quote, hint);
    if (top === null || s > top.score) top = { start: c.start, end: c.end, score: s };
  }
  return top;
}

/** Finds the quote in `text`, preferring candidates near `hint`; null when nothing is within the error budget. */
export function anchorQuote(text: string, quote: PeerQuote, hint: number): PeerAnchor | null {
  if (quote.exact.length === 0) return null;
  const from = Math.max(0, hint - HINT_WINDOW);
  const to = Math.min(text.length, hint + quote.exact.length + HINT_WINDOW);
  const near = best(text, candidatesIn(text, quote.exact, from, to), quote, hint);
  if (near && near.score >= NEAR_HINT_ACCEPT) return near;
  const anywhere = best(text, candidatesIn(text, quote.exact, 0, text.length), quote, hint);
  if (near && (!anywhere || near.score >= anywhere.score)) return near;
  return anywhere;
}

/** Re-anchors a stored annotation: its old position if the quote is still there, else the quote search. */
export function reanchorPeer(text: string, position: { start: number; end: number }, quote: PeerQuote): PeerAnchor | null {
  if (text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, score: 1 };
  return anchorQuote(text, quote, position.start);
}
