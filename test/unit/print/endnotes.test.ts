import { describe, expect, it } from 'vitest';
import type { Block } from '../../../preload/contract';
import { planEndnotes } from '../../../renderer/print/endnotes';
import { view } from '../renderer/annotations/fixtures';

const block = (id: string, section: Block['section'], sectionTitle: string | null, start: number, end: number): Block => ({
  id,
  kind: 'paragraph',
  section,
  sectionTitle,
  paragraph: 1,
  start,
  end,
});

const blocks: Block[] = [
  block('title', null, null, 0, 10),
  block('prosecution-p1', 'prosecution', 'Prosecution', 10, 100),
  block('prosecution-p2', 'prosecution', 'Prosecution', 100, 200),
  block('protection-p1', 'protection', 'Protection', 200, 300),
  block('protection-p2', 'protection', 'Protection', 300, 400),
];

describe('printed endnotes', () => {
  it('numbers the notes in reading order and puts them after the last block of their section', () => {
    const plan = planEndnotes(blocks, [
      view({ start: 20, end: 30, note: 'first', citation: 'Prosecution ¶1' }),
      view({ start: 150, end: 160, note: 'second', citation: 'Prosecution ¶2' }),
      view({ start: 210, end: 220, note: 'third', citation: 'Protection ¶1' }),
    ]);
    expect(plan.sections.map((s) => [s.sectionTitle, s.afterBlock, s.notes.map((n) => [n.number, n.note, n.citation])])).toEqual([
      ['Prosecution', 2, [[1, 'first', 'Prosecution ¶1'], [2, 'second', 'Prosecution ¶2']]],
      ['Protection', 4, [[3, 'third', 'Protection ¶1']]],
    ]);
    expect([...plan.markers]).toEqual([
      [1, [1]],
      [2, [2]],
      [3, [3]],
    ]);
  });

  it('gives no number to a highlight without a note and gathers several notes of one paragraph', () => {
    const plan = planEndnotes(blocks, [
      view({ start: 310, end: 320, note: '   ' }),
      view({ start: 320, end: 330, note: 'a' }),
      view({ start: 340, end: 350, note: 'b' }),
    ]);
    expect(plan.sections).toHaveLength(1);
    expect(plan.sections[0]!.notes.map((n) => n.number)).toEqual([1, 2]);
    expect(plan.markers.get(4)).toEqual([1, 2]);
  });

  it('shortens a long quote and keeps the note whole', () => {
    const exact = 'word '.repeat(100).trim();
    const note = 'n '.repeat(300).trim();
    const [section] = planEndnotes(blocks, [view({ start: 100, end: 100 + exact.length, exact, note })]).sections;
    expect(section!.notes[0]!.quote.length).toBeLessThanOrEqual(141);
    expect(section!.notes[0]!.quote.endsWith('…')).toBe(true);
    expect(section!.notes[0]!.note).toBe(note);
  });
});
