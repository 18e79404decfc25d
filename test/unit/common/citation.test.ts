import { describe, expect, it } from 'vitest';
import type { Block } from '../../../preload/contract';
import { blockLabel, rangeCitation, sectionLabel } from '../../../common/citation';

type Cited = Pick<Block, 'kind' | 'section' | 'sectionTitle' | 'paragraph'>;
const para = (section: 'protection' | 'prevention', title: string, paragraph: number): Cited => ({ kind: 'paragraph', section, sectionTitle: title, paragraph });

describe('citations', () => {
  it('cites a paragraph by section and number, and blocks before the first section by name', () => {
    expect(blockLabel(para('protection', 'Protection', 4))).toBe('Protection ¶4');
    expect(blockLabel({ kind: 'title', section: null, sectionTitle: null, paragraph: null })).toBe('Title');
    expect(sectionLabel({ kind: 'tier', sectionTitle: null })).toBe('Tier ranking');
    expect(blockLabel({ kind: 'heading', section: 'protection', sectionTitle: 'Protection', paragraph: null })).toBe('Protection');
  });

  it('cites a range within one section by its paragraph span, and across sections in full', () => {
    const p4 = para('protection', 'Protection', 4);
    expect(rangeCitation(p4, p4)).toBe('Protection ¶4');
    expect(rangeCitation(p4, para('protection', 'Protection', 6))).toBe('Protection ¶4–¶6');
    expect(rangeCitation(p4, para('prevention', 'Prevention', 1))).toBe('Protection ¶4 – Prevention ¶1');
  });
});
