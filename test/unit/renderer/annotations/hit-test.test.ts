import { describe, expect, it } from 'vitest';
import { hasVisibleText, innermostAt, spansAt } from '../../../../renderer/annotations/hit-test';

const outer = { id: 'outer', start: 0, end: 100, createdAt: '2024-01-01' };
const inner = { id: 'inner', start: 40, end: 60, createdAt: '2024-01-02' };
const other = { id: 'other', start: 120, end: 130, createdAt: '2024-01-03' };
const spans = [outer, inner, other];

describe('innermost annotation at an offset', () => {
  it('picks the shortest annotation covering the offset', () => {
    expect(innermostAt(spans, 50)?.id).toBe('inner');
    expect(innermostAt(spans, 10)?.id).toBe('outer');
    expect(innermostAt(spans, 125)?.id).toBe('other');
  });

  it('finds nothing outside every annotation', () => {
    expect(innermostAt(spans, 110)).toBeNull();
    expect(innermostAt([], 5)).toBeNull();
  });

  it('counts the start as inside and, failing anything else, a caret right after the end', () => {
    expect(innermostAt(spans, 40)?.id).toBe('inner');
    expect(innermostAt(spans, 60)?.id).toBe('outer');
    expect(innermostAt(spans, 130)?.id).toBe('other');
    expect(spansAt(spans, 130).map((s) => s.id)).toEqual(['other']);
  });

  it('breaks ties between equal lengths by the later start, then the newest', () => {
    const left = { id: 'left', start: 0, end: 10, createdAt: '2024-01-05' };
    const right = { id: 'right', start: 5, end: 15, createdAt: '2024-01-01' };
    expect(innermostAt([left, right], 7)?.id).toBe('right');
    const older = { id: 'older', start: 0, end: 10, createdAt: '2024-01-01' };
    const newer = { id: 'newer', start: 0, end: 10, createdAt: '2024-01-02' };
    expect(innermostAt([newer, older], 3)?.id).toBe('newer');
    expect(innermostAt([older, newer], 3)?.id).toBe('newer');
  });
});

describe('visible text in a selection', () => {
  it('refuses empty and white-space-only selections', () => {
    const text = 'Japan  \n\t  did';
    expect(hasVisibleText(text, 5, 5)).toBe(false);
    expect(hasVisibleText(text, 5, 11)).toBe(false);
    expect(hasVisibleText(text, 0, 5)).toBe(true);
    expect(hasVisibleText(text, 6, 14)).toBe(true);
  });
});
