import { describe, expect, it } from 'vitest';
import { BlockDescriptions } from '../../../../renderer/annotations/block-descriptions';
import { LISTED_PER_BLOCK, blockDescription, navigatorWords, type Describable } from '../../../../renderer/annotations/highlight-words';
import { navigatorTarget } from '../../../../renderer/annotations/highlight-navigator';
import { paragraphSpan, sentenceSpan } from '../../../../renderer/annotations/text-units';
import { Announcer } from '../../../../renderer/app-state/announcer';

const LABELS = { key: 'Key finding', gap: 'Gap or failure', progress: 'Progress', statistic: 'Statistic', question: 'Question' } as const;
const colorName = (id: Describable['color']) => LABELS[id];

function view(id: string, start: number, end: number, extra: Partial<Describable> = {}): Describable {
  return { id, color: 'key', start, end, exact: `quote of ${id}`, note: '', tags: [], ...extra };
}

describe('highlight words', () => {
  it('says position, colour label, the start of the quote, the note and the tags count', () => {
    const v = view('a', 0, 80, { color: 'gap', exact: 'authorities again did not identify any victims', note: 'check', tags: ['Labour', 'TITP'] });
    expect(navigatorWords(v, 3, 12, colorName)).toBe("Highlight 3 of 12, Gap or failure: 'authorities again did not…', has a note, 2 tags");
    expect(navigatorWords({ ...v, note: '  ', tags: ['x'] }, 1, 1, colorName)).toBe("Highlight 1 of 1, Gap or failure: 'authorities again did not…', 1 tag");
  });

  it('describes a paragraph by count and each highlight, naming only the first few', () => {
    expect(blockDescription([], colorName)).toBe('');
    expect(blockDescription([view('a', 0, 5, { note: 'n' }), view('b', 6, 9, { color: 'progress' })], colorName)).toBe(
      "2 highlights. Key finding: 'quote of a', has a note; Progress: 'quote of b'.",
    );
    const many = Array.from({ length: LISTED_PER_BLOCK + 3 }, (_, i) => view(`v${i}`, i, i + 1));
    const text = blockDescription(many, colorName);
    expect(text.startsWith(`${LISTED_PER_BLOCK + 3} highlights.`)).toBe(true);
    expect(text.endsWith('; and 3 more.')).toBe(true);
    expect(text.split("Key finding: '")).toHaveLength(LISTED_PER_BLOCK + 1);
  });
});

describe('block descriptions', () => {
  const blocks = [
    { start: 0, end: 10 },
    { start: 11, end: 20 },
    { start: 21, end: 30 },
  ];

  it('puts each highlight in every block it overlaps, in document order', () => {
    const index = new BlockDescriptions(blocks);
    const dirty = index.update([view('b', 12, 25), view('a', 2, 4)]);
    expect([...dirty].sort()).toEqual([0, 1, 2]);
    expect(index.describe(0, colorName)).toBe("1 highlight. Key finding: 'quote of a'.");
    expect(index.describe(1, colorName)).toBe("1 highlight. Key finding: 'quote of b'.");
    expect(index.describe(2, colorName)).toBe("1 highlight. Key finding: 'quote of b'.");
  });

  it('marks only the blocks whose highlights changed in a way the description says', () => {
    const index = new BlockDescriptions(blocks);
    const a = view('a', 2, 4);
    const b = view('b', 22, 25);
    index.update([a, b]);
    expect(index.update([a, b]).size).toBe(0);
    // A new tag is not in the description: nothing to rewrite.
    expect(index.update([a, { ...b, tags: ['x'] }]).size).toBe(0);
    expect([...index.update([a, { ...b, note: 'now a note' }])]).toEqual([2]);
    expect([...index.update([{ ...a, color: 'gap' }, { ...b, note: 'now a note' }])]).toEqual([0]);
    expect([...index.update([{ ...a, color: 'gap' }])]).toEqual([2]);
    expect(index.describe(2, colorName)).toBe('');
    expect(index.described()).toEqual([0]);
  });

  it('moves a highlight whose offsets changed from its old block to its new one', () => {
    const index = new BlockDescriptions(blocks);
    index.update([view('a', 2, 4)]);
    expect([...index.update([view('a', 13, 15)])].sort()).toEqual([0, 1]);
    expect(index.describe(0, colorName)).toBe('');
    expect(index.describe(1, colorName)).toContain("'quote of a'");
  });
});

describe('highlight navigator', () => {
  const live = [view('a', 5, 9), view('b', 20, 30), view('c', 20, 25), view('d', 40, 45)];

  it('goes to the first highlight at or after the caret, and the last before it', () => {
    expect(navigatorTarget(live, { offset: 0, lastId: null }, 1)).toBe(0);
    expect(navigatorTarget(live, { offset: 5, lastId: null }, 1)).toBe(0);
    expect(navigatorTarget(live, { offset: 6, lastId: null }, 1)).toBe(1);
    expect(navigatorTarget(live, { offset: 21, lastId: null }, -1)).toBe(2);
    expect(navigatorTarget(live, { offset: 5, lastId: null }, -1)).toBeNull();
    expect(navigatorTarget(live, { offset: 46, lastId: null }, 1)).toBeNull();
    expect(navigatorTarget([], { offset: 0, lastId: null }, 1)).toBeNull();
  });

  it('steps one place from the highlight it went to, so two starting together are both visited', () => {
    expect(navigatorTarget(live, { offset: 20, lastId: 'b' }, 1)).toBe(2);
    expect(navigatorTarget(live, { offset: 20, lastId: 'c' }, 1)).toBe(3);
    expect(navigatorTarget(live, { offset: 20, lastId: 'c' }, -1)).toBe(1);
    expect(navigatorTarget(live, { offset: 40, lastId: 'd' }, 1)).toBeNull();
    // The caret moved away since: the caret counts, not the last highlight.
    expect(navigatorTarget(live, { offset: 0, lastId: 'c' }, 1)).toBe(0);
  });
});

describe('text units', () => {
  const text = '  First sentence here. Second one, with 3.5 numbers? Third.  ';
  const block = { start: 0, end: text.length };

  it('takes the whole paragraph without its surrounding space', () => {
    expect(paragraphSpan(text, block)).toEqual({ start: 2, end: text.length - 2 });
    expect(paragraphSpan('   ', { start: 0, end: 3 })).toBeNull();
  });

  it('takes the sentence holding the caret', () => {
    const second = text.indexOf('Second');
    const span = sentenceSpan(text, block, second + 3)!;
    expect(text.slice(span.start, span.end)).toBe('Second one, with 3.5 numbers?');
    const first = sentenceSpan(text, block, 3)!;
    expect(text.slice(first.start, first.end)).toBe('First sentence here.');
    const last = sentenceSpan(text, block, text.length)!;
    expect(text.slice(last.start, last.end)).toBe('Third.');
  });
});

describe('announcer', () => {
  it('gives every announcement a new serial, so the same sentence twice is read twice', () => {
    const announcer = new Announcer();
    const heard: string[] = [];
    announcer.subscribe(() => heard.push(`${announcer.getSnapshot().serial}:${announcer.getSnapshot().message}`));
    announcer.announce('Note saved.');
    announcer.announce('Note saved.');
    announcer.announce('   ');
    expect(heard).toEqual(['1:Note saved.', '2:Note saved.']);
  });
});
