import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../../../main/core/anchoring/match-quote';
import { quoteSelectorFor } from '../../../../main/core/anchoring/quote-selector';
import {
  ORPHAN_THRESHOLD,
  reanchor,
  reanchorAll,
  type AnchorResult,
  type AnchorTarget,
} from '../../../../main/core/anchoring/re-anchor';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { assemble, reviseText, seededRandom, type Revision } from '../../../support/revised-text';

const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const MODEL = buildReportModel(REPORT);
const block = (id: string) => MODEL.byId.get(id)!;

/** A stored target for text.slice(start, end) of the original report. */
function targetAt(start: number, end: number, text = REPORT): AnchorTarget {
  const quote = quoteSelectorFor(text, start, end);
  return { start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}
function targetFor(phrase: string, from = 0): AnchorTarget {
  const start = REPORT.indexOf(phrase, from);
  if (start < 0) throw new Error(`phrase not in report: ${phrase}`);
  return targetAt(start, start + phrase.length);
}
const at = (phrase: string, from = 0) => REPORT.indexOf(phrase, from);

// A revised edition of the real report: one inserted sentence, one deleted
// sentence, one typo fix, and a paragraph moved to the end.
const INSERTED = 'In a revised count, the government reported additional cases. ';
const insertAt = block('prosecution-p2').start;
const DELETED =
  'Lack of standardized guidelines, poor coordination among ministries, and misunderstanding of sex and labor trafficking crimes among all relevant agencies contributed to the government’s inadequate efforts to identify and protect victims. ';
const deleteFrom = at(DELETED);
const typoAt = at('insufficient efforts to prevent trafficking') + 'insufficient efforts to prev'.length; // the "e" of "prevent"
const moved = block('prevention-p2');
const REVISION: Revision = assemble(REPORT, [
  { from: 0, to: insertAt },
  { insert: INSERTED },
  { from: insertAt, to: deleteFrom },
  { from: deleteFrom + DELETED.length, to: typoAt },
  { insert: 'i' },
  { from: typoAt + 1, to: moved.start },
  { from: moved.end, to: REPORT.length },
  { insert: '\n\n' },
  { from: moved.start, to: moved.end },
]);
const REVISED = REVISION.text;

describe('reanchor', () => {
  it('keeps an annotation whose quote is still at its position', () => {
    const target = targetFor('does not fully meet the minimum standards');
    expect(reanchor(REVISED, target)).toEqual({ status: 'exact', start: target.start, end: target.end, score: 1 });
  });

  it('moves an annotation whose text shifted after an inserted sentence', () => {
    const target = targetFor('Despite the known prevalence of forced labor indicators');
    const result = reanchor(REVISED, target);
    expect(result.status).toBe('moved');
    expect(result).toMatchObject(REVISION.locate(target.start!, target.end!)!);
    expect(result.start - target.start!).toBe(INSERTED.length);
  });

  it('picks the right occurrence of a common phrase by its context', () => {
    // "the government" occurs dozens of times; this one is in prosecution ¶3.
    const start = at('the government', block('prosecution-p3').start);
    const target = targetAt(start, start + 'the government'.length);
    const result = reanchor(REVISED, target);
    expect(result.status).toBe('moved');
    expect(result).toMatchObject(REVISION.locate(target.start!, target.end!)!);
  });

  it('finds a quote whose typo was fixed, with a score below 1', () => {
    const target = targetFor('maintained insufficient efforts to prevent trafficking, including');
    const result = reanchor(REVISED, target);
    expect(result.status).toBe('fuzzy');
    expect(REVISED.slice(result.start, result.end)).toBe('maintained insufficient efforts to prevint trafficking, including');
    expect(result.score).toBeGreaterThan(ORPHAN_THRESHOLD);
    expect(result.score).toBeLessThan(1);
  });

  it('makes an orphan of a quote whose sentence was deleted, keeping its old position', () => {
    const target = targetFor('poor coordination among ministries');
    const result = reanchor(REVISED, target);
    expect(result).toEqual({ status: 'orphan', start: target.start, end: target.end, score: result.score });
    expect(result.score).toBeLessThan(ORPHAN_THRESHOLD);
  });

  it('follows a paragraph that moved to the end of the report', () => {
    const target = targetFor('The TITP reform law mandated the MHLW approve work plans');
    const result = reanchor(REVISED, target);
    expect(result.status).toBe('moved');
    expect(result).toMatchObject(REVISION.locate(target.start!, target.end!)!);
    const lastParagraph = block('profile-p3');
    expect(result.start).toBeGreaterThan(REVISION.locate(lastParagraph.start, lastParagraph.end)!.end);
  });

  it('finds a quote that spans an inserted sentence approximately, covering both ends', () => {
    const start = block('prosecution-p1').end - 100;
    const end = block('prosecution-p2').start + 100;
    const target = targetAt(start, end);
    const result = reanchor(REVISED, target);
    expect(result.status).toBe('fuzzy');
    const first = REVISION.locate(start, start + 1)!;
    const last = REVISION.locate(end - 1, end)!;
    expect(result).toMatchObject({ start: first.start, end: last.end });
  });

  it('does not move a short quote to a place where only the words match', () => {
    const target = targetFor('coordination among');
    expect(reanchor(REVISED, target).status).toBe('orphan');
  });

  it('does not trust the old position of a short quote whose context changed around it', () => {
    // After an edit, another "the government" slides into the old offsets; its
    // context shows it is not the annotated passage.
    const original = 'Yesterday the government acted on the report. Today the government waited.';
    const target = targetAt(10, 24, original);
    const revised = 'Today and the government waited for news.';
    expect(revised.slice(10, 24)).toBe('the government');
    expect(reanchor(revised, target)).toMatchObject({ status: 'orphan', start: 10, end: 24 });
    expect(reanchor(original, target)).toMatchObject({ status: 'exact', start: 10, end: 24 });
  });

  it('resolves a quote with no position by searching for it', () => {
    const { exact, prefix, suffix } = targetFor('Despite the known prevalence of forced labor indicators');
    const result = reanchor(REVISED, { exact, prefix, suffix });
    expect(result.status).toBe('moved');
    expect(REVISED.slice(result.start, result.end)).toBe(exact);
  });

  it('makes an orphan of an empty quote, and of a quote with no position that is not there', () => {
    expect(reanchor(REVISED, { start: 3, end: 3, exact: '' })).toEqual({ status: 'orphan', start: 3, end: 3, score: 0 });
    expect(reanchor(REVISED, { exact: 'poor coordination among ministries' })).toMatchObject({ status: 'orphan', start: 0, end: 0 });
  });

  it('honours a stricter threshold', () => {
    const target = targetFor('maintained insufficient efforts to prevent trafficking, including');
    expect(reanchor(REVISED, target, { threshold: 0.999 }).status).toBe('orphan');
  });

  it('trusts a position made against the same text after a cheap check, and searches when the record is damaged', () => {
    const target = { ...targetFor('Despite the known prevalence'), sha256: MODEL.sha256 };
    expect(reanchor(REPORT, target, { sha256: MODEL.sha256 }).status).toBe('exact');
    const damaged = { ...target, start: target.start! + 7, end: target.end! + 7 };
    expect(reanchor(REPORT, damaged, { sha256: MODEL.sha256 })).toMatchObject({ status: 'moved', start: target.start, end: target.end });
  });
});

describe('reanchorAll', () => {
  const targets = [
    targetFor('does not fully meet the minimum standards'),
    targetFor('Despite the known prevalence of forced labor indicators'),
    targetFor('maintained insufficient efforts to prevent trafficking, including'),
    targetFor('poor coordination among ministries'),
    targetFor('The TITP reform law mandated the MHLW approve work plans'),
    targetAt(block('prosecution-p1').end - 100, block('prosecution-p2').start + 100),
    targetFor('coordination among'),
    (() => {
      const start = at('the government', block('prosecution-p3').start);
      return targetAt(start, start + 14);
    })(),
  ];

  it('resolves a batch exactly as one-by-one resolution does, in input order', () => {
    const batch = reanchorAll(REVISED, targets);
    expect(batch.map((r) => r.status)).toEqual(['exact', 'moved', 'fuzzy', 'orphan', 'moved', 'fuzzy', 'orphan', 'moved']);
    targets.forEach((target, i) => {
      const single = reanchor(REVISED, target);
      expect([batch[i]!.status, batch[i]!.start, batch[i]!.end]).toEqual([single.status, single.start, single.end]);
    });
  });

  it('keeps every annotation at its position when the text is unchanged', () => {
    const all = seededTargets(2000, 3);
    const withHash = all.map((t) => ({ ...t, sha256: MODEL.sha256 }));
    for (const results of [reanchorAll(REPORT, all), reanchorAll(REPORT, withHash, { sha256: MODEL.sha256 })]) {
      expect(results.every((r, i) => r.status === 'exact' && r.start === all[i]!.start && r.end === all[i]!.end)).toBe(true);
    }
  });

  it('returns an empty list for no targets', () => {
    expect(reanchorAll(REVISED, [])).toEqual([]);
  });

  it('is at least as accurate as quote matching per annotation on a seeded revision of the report', () => {
    const revision = reviseText(REPORT, { seed: 11, edits: 60, moveParagraph: moved });
    const all = seededTargets(600, 5);
    const ours = reanchorAll(revision.text, all);
    const naive = all.map((t) => matchQuote(revision.text, t.exact, { prefix: t.prefix, suffix: t.suffix, hint: t.start }));
    const oursRight = all.filter((t, i) => placedRight(revision, t, ours[i]!.status === 'orphan' ? null : ours[i]!)).length;
    const naiveRight = all.filter((t, i) => placedRight(revision, t, naive[i] ?? null)).length;
    expect(oursRight).toBeGreaterThanOrEqual(naiveRight);
    // Every annotation whose text survived intact and unambiguous lands exactly where it went.
    all.forEach((t, i) => {
      const expected = revision.locate(t.start!, t.end!);
      if (expected && t.exact.length >= 32) expect(pick(ours[i]!)).toEqual({ status: expect.stringMatching(/exact|moved/), ...expected });
    });
    // Nothing is dropped: every result is a range inside the text or an orphan at its old place.
    ours.forEach((r, i) => {
      if (r.status === 'orphan') expect([r.start, r.end]).toEqual([all[i]!.start, all[i]!.end]);
      else expect(r.end).toBeLessThanOrEqual(revision.text.length);
    });
  });
});

function pick(r: AnchorResult) {
  return { status: r.status, start: r.start, end: r.end };
}

/** Right: an intact quote at its new place; a mostly deleted one nowhere; an edited one overlapping what survives. */
function placedRight(revision: Revision, target: AnchorTarget, placed: { start: number; end: number } | null): boolean {
  const start = target.start!;
  const end = target.end!;
  const expected = revision.locate(start, end);
  if (expected) return placed !== null && placed.start === expected.start && placed.end === expected.end;
  if (revision.surviving(start, end) < (end - start) / 2) return placed === null;
  if (placed === null) return false;
  let first: number | null = null;
  let last: number | null = null;
  for (let x = start; x < end && first === null; x++) first = revision.locate(x, x + 1)?.start ?? null;
  for (let x = end - 1; x >= start && last === null; x--) last = revision.locate(x, x + 1)?.end ?? null;
  if (first === null || last === null || last <= first) return false;
  const overlap = Math.min(placed.end, last) - Math.max(placed.start, first);
  return overlap / (Math.max(placed.end, last) - Math.min(placed.start, first)) >= 0.5;
}

/** Seeded annotations over the report: mostly phrases, some whole sentences. */
function seededTargets(count: number, seed: number): AnchorTarget[] {
  const random = seededRandom(seed);
  const out: AnchorTarget[] = [];
  while (out.length < count) {
    const length = random() < 0.7 ? 5 + Math.floor(random() * 60) : 60 + Math.floor(random() * 400);
    const start = Math.floor(random() * (REPORT.length - length));
    if (/\s/.test(REPORT[start]!)) continue;
    out.push(targetAt(start, start + length));
  }
  return out;
}
