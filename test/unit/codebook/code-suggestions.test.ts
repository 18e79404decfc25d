import { describe, expect, it } from 'vitest';
import { suggestCodes } from '../../../renderer/annotations/code-suggestions';
import { sampleCodes } from './codes';

describe('tag suggestions from the codebook', () => {
  it('offers codable codes by path with their definitions, most used first, and never a grouping code', () => {
    const { all } = sampleCodes();
    expect(suggestCodes([], all, '', [])).toEqual([
      { tag: 'Labour/TITP', description: '' },
      { tag: 'Labour/TITP/Debt bondage', description: 'Workers owe recruitment fees.' },
      { tag: 'Labour/Wages', description: '' },
      { tag: 'Victims', description: '' },
    ]);
  });

  it('matches typed text anywhere in the path and leaves out codes already on the annotation', () => {
    const { all } = sampleCodes();
    expect(suggestCodes([], all, 'debt', []).map((s) => s.tag)).toEqual(['Labour/TITP/Debt bondage']);
    expect(suggestCodes([], all, 'labour/t', ['labour/titp']).map((s) => s.tag)).toEqual(['Labour/TITP/Debt bondage']);
  });

  it('offers the tags in use until the codebook has answered', () => {
    expect(suggestCodes([{ tag: 'forced labor', count: 3 }], null, 'for', [])).toEqual([{ tag: 'forced labor', description: '' }]);
  });
});
