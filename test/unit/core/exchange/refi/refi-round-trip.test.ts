/**
 * Write, then read: the same codes, tree, definitions, codings (positions) and
 * notes come back, on a text with astral characters and on the report itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQdc } from '../../../../../main/core/exchange/refi/qdc-read';
import { writeQdc } from '../../../../../main/core/exchange/refi/qdc-write';
import { readQdpx } from '../../../../../main/core/exchange/refi/qdpx-read';
import { writeQdpx } from '../../../../../main/core/exchange/refi/qdpx-write';
import type { RefiCode } from '../../../../../main/core/exchange/refi/refi-model';
import { checkQdpxStructure } from '../../../../../main/core/exchange/refi/refi-structure';
import { REPORT_FILE } from '../../../../../main/core/report/report-model';
import { ASTRAL_TEXT, CODES, projectInput } from './refi-fixtures';

const normalizedColor = (codes: RefiCode[]) => codes.map((c) => ({ ...c, color: c.color?.toUpperCase() ?? null }));
const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../../../assets', REPORT_FILE), 'utf8');

describe('REFI-QDA round trip', () => {
  it('.qdc: codes, tree, definitions, colours and codable flags', () => {
    expect(readQdc(writeQdc(CODES, 'Fieldmark test')).codes).toEqual(normalizedColor(CODES));
  });

  it.each([
    ['a text with astral characters', ASTRAL_TEXT],
    ['the report', REPORT],
  ])('.qdpx on %s: codes, codings with positions, notes and dates', (_, text) => {
    const input = projectInput(text);
    if (text === REPORT) {
      // Code real passages of the report.
      input.codings = input.codings.map((c, i) => ({ ...c, start: 1000 * (i + 1), end: 1000 * (i + 1) + 120 }));
    }
    const bytes = writeQdpx(input, 'Fieldmark test');
    expect(checkQdpxStructure(bytes)).toEqual([]);
    const project = readQdpx(bytes, { reportText: text, importedAt: '2030-01-01T00:00:00.000Z' });
    expect(project.codes).toEqual(normalizedColor(input.codes));
    expect(project.sources).toHaveLength(1);
    expect(project.sources[0]).toMatchObject({ isReport: true, text, name: input.sourceName });
    expect(project.codings.map(({ sourceId: _s, exact: _e, ...c }) => c)).toEqual(input.codings);
    expect(project.codings.map((c) => c.exact)).toEqual(input.codings.map((c) => text.slice(c.start, c.end)));
    expect(project.renamed).toEqual([]);
  });
});
