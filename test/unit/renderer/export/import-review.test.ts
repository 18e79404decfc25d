import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, type AnnotationImportItem, type CodeImportItem } from '../../../../preload/contract';
import {
  acceptLabel,
  acceptedCount,
  acceptCodeLabel,
  checkImportFile,
  commitLabel,
  fileSummary,
  groupByKind,
  groupCodesByKind,
  replacedNameNote,
  initiallyAccepted,
  quoteExcerpt,
  rejectedIds,
} from '../../../../renderer/export/import-review';
import { importItem } from './import-item';

const item = (id: string, kind: AnnotationImportItem['kind'], applies: boolean, exact = 'a quote'): AnnotationImportItem => importItem(id, { kind, applies, exact });

const items = [
  item('a', 'new', true),
  item('b', 'updated', true),
  item('c', 'unchanged', false),
  item('d', 'deleted', true),
  item('e', 'older', false),
  item('f', 'new', true),
];

describe('import review', () => {
  it('ticks every item that would apply and nothing else when the preview opens', () => {
    expect([...initiallyAccepted(items)].sort()).toEqual(['a', 'b', 'd', 'f']);
    expect(acceptedCount(items, initiallyAccepted(items))).toBe(4);
  });

  it('rejects exactly the unticked items that would apply', () => {
    const accepted = new Set(['a', 'd']);
    expect(rejectedIds(items, accepted)).toEqual(['b', 'f']);
    expect(acceptedCount(items, accepted)).toBe(2);
    // Items that change nothing are never sent as rejected, ticked or not.
    expect(rejectedIds(items, new Set())).toEqual(['a', 'b', 'd', 'f']);
  });

  it('groups items by kind in review order and leaves out empty kinds', () => {
    expect(groupByKind(items).map((g) => [g.kind, g.items.map((i) => i.id)])).toEqual([
      ['new', ['a', 'f']],
      ['updated', ['b']],
      ['deleted', ['d']],
      ['unchanged', ['c']],
      ['older', ['e']],
    ]);
  });

  it('names each checkbox by citation and a one-line quote excerpt', () => {
    expect(acceptLabel(item('x', 'new', true, 'victims\nwere   identified'))).toBe('Accept Protection ¶4: victims were identified');
    const long = 'The government did not report screening foreign workers for trafficking indicators before deporting them';
    const label = acceptLabel(item('y', 'new', true, long));
    expect(label.length).toBeLessThan(90);
    expect(label.endsWith('…')).toBe(true);
    expect(acceptLabel({ citation: '', exact: '' })).toBe('Accept Unplaced: (empty quote)');
  });

  it('cuts excerpts at a word boundary', () => {
    expect(quoteExcerpt('short')).toBe('short');
    expect(quoteExcerpt('one two three four', 10)).toBe('one two…');
    expect(quoteExcerpt('abcdefghijklmnop', 10)).toBe('abcdefghij…');
  });

  it('says how many annotations the commit button imports', () => {
    expect(commitLabel(1)).toBe('Import 1 annotation');
    expect(commitLabel(3)).toBe('Import 3 annotations');
  });

  it('refuses empty and oversized files before reading them', () => {
    expect(checkImportFile({ name: 'a.json', size: 0 })).toMatch(/“a\.json” is empty/);
    expect(checkImportFile({ name: 'big.json', size: MAX_IMPORT_BYTES + 1 })).toMatch(/larger than 50 MB.*Nothing was changed/);
    expect(checkImportFile({ name: 'ok.jsonld', size: 1200 })).toBeNull();
  });
});

describe('import review of code items', () => {
  const codeItem = (id: string, kind: CodeImportItem['kind'], applies: boolean, originalName: string | null = null): CodeImportItem => ({
    entity: 'code',
    id,
    kind,
    path: `Labour/${id}`,
    previousPath: null,
    description: '',
    definitionChanged: false,
    originalName,
    reason: null,
    applies,
  });
  const mixed = [item('a', 'new', true), codeItem('c1', 'renamed', true), codeItem('c2', 'new', true), codeItem('c3', 'unchanged', false)];

  it('groups code items apart from annotations, new codes first', () => {
    expect(groupByKind(mixed).map((g) => g.items.map((i) => i.id))).toEqual([['a']]);
    expect(groupCodesByKind(mixed).map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ['New codes', ['c2']],
      ['Renamed codes', ['c1']],
      ['Unchanged codes', ['c3']],
    ]);
  });

  it('rejects unticked code items like annotations, and labels the commit with both counts', () => {
    expect(rejectedIds(mixed, new Set(['a', 'c2']))).toEqual(['c1']);
    expect(commitLabel(1, 2)).toBe('Import 1 annotation and 2 codes');
    expect(commitLabel(0, 1)).toBe('Import 1 code');
    expect(acceptCodeLabel(codeItem('TITP', 'updated', true))).toBe('Accept code Labour/TITP (changed)');
    const codes = { new: 0, renamed: 0, moved: 0, updated: 0, unchanged: 0 };
    expect(fileSummary({ total: 3, codes: { ...codes, total: 0 } })).toBe('3 annotations');
    expect(fileSummary({ total: 0, codes: { ...codes, total: 6 } })).toBe('6 codes');
    expect(fileSummary({ total: 1, codes: { ...codes, total: 1 } })).toBe('1 annotation and 1 code');
  });

  it('says when a slash or comma in a name was replaced', () => {
    expect(replacedNameNote(codeItem('x', 'new', true))).toBeNull();
    expect(replacedNameNote(codeItem('x', 'new', true, 'Visa/status, holders'))).toMatch(/“Visa\/status, holders”.*U\+2215.*U\+201A/u);
  });
});

describe('the notice after an import', () => {
  it('names annotations and codes as they were written', async () => {
    const { importedMessage } = await import('../../../../renderer/export/exchange-outcome');
    expect(importedMessage({ applied: 3, codesApplied: 0, rejected: 0 })).toBe('Imported 3 annotations.');
    expect(importedMessage({ applied: 0, codesApplied: 6, rejected: 1 })).toBe('Imported 6 codes. 1 item was left out.');
    expect(importedMessage({ applied: 1, codesApplied: 2, rejected: 0 })).toBe('Imported 1 annotation and 2 codes.');
    expect(importedMessage({ applied: 0, codesApplied: 0, linksApplied: 2, assessmentsApplied: 1, rejected: 0 })).toBe('Imported 2 links and 1 assessment.');
    expect(importedMessage({ applied: 3, codesApplied: 0, linksApplied: 1, assessmentsApplied: 2, rejected: 1 })).toBe('Imported 3 annotations, 1 link and 2 assessments. 1 item was left out.');
    expect(importedMessage({ applied: 0, codesApplied: 0, linksApplied: 0, assessmentsApplied: 0, rejected: 2 })).toBe('Imported 0 annotations. 2 items were left out.');
  });
});
