import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../../renderer/annotations/excerpt';

describe('excerpt', () => {
  it('returns short text with white space collapsed', () => {
    expect(excerpt('  Japan\n\n did   not  ', 40)).toBe('Japan did not');
  });

  it('cuts long text at a word boundary and adds an ellipsis', () => {
    expect(excerpt('The government did not meet the minimum standards', 20)).toBe('The government did…');
  });

  it('cuts inside a very long word when there is no boundary', () => {
    expect(excerpt('a'.repeat(30), 10)).toBe(`${'a'.repeat(10)}…`);
  });

  it('never ends on half of a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀bbbb`;
    const out = excerpt(text, 10);
    expect(out).toBe(`${'a'.repeat(9)}…`);
  });
});
