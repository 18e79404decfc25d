import { describe, expect, it } from 'vitest';
import { neutralizeFormula, renderCsv } from '../../../../main/core/exchange/csv';
import { readCsv } from './csv-reader';

describe('renderCsv', () => {
  it('starts with a BOM, quotes every field, ends every row with CRLF and reads back the same cells', () => {
    const rows = [['a, b', 'say "hi"', 'two\nlines'], ['', 'ünïcödé ¶', 'x']];
    const text = renderCsv(['one', 'two', 'three'], rows);
    expect(text.startsWith('\uFEFF"one","two","three"\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text.slice(1))).toEqual([['one', 'two', 'three'], ...rows]);
  });

  it('neutralises every cell a spreadsheet would run as a formula, and nothing else', () => {
    const risky = ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\ry'];
    const text = renderCsv(['h'], [...risky.map((v) => [v]), ['plain'], ['a=b']]);
    const cells = readCsv(text.slice(1)).slice(1).map((row) => row[0]);
    expect(cells).toEqual([...risky.map((v) => `'${v}`), 'plain', 'a=b']);
    expect(neutralizeFormula("'=already")).toBe("'=already");
  });
});

describe('readCsv (the test reader itself)', () => {
  it('refuses what RFC 4180 does not allow', () => {
    expect(() => readCsv('a,b\nc')).toThrow();
    expect(() => readCsv('a"b')).toThrow();
    expect(() => readCsv('"a"b')).toThrow();
    expect(() => readCsv('"open')).toThrow();
  });
});
