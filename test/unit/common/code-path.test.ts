import { describe, expect, it } from 'vitest';
import { joinCodePath, segmentsFit, splitCodePath } from '../../../common/code-path';

describe('code paths', () => {
  it('splits on slashes, cleans each part by the tag rule and drops empty parts', () => {
    expect(splitCodePath(' Labour /  TITP  ')).toEqual(['Labour', 'TITP']);
    expect(splitCodePath('a//b/')).toEqual(['a', 'b']);
    expect(splitCodePath('//')).toEqual([]);
    expect(joinCodePath(splitCodePath('a // b'))).toBe('a/b');
  });

  it('applies the 64-character limit to each part, not to the whole path', () => {
    expect(segmentsFit(`${'a'.repeat(64)}/${'b'.repeat(64)}`)).toBe(true);
    expect(segmentsFit(`a/${'b'.repeat(65)}`)).toBe(false);
  });
});
