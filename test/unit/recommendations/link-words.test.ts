/**
 * Links in words (renderer/annotations/links/link-words.ts and link-ends.ts):
 * the sentences a card lists, and how the other end of an annotation link is
 * brought up to date after a link or unlink.
 */
import { describe, expect, it } from 'vitest';
import type { AnnotationView, LinkInput } from '../../../preload/contract';
import { hasOutLink, otherEndAfter } from '../../../renderer/annotations/links/link-ends';
import { annotationLinkText, annotationName, recommendationLinkText } from '../../../renderer/annotations/links/link-words';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function view(id: string, extra: Partial<AnnotationView> = {}): AnnotationView {
  return { id, citation: 'Protection ¶4', exact: 'The government identified 71 victims', deletedAt: null, links: [], ...extra } as AnnotationView;
}

describe('link sentences', () => {
  it('names a recommendation link by its relation, number and title', () => {
    expect(recommendationLinkText('gap', 3, 'Develop, systematize')).toBe('Evidence of a gap for Recommendation 3: Develop, systematize');
    expect(recommendationLinkText('progress', 1, 'Increase')).toBe('Evidence of progress for Recommendation 1: Increase');
    expect(recommendationLinkText('context', 2, 'Amend')).toBe('Context for Recommendation 2: Amend');
  });

  it('reads an annotation link from each end', () => {
    const other = annotationName(view(B));
    expect(other).toBe('Protection ¶4 “The government identified 71 victims”');
    const out = { to: { annotation: B }, relation: 'supports' as const, direction: 'out' as const, otherDeleted: false };
    expect(annotationLinkText(out, 'supports', other)).toBe(`Supports ${other}`);
    expect(annotationLinkText({ ...out, direction: 'in' }, 'supports', other)).toBe(`Supported by ${other}`);
    expect(annotationLinkText({ ...out, direction: 'in' }, 'follows-up', other)).toBe(`Followed up by ${other}`);
  });
});

describe('the other end of a link', () => {
  const input: LinkInput = { from: A, to: { annotation: B }, relation: 'contradicts' };

  it('lists an incoming link once it is made, and drops it once it is removed', () => {
    const linked = otherEndAfter(view(B), view(A), input, true)!;
    expect(linked.links).toEqual([{ to: { annotation: A }, relation: 'contradicts', direction: 'in', otherDeleted: false }]);
    expect(otherEndAfter(linked, view(A), input, true)).toBeNull();
    expect(otherEndAfter(linked, view(A), input, false)!.links).toEqual([]);
  });

  it('leaves recommendation links and unrelated annotations alone', () => {
    expect(otherEndAfter(view(B), view(A), { ...input, to: { recommendation: 'rec-1' }, relation: 'gap' }, true)).toBeNull();
    expect(otherEndAfter(view(A), view(A), input, true)).toBeNull();
  });

  it('knows whether the source already holds a link (a second link is no undo step)', () => {
    const source = view(A, { links: [{ to: { annotation: B }, relation: 'contradicts', direction: 'out', otherDeleted: false }] });
    expect(hasOutLink(source, input)).toBe(true);
    expect(hasOutLink(source, { ...input, relation: 'supports' })).toBe(false);
  });
});
