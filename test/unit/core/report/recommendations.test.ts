import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { recommendationTitle, recommendationsOf } from '../../../../main/core/report/recommendations';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const MODEL = buildReportModel(TEXT);

describe('recommendationsOf', () => {
  const recs = recommendationsOf(TEXT, MODEL.blocks);

  it('gives the 12 prioritized recommendations ids rec-1 … rec-12 in document order', () => {
    expect(recs.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `rec-${i + 1}`));
    expect(recs.map((r) => r.blockId)).toEqual(Array.from({ length: 12 }, (_, i) => `recommendation-${i + 1}`));
    for (let i = 1; i < recs.length; i++) expect(recs[i]!.start).toBeGreaterThan(recs[i - 1]!.end);
  });

  it('points each item at its verbatim text, without the bullets', () => {
    for (const r of recs) {
      expect(r.text).toBe(TEXT.slice(r.start, r.end));
      expect(r.text).not.toContain('•');
      expect(r.text).toBe(r.text.trim());
    }
    expect(recs[0]!.text.startsWith('Vigorously investigate and prosecute')).toBe(true);
    expect(recs[11]!.text.endsWith('child sex tourism overseas.')).toBe(true);
  });

  it('derives short titles from the first clause', () => {
    const titles = recs.map((r) => r.title);
    expect(titles[0]).toBe('Vigorously investigate and prosecute sex and labor trafficking cases');
    expect(titles[2]).toBe('Develop, systematize, and implement standard interagency procedures');
    expect(titles[3]).toBe('Enhance victim screening to ensure victims');
    expect(titles[8]).toBe('Enact legislation banning employers');
    for (const [i, t] of titles.entries()) {
      expect(t.split(/\s+/u).length, t).toBeLessThanOrEqual(9);
      expect(recs[i]!.text.startsWith(t), t).toBe(true);
    }
    expect(new Set(titles).size).toBe(12);
  });
});

describe('recommendationTitle', () => {
  it('keeps a short item whole and stops at a dash, semicolon or full stop', () => {
    expect(recommendationTitle('Fund shelters.')).toBe('Fund shelters');
    expect(recommendationTitle('Screen victims—including children—properly')).toBe('Screen victims');
    expect(recommendationTitle('Train judges; fund courts')).toBe('Train judges');
  });

  it('never ends on a function word; an empty item gives an empty title', () => {
    expect(recommendationTitle('Increase efforts to identify male victims of sex trafficking and forced labor')).toBe('Increase efforts to identify male victims');
    expect(recommendationTitle('   ')).toBe('');
    expect(recommendationTitle('Ensure the of the to by for the of the to by')).not.toMatch(/ (of|the|to|by|for)$/u);
  });
});
