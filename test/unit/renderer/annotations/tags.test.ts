import { describe, expect, it } from 'vitest';
import { cleanTag } from '../../../../common/tag-identity';
import { addTags, removeTag, suggestTags, tagProblem } from '../../../../renderer/annotations/tags';

describe('tag normalisation and limits', () => {
  it('trims and collapses white space', () => {
    expect(cleanTag('  forced   labor \t')).toBe('forced labor');
  });

  it('accepts up to 64 characters and explains anything longer', () => {
    expect(tagProblem('a'.repeat(64))).toBeNull();
    expect(tagProblem('a'.repeat(65))).toBe('A tag can be at most 64 characters.');
    // A path (issue 13): the limit is per part, and empty parts are dropped.
    expect(tagProblem(`${'a'.repeat(64)}/${'b'.repeat(64)}`)).toBeNull();
    expect(tagProblem(`a/${'b'.repeat(65)}`)).toBe('Each part of a tag path such as Labour/TITP can be at most 64 characters.');
  });

  it('refuses empty tags and control characters', () => {
    expect(tagProblem('')).toBe('A tag cannot be empty.');
    expect(tagProblem('a\u0007b')).toBe('A tag cannot contain commas or control characters.');
  });
});

describe('adding tags', () => {
  it('adds each comma-separated tag', () => {
    expect(addTags([], 'labor, TITP ,')).toEqual({ tags: ['labor', 'TITP'], added: ['labor', 'TITP'], problem: null });
  });

  it('skips a tag already present in another case and says so', () => {
    expect(addTags(['Labor'], 'labor')).toEqual({ tags: ['Labor'], added: [], problem: 'This annotation already has the tag "labor".' });
  });

  it('treats "TITP", "titp" and full-width "ＴＩＴＰ" as one tag when adding, removing and suggesting', () => {
    expect(addTags(['TITP'], 'titp, ＴＩＴＰ').tags).toEqual(['TITP']);
    expect(removeTag(['ＴＩＴＰ', 'visa'], 'titp')).toEqual(['visa']);
    expect(suggestTags([{ tag: 'TITP', count: 1 }], 'ｔｉ', [])).toEqual(['TITP']);
    expect(suggestTags([{ tag: 'TITP', count: 1 }], 't', ['ＴＩＴＰ'])).toEqual([]);
  });

  it('skips duplicates within the same input', () => {
    expect(addTags([], 'a, A').tags).toEqual(['a']);
  });

  it('adds the valid tags and reports the first invalid one', () => {
    const result = addTags(['x'], `ok, ${'z'.repeat(70)}`);
    expect(result.tags).toEqual(['x', 'ok']);
    expect(result.problem).toBe('A tag can be at most 64 characters.');
  });

  it('stops at the limit of tags per annotation', () => {
    const many = Array.from({ length: 50 }, (_, i) => `t${i}`);
    const result = addTags(many, 'one more');
    expect(result.tags).toHaveLength(50);
    expect(result.problem).toBe('At most 50 tags per annotation.');
  });

  it('keeps tags that look like markup as plain text', () => {
    expect(addTags([], '<img src=x onerror=alert(1)>').tags).toEqual(['<img src=x onerror=alert(1)>']);
  });
});

describe('removing tags', () => {
  it('removes a tag ignoring case', () => {
    expect(removeTag(['Labor', 'TITP'], 'labor')).toEqual(['TITP']);
  });
});

describe('suggestions', () => {
  const known = [
    { tag: 'labor', count: 3 },
    { tag: 'forced labor', count: 5 },
    { tag: 'law', count: 1 },
    { tag: 'TITP', count: 2 },
  ];

  it('suggests tags starting with the typed text first, then those containing it', () => {
    expect(suggestTags(known, 'la', [])).toEqual(['labor', 'law', 'forced labor']);
  });

  it('never suggests a tag the annotation already has, in any case', () => {
    expect(suggestTags(known, 'la', ['LABOR'])).toEqual(['law', 'forced labor']);
  });

  it('suggests the most used tags when nothing is typed, up to the limit', () => {
    expect(suggestTags(known, '', [], 2)).toEqual(['forced labor', 'labor']);
  });

  it('suggests nothing that does not contain the text', () => {
    expect(suggestTags(known, 'zzz', [])).toEqual([]);
  });
});
