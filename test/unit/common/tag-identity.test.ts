import { describe, expect, it } from 'vitest';
import { cleanTag, sameTag, tagCovers, tagKey, uniqueTags } from '../../../common/tag-identity';

describe('tag identity', () => {
  it('treats "TITP", "titp" and full-width "ＴＩＴＰ" as one tag', () => {
    expect(tagKey('TITP')).toBe('titp');
    expect(tagKey('ＴＩＴＰ')).toBe('titp');
    expect(sameTag('titp', 'ＴＩＴＰ')).toBe(true);
  });

  it('trims, collapses white space (including the ideographic space) and folds case', () => {
    expect(tagKey('  Forced\u3000 Labour ')).toBe('forced labour');
    expect(cleanTag('  Forced   Labour ')).toBe('Forced Labour');
  });

  it('keeps the first spelling used and drops empty tags', () => {
    expect(uniqueTags(['TITP', ' ', 'titp', 'ＴＩＴＰ', 'Debt bondage'])).toEqual(['TITP', 'Debt bondage']);
  });

  it('does not merge tags that differ in letters', () => {
    expect(sameTag('visa', 'visas')).toBe(false);
    expect(sameTag('résumé', 'resume')).toBe(false);
  });

  it('lets a tag cover its sub-tags but not a longer sibling', () => {
    expect(tagCovers('Labour', 'labour/TITP')).toBe(true);
    expect(tagCovers('ＬＡＢＯＵＲ', 'Labour')).toBe(true);
    expect(tagCovers('labour', 'labourers')).toBe(false);
  });
});
