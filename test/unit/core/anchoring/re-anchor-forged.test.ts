/**
 * A record that claims this text's SHA-256 and the right position, but quotes
 * something else of the same length with the same first and last characters
 * (damaged on disk, or forged in a file). The hash is only the record's word:
 * it must not be anchored "exact" there, and what an import previews, stores
 * and lists must be the report's own text at the stored place (or an orphan
 * under "Needs review" that keeps its quote).
 */
import { storedOf } from '../../../../main/core/service/tagged-records';
import { describe, expect, it } from 'vitest';
import { renderBackup } from '../../../../main/core/store/backup-file';
import { createExchangeMethods } from '../../../../main/core/service/exchange-service';
import { reanchor, reanchorAll, type AnchorResult, type AnchorTarget } from '../../../../main/core/anchoring/re-anchor';
import { emptyDoc, type TaggedAnnotation } from '../../../../main/core/store/store-schema';
import { toW3CAnnotation } from '../../../../main/core/exchange/w3c-export';
import { isoAt, report, storedAt, viewOf } from '../../../support/exchange-fixtures';
import { exchangeContext, storeWith } from '../../../support/exchange-store';

const LENGTH = 67;

function claimedSpan(): { start: number; end: number } {
  const p = report().blocks.filter((b) => b.kind === 'paragraph')[5]!;
  return { start: p.start + 3, end: p.start + 3 + LENGTH };
}

/** The same text with every unit but the first and last replaced. */
function hollowed(quote: string): string {
  return quote[0] + 'x'.repeat(quote.length - 2) + quote[quote.length - 1];
}

/** The same text with one word in the middle swapped for another of its length (a damaged record). */
function oneWordChanged(quote: string): string {
  const words = [...quote.matchAll(/[a-z]{4,}/g)];
  const word = words[Math.floor(words.length / 2)]!;
  const swapped = [...word[0]].reverse().join('') === word[0] ? 'q'.repeat(word[0].length) : [...word[0]].reverse().join('');
  return quote.slice(0, word.index) + swapped + quote.slice(word.index + word[0].length);
}

/** Another passage of the report, once only in it, with the claimed span's length and end characters. */
function lookalikeElsewhere(span: { start: number; end: number }): number {
  const { text } = report();
  const first = text.charCodeAt(span.start);
  const last = text.charCodeAt(span.end - 1);
  const own = text.slice(span.start, span.end);
  for (let j = 0; j + LENGTH <= text.length; j++) {
    if (Math.abs(j - span.start) < LENGTH || text.charCodeAt(j) !== first || text.charCodeAt(j + LENGTH - 1) !== last) continue;
    const candidate = text.slice(j, j + LENGTH);
    if (candidate !== own && text.indexOf(candidate) === j && text.indexOf(candidate, j + 1) === -1) return j;
  }
  throw new Error('no look-alike passage in the report');
}

/** A record on the claimed span, with this text's hash, quoting `exact` with the given context. */
function forged(n: number, exact: string, context?: { prefix: string; suffix: string }): TaggedAnnotation {
  const record = storedAt({ ...claimedSpan(), note: `forged ${n}` }, n);
  const quote = record.target.selector[1];
  record.target.selector[1] = { ...quote, exact, ...(context ?? {}) };
  return record;
}

function contextAt(start: number): { prefix: string; suffix: string } {
  const { text } = report();
  return { prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + LENGTH, start + LENGTH + 32) };
}

function targetOf(record: TaggedAnnotation): AnchorTarget {
  const [position, quote] = record.target.selector;
  return { start: position.start, end: position.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, sha256: record.target.sha256 };
}

const span = claimedSpan();
const honestQuote = report().text.slice(span.start, span.end);
const elsewhere = lookalikeElsewhere(span);
const cases = {
  hollowed: forged(1, hollowed(honestQuote)),
  oneWord: forged(2, oneWordChanged(honestQuote)),
  lookalike: forged(3, report().text.slice(elsewhere, elsewhere + LENGTH), contextAt(elsewhere)),
};

describe('re-anchoring a record whose quote is not the text at its claimed position', () => {
  it('builds forgeries that only a full comparison can tell apart', () => {
    for (const record of Object.values(cases)) {
      const exact = record.target.selector[1].exact;
      expect(record.target.sha256).toBe(report().sha256);
      expect(exact).toHaveLength(LENGTH);
      expect(exact).not.toBe(honestQuote);
      expect([exact[0], exact[LENGTH - 1]]).toEqual([honestQuote[0], honestQuote[LENGTH - 1]]);
    }
  });

  it('keeps an honest record exact at its position (the control)', () => {
    const honest = storedAt({ ...span }, 9);
    expect(reanchor(report().text, targetOf(honest), { sha256: report().sha256 })).toEqual({ status: 'exact', ...span, score: 1 });
  });

  const expectations: Record<keyof typeof cases, (r: AnchorResult) => void> = {
    hollowed: (r) => expect(r.status).toBe('orphan'),
    // One word off: the approximate match may place it at its position, but not as an exact quote.
    oneWord: (r) => expect(r.status).not.toBe('exact'),
    // A quote of another passage, with that passage's context: it goes where its text is.
    lookalike: (r) => expect(r).toMatchObject({ status: 'moved', start: elsewhere, end: elsewhere + LENGTH }),
  };

  for (const [name, record] of Object.entries(cases) as Array<[keyof typeof cases, TaggedAnnotation]>) {
    it(`does not place the ${name} forgery as exact, alone or in a batch`, () => {
      const { text, sha256 } = report();
      const alone = reanchor(text, targetOf(record), { sha256 });
      const [batched] = reanchorAll(text, [targetOf(record)], { sha256 });
      for (const result of [alone, batched!]) {
        expect(result.status === 'exact' && result.start === span.start).toBe(false);
        expectations[name](result);
      }
    });
  }
});

/**
 * Every listed annotation shows the report's text at its place, or is an orphan
 * (listed under "Needs review" by that status) keeping the quote it was given.
 */
function expectHonestViews(views: ReturnType<ReturnType<typeof exchangeContext>['views']>, records: readonly TaggedAnnotation[]) {
  const { text } = report();
  for (const record of records) {
    const view = views.find((v) => v.id === record.id)!;
    if (view.anchor.status === 'orphan') expect(view.exact).toBe(record.target.selector[1].exact);
    else expect(view.exact, `${view.note} lists the report's text at its place`).toBe(text.slice(view.start, view.end));
    expect(view.anchor.status === 'exact' && view.start === span.start && view.exact !== honestQuote).toBe(false);
  }
}

describe('forged records coming in from outside', () => {
  const forgeries = Object.values(cases);
  const ids = forgeries.map((r) => r.id);

  it('imports them with the quote the preview showed, placed on text that equals it, or as orphans', async () => {
    const store = storeWith([]);
    const ctx = exchangeContext(store, { now: new Date(isoAt(1000)) });
    const methods = createExchangeMethods(ctx);
    const content = JSON.stringify(forgeries.map((r) => toW3CAnnotation(viewOf(r))));
    const preview = await methods.previewImport({ content });
    expect(preview.items.map((item) => item.entity)).toEqual(['annotation', 'annotation', 'annotation']);
    expect(preview.items.map((item) => (item.entity === 'annotation' ? item.anchor.status : null))).not.toContain('exact');
    expect(preview.items.map((item) => item.kind)).toEqual(['orphan', 'new', 'new']);
    await methods.commitImport({ id: preview.id });

    const { text } = report();
    for (const item of preview.items) {
      if (item.entity !== 'annotation') throw new Error('an annotation file gives annotation items only');
      const stored = store.doc.annotations.find((a) => a.id === item.id)!;
      const [position, quote] = stored.target.selector;
      expect(item.exact, 'the preview shows the quote that is stored').toBe(quote.exact);
      if (item.kind === 'orphan') expect(item.citation).toBe('Needs review');
      else expect(quote.exact).toBe(text.slice(position.start, position.end));
    }
    expectHonestViews(ctx.views(), forgeries);
  });

  it('restores them from a backup without listing them as exact quotes of text they do not quote', async () => {
    const store = storeWith([]);
    const ctx = exchangeContext(store, { now: new Date(isoAt(1000)) });
    const doc = emptyDoc();
    doc.annotations.push(...storedOf([], structuredClone(forgeries), isoAt(999)).records);
    await createExchangeMethods(ctx).restoreBackup({ content: renderBackup(doc, report(), new Date(isoAt(999))) });
    expect(store.doc.annotations.map((a) => a.id)).toEqual(ids);
    expectHonestViews(ctx.views(), forgeries);
  });

  it('lists them from a damaged store file the same way', () => {
    const ctx = exchangeContext(storeWith(forgeries), { now: new Date(isoAt(1000)) });
    expectHonestViews(ctx.views(), forgeries);
  });
});
