import { describe, expect, it } from 'vitest';
import { IMMEDIATE_RESULTS_MAX, appliedFilter } from '../../../../renderer/annotations/use-panel-view';

describe('which filter the panel lists for (issue 12)', () => {
  const typed = { text: 'titp' };
  const deferred = { text: 'tit' };

  it('answers a key in the same render up to the limit, 10,000 annotations included', () => {
    expect(IMMEDIATE_RESULTS_MAX).toBeGreaterThanOrEqual(10_000);
    for (const count of [0, 1_000, 10_000, IMMEDIATE_RESULTS_MAX]) expect(appliedFilter(typed, deferred, count)).toBe(typed);
  });

  it('defers the results past it, so typing never waits for the pass', () => {
    for (const count of [IMMEDIATE_RESULTS_MAX + 1, 50_000]) expect(appliedFilter(typed, deferred, count)).toBe(deferred);
  });
});
