import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../../../preload/rpc';
import { parseImport } from '../../../../main/core/exchange/import-parse';
import { planImport, type ImportPlan } from '../../../../main/core/exchange/import-merge';
import { sha256Hex } from '../../../../main/core/report/report-model';
import type { TaggedAnnotation } from '../../../../main/core/store/store-schema';
import { toW3CAnnotation } from '../../../../main/core/exchange/w3c-export';
import { isoAt, ownFixtures, report, storedAt, uuidFor, viewOf } from '../../../support/exchange-fixtures';

const NOW = new Date(isoAt(1000));

function paragraph(n: number) {
  return report().blocks.filter((b) => b.kind === 'paragraph')[n]!;
}

/** A record on a paragraph of the report: `length` characters from `offset`. */
function on(n: number, spec: Partial<Parameters<typeof storedAt>[0]> = {}, id = n, offset = 0, length = 60): TaggedAnnotation {
  const p = paragraph(n);
  return storedAt({ start: p.start + offset, end: p.start + offset + length, ...spec }, id);
}

function fileOf(records: TaggedAnnotation[]): string {
  return JSON.stringify(records.map((r) => toW3CAnnotation(viewOf(r))));
}

function plan(records: TaggedAnnotation[] | string, existing: TaggedAnnotation[] = []): ImportPlan {
  const content = typeof records === 'string' ? records : fileOf(records);
  return planImport(parseImport(content), { report: report(), existing, now: NOW });
}

function kinds(p: ImportPlan): Record<string, string> {
  return Object.fromEntries(p.items.map((i) => [i.item.id, i.item.kind]));
}

function planError(content: string, existing: TaggedAnnotation[] = []): string {
  try {
    plan(content, existing);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldmarkError);
    expect((error as FieldmarkError).code).toBe('INVALID_IMPORT');
    return (error as FieldmarkError).message;
  }
  throw new Error('planned without error');
}

describe('planImport: merge rules', () => {
  it('classifies new, unchanged, updated, older, deleted and duplicate items and counts them', () => {
    const mine = {
      same: on(1, { note: 'same', updatedAt: isoAt(5) }, 1),
      edited: on(2, { note: 'old note', updatedAt: isoAt(5) }, 2),
      mineNewer: on(3, { note: 'my newer note', updatedAt: isoAt(50) }, 3),
      toDelete: on(4, { note: 'will go', updatedAt: isoAt(5) }, 4),
      twin: on(5, { note: 'twin note' }, 5),
    };
    const existing = Object.values(mine);
    const incoming = [
      on(1, { note: 'same', updatedAt: isoAt(9) }, 1),
      on(2, { note: 'their newer note', tags: ['x'], color: 'gap', updatedAt: isoAt(10) }, 2),
      on(3, { note: 'their older note', updatedAt: isoAt(10) }, 3),
      on(4, { note: '', deletedAt: isoAt(20), updatedAt: isoAt(20) }, 4),
      on(5, { note: 'twin note' }, 99),
      on(6, { note: 'brand new' }, 6),
    ];
    const p = plan(incoming, existing);
    expect(kinds(p)).toEqual({
      [uuidFor(1)]: 'unchanged',
      [uuidFor(2)]: 'updated',
      [uuidFor(3)]: 'older',
      [uuidFor(4)]: 'deleted',
      [uuidFor(99)]: 'duplicate',
      [uuidFor(6)]: 'new',
    });
    expect(p.counts).toEqual({ new: 1, updated: 1, unchanged: 1, deleted: 1, duplicate: 1, orphan: 0, older: 1, total: 6, codes: { new: 0, renamed: 0, moved: 0, updated: 0, unchanged: 0, total: 0 } });
    const by = new Map(p.items.map((i) => [i.item.id, i]));
    expect(by.get(uuidFor(2))!.record).toMatchObject({ note: 'their newer note', tags: ['x'], color: 'gap', updatedAt: isoAt(10) });
    expect(by.get(uuidFor(2))!.previous).toEqual(mine.edited);
    expect(by.get(uuidFor(4))!.record).toMatchObject({ note: 'will go', deletedAt: isoAt(20) });
    expect(by.get(uuidFor(99))!.item).toMatchObject({ applies: false, reason: expect.stringMatching(/^Same passage and note as an annotation you already have \(.+¶\d+\)/) });
    for (const kind of ['unchanged', 'older', 'duplicate']) {
      expect(p.items.filter((i) => i.item.kind === kind).every((i) => i.record === null && !i.item.applies)).toBe(true);
    }
    expect(by.get(uuidFor(6))!.item).toMatchObject({ applies: true, citation: expect.stringMatching(/¶/), anchor: { status: 'exact', score: 1 } });
  });

  it('lets a tombstone beat an older edit, and keeps a later edit over an older deletion', () => {
    const editedLate = on(1, { note: 'edited after', updatedAt: isoAt(30) }, 1);
    const older = plan([on(1, { deletedAt: isoAt(20), updatedAt: isoAt(20) }, 1)], [editedLate]);
    expect(older.items[0]!.item).toMatchObject({ kind: 'older', applies: false, reason: 'Deleted in the file, but you edited it afterwards; yours is kept.' });

    const deletedByMe = on(2, { note: 'n', deletedAt: isoAt(40), updatedAt: isoAt(40) }, 2);
    const staleEdit = plan([on(2, { note: 'stale edit', updatedAt: isoAt(30) }, 2)], [deletedByMe]);
    expect(staleEdit.items[0]!.item).toMatchObject({ kind: 'older', reason: 'You deleted it after this version was made; it stays deleted.' });

    const lateEdit = plan([on(2, { note: 'edited after your deletion', updatedAt: isoAt(50) }, 2)], [deletedByMe]);
    expect(lateEdit.items[0]!.item.kind).toBe('updated');
    expect(lateEdit.items[0]!.record).toMatchObject({ deletedAt: null, note: 'edited after your deletion' });

    const alreadyDeleted = plan([on(2, { deletedAt: isoAt(45), updatedAt: isoAt(45) }, 2)], [deletedByMe]);
    expect(alreadyDeleted.items[0]!.item.kind).toBe('unchanged');
  });

  it('records a tombstone for an annotation it has never seen, so a later import cannot bring it back', () => {
    const p = plan([on(3, { deletedAt: isoAt(5), updatedAt: isoAt(5) }, 3), on(4, {}, 4)]);
    expect(p.items[0]!.item).toMatchObject({ kind: 'deleted', applies: true });
    expect(p.items[0]!.record).toMatchObject({ id: uuidFor(3), deletedAt: isoAt(5) });
    const later = plan([on(3, { note: 'old copy', updatedAt: isoAt(1) }, 3)], [p.items[0]!.record!]);
    expect(later.items[0]!.item.kind).toBe('older');
  });

  it('flags the same passage and note twice within one file as a duplicate', () => {
    const p = plan([on(1, { note: 'x' }, 1), on(1, { note: 'x' }, 2), on(1, { note: 'different note' }, 3)]);
    expect(Object.values(kinds(p))).toEqual(['new', 'duplicate', 'new']);
    expect(p.items[1]!.item.reason).toMatch(/^Same passage and note as another annotation in this file/);
  });

  it('keeps our colour when the file does not say one', () => {
    const mine = on(1, { color: 'question', note: 'a', updatedAt: isoAt(1) }, 1);
    const content = JSON.stringify([
      { id: `urn:uuid:${uuidFor(1)}`, modified: isoAt(9), body: 'b', target: { source: 'x', selector: mine.target.selector } },
    ]);
    const p = plan(content, [mine]);
    expect(p.items[0]!.record).toMatchObject({ color: 'question', note: 'b' });
  });

  it('counts a future date as now, so a fast clock elsewhere cannot win every later merge', () => {
    const mine = on(1, { note: 'mine', updatedAt: isoAt(10) }, 1);
    const p = plan([on(1, { note: 'from the future', createdAt: isoAt(5000), updatedAt: isoAt(5000) }, 1)], [mine]);
    expect(p.items[0]!.record).toMatchObject({ updatedAt: NOW.toISOString(), createdAt: mine.createdAt });
  });

  it('previews an item with nothing to place (a page note) as an orphan that is not imported', () => {
    const p = plan(JSON.stringify([toW3CAnnotation(viewOf(on(1, {}, 1))), { id: 'page-note', target: 'http://example.org/page', body: 'general remark' }]));
    expect(p.items[1]!.item).toMatchObject({ kind: 'orphan', applies: false, note: 'general remark', reason: expect.stringMatching(/no quote that can be placed/) });
    expect(p.items[1]!.record).toBeNull();
  });
});

describe('planImport: other editions and other documents', () => {
  const original = report().text;
  const PREFACE = 'This revised edition opens with a preface sentence. ';
  const NEW_SENTENCE = ' Shelters run by an NGO in Osaka reported 17 new cases of forced labor in the spring.';
  const para = paragraph(6);
  const cut = para.start + 200;
  const revised =
    PREFACE + original.slice(0, para.start) + original.slice(para.start, cut).replace('government', 'goverment') + NEW_SENTENCE + original.slice(cut);
  const revisedSha = sha256Hex(revised);

  /** An annotation made on the revised edition at [start, end) of its text. */
  function onRevised(id: number, start: number, end: number, note = `note ${id}`): Record<string, unknown> {
    const record = storedAt({ start: 0, end: 1, note }, id);
    record.target = {
      source: `urn:sha256:${revisedSha}`,
      sha256: revisedSha,
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact: revised.slice(start, end), prefix: revised.slice(Math.max(0, start - 32), start), suffix: revised.slice(end, end + 32) },
      ],
    };
    return toW3CAnnotation({ ...viewOf(record), anchor: { status: 'orphan', score: 0 } });
  }

  it('re-anchors a file from another edition and previews what cannot be placed as orphans', () => {
    const shifted = paragraph(2);
    const movedStart = shifted.start + PREFACE.length + 10;
    const typoAt = revised.indexOf('goverment');
    const newAt = revised.indexOf(NEW_SENTENCE) + 1;
    const content = JSON.stringify([
      onRevised(1, movedStart, movedStart + 80),
      onRevised(2, typoAt - 40, typoAt + 50),
      onRevised(3, newAt, newAt + NEW_SENTENCE.length - 1),
    ]);
    const p = plan(content);
    const [moved, fuzzy, orphan] = p.items;
    expect(moved!.item).toMatchObject({ kind: 'new', anchor: { status: 'moved' } });
    expect(moved!.record!.target.selector[0]).toEqual({ type: 'TextPositionSelector', start: movedStart - PREFACE.length, end: movedStart - PREFACE.length + 80 });
    expect(moved!.record!.target.sha256).toBe(report().sha256);
    expect(fuzzy!.item).toMatchObject({ kind: 'new', anchor: { status: 'fuzzy' }, reason: expect.stringMatching(/approximate match/) });
    const [pos, quote] = fuzzy!.record!.target.selector;
    expect(original.slice(pos.start, pos.end)).toBe(quote.exact);
    expect(quote.exact).toContain('government');
    expect(orphan!.item).toMatchObject({ kind: 'orphan', applies: true, citation: 'Needs review', exact: NEW_SENTENCE.slice(1) });
    expect(orphan!.record!.target).toMatchObject({ sha256: revisedSha, source: `urn:sha256:${revisedSha}` });
    expect(p.counts).toMatchObject({ new: 2, orphan: 1, total: 3 });
  });

  it('keeps our place when the incoming version of one of ours cannot be placed', () => {
    const mine = on(1, { note: 'mine', updatedAt: isoAt(1) }, 1);
    const newAt = revised.indexOf(NEW_SENTENCE) + 1;
    const p = plan(JSON.stringify([{ ...onRevised(1, newAt, newAt + 40, 'their note'), modified: isoAt(9) }]), [mine]);
    expect(p.items[0]!.item).toMatchObject({ kind: 'updated', reason: expect.stringMatching(/keeps its place/) });
    expect(p.items[0]!.record!.target).toEqual(mine.target);
  });

  it('refuses a file made for another document (a Hypothesis export of another web page)', () => {
    const content = readFileSync(path.join(ownFixtures, 'hypothesis-export-rows.json'), 'utf8');
    expect(planError(content)).toBe(
      `None of the 3 annotations in this file can be found in "${report().title}", and none is one of yours: the file was probably made for another document. Nothing was imported.`,
    );
    const { rows } = JSON.parse(content) as { rows: unknown[] };
    expect(planError(JSON.stringify({ total: 1, rows: [rows[0]] }))).toMatch(/^The annotation in this file cannot be found in ".+", and it is not one of yours/);
  });

  it('places a Hypothesis export made on the report’s web page by its quotes, not by the page’s positions', () => {
    const p = plan(readFileSync(path.join(ownFixtures, 'hypothesis-export-annotations.json'), 'utf8'));
    expect(p.counts).toMatchObject({ new: 2, orphan: 0, total: 2 });
    for (const planned of p.items) {
      const [position, quote] = planned.record!.target.selector;
      expect(original.slice(position.start, position.end)).toBe(quote.exact);
      expect(original.indexOf(quote.exact)).toBe(position.start);
    }
    expect(p.items.map((i) => i.record!.tags)).toEqual([['tier', 'compare'], ['TITP']]);
  });

  it('refuses positions beyond the end of this report’s text', () => {
    const record = on(1, {}, 1);
    record.target.selector[0] = { type: 'TextPositionSelector', start: original.length + 5, end: original.length + 9 };
    expect(planError(fileOf([record]))).toBe(
      `Annotation 1 has a position (${original.length + 5}–${original.length + 9}) beyond the end of this report's text (${original.length.toLocaleString('en')} characters). Nothing was imported.`,
    );
    const positionOnly = JSON.stringify([{ id: 'p', target: { source: 'x', selector: { type: 'TextPositionSelector', start: 1, end: 10 ** 7 } } }]);
    expect(planError(positionOnly)).toMatch(/^Annotation 1 \(p\) has a position \(1–10000000\) beyond the end/);
  });

  it('places a position-only annotation made on this very text, and not one made elsewhere', () => {
    const sha = report().sha256;
    const p = plan(
      JSON.stringify([
        { id: 'a', target: { source: `urn:sha256:${sha}`, selector: { type: 'TextPositionSelector', start: 100, end: 140 } } },
        { id: 'b', target: { source: 'urn:sha256:' + 'b'.repeat(64), selector: { type: 'TextPositionSelector', start: 100, end: 140 } } },
      ]),
    );
    expect(p.items[0]!.item).toMatchObject({ kind: 'new', exact: original.slice(100, 140) });
    expect(p.items[1]!.item).toMatchObject({ kind: 'orphan', applies: false });
  });
});

describe('planImport: one tag rule (issue 11)', () => {
  it('imports "TITP", "titp" and "ＴＩＴＰ" as one tag, spelled as first written', () => {
    const p = plan([on(1, { note: 'n', tags: ['TITP', 'titp', 'ＴＩＴＰ', 'labour'] }, 1)]);
    expect(p.items[0]!.record!.tags).toEqual(['TITP', 'labour']);
    expect(p.items[0]!.item.tags).toEqual(['TITP', 'labour']);
  });

  it('counts a file whose tags differ from ours only in case or width as unchanged', () => {
    const mine = on(1, { note: 'n', tags: ['TITP', 'labour'], updatedAt: isoAt(5) }, 1);
    const p = plan([on(1, { note: 'n', tags: ['ｔｉｔｐ', 'Labour'], updatedAt: isoAt(9) }, 1)], [mine]);
    expect(p.items[0]!.item.kind).toBe('unchanged');
  });

  it('keeps our spelling of a tag when a newer edit from the file carries it in another form', () => {
    const mine = on(1, { note: 'old', tags: ['TITP'], updatedAt: isoAt(5) }, 1);
    const p = plan([on(1, { note: 'new', tags: ['titp', 'ＴＩＴＰ', 'visa'], updatedAt: isoAt(9) }, 1)], [mine]);
    expect(p.items[0]!.item.kind).toBe('updated');
    expect(p.items[0]!.record!.tags).toEqual(['TITP', 'visa']);
  });
});
