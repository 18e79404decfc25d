import { describe, expect, it } from 'vitest';
import { FieldmarkError } from '../../preload/rpc';
import { parseImport, uuidFromForeignId } from '../../main/core/exchange/import-parse';
import { planImport } from '../../main/core/exchange/import-merge';
import { isoAt, report } from '../support/exchange-fixtures';
import { readHypothesis } from './suite-dir';

function planError(content: string): string {
  try {
    planImport(parseImport(content), { report: report(), existing: [], now: new Date(isoAt(1000)) });
  } catch (error) {
    expect(error).toBeInstanceOf(FieldmarkError);
    expect((error as FieldmarkError).code).toBe('INVALID_IMPORT');
    return (error as FieldmarkError).message;
  }
  throw new Error('planned without error');
}

describe('importing real Hypothesis exports', () => {
  const wikipedia = readHypothesis('wikipedia-regression-testing.json');

  it('reads the { rows } and { annotations } shapes with text, tags and dates', () => {
    const real = JSON.parse(wikipedia) as { rows: Array<Record<string, unknown>> };
    const parsed = parseImport(wikipedia);
    expect(parsed.format).toBe('Hypothesis export');
    expect(parsed.annotations).toHaveLength(5);
    expect(parsed.annotations[0]).toMatchObject({
      originalId: 'LOCXbsOCEeaQl6f6fQh87Q',
      id: uuidFromForeignId('LOCXbsOCEeaQl6f6fQh87Q'),
      note: 'Footer',
      tags: [],
      exact: '11 November 2016',
      prefix: ' This page was last modified on ',
      start: 11881,
      end: 11897,
      createdAt: '2016-12-16T11:24:14.673Z',
      source: 'https://en.wikipedia.org/wiki/Regression_testing',
      sha256: null,
      color: null,
    });
    const asAnnotations = parseImport(JSON.stringify({ export_date: '2026-01-01', annotations: [{ ...real.rows[1], tags: ['a', 'b'] }] }));
    expect(asAnnotations.annotations[0]).toMatchObject({ note: 'Body', tags: ['a', 'b'] });
    const minimal = parseImport(readHypothesis('minimal.json'));
    expect(minimal.annotations[0]).toMatchObject({ exact: 'Two', prefix: 'One ', suffix: ' Three\n', start: 4, end: 7, createdAt: null });
  });

  it('refuses a file made for another document', () => {
    expect(planError(wikipedia)).toBe(
      `None of the 5 annotations in this file can be found in "${report().title}", and none is one of yours: the file was probably made for another document. Nothing was imported.`,
    );
    expect(planError(readHypothesis('minimal.json'))).toMatch(/^The annotation in this file cannot be found in ".+", and it is not one of yours/);
  });
});
