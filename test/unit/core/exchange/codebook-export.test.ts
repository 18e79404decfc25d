import { describe, expect, it } from 'vitest';
import type { CodeView } from '../../../../preload/contract';
import { neutralizeFormula, renderCodebookCsv, renderCodebookMarkdown } from '../../../../main/core/exchange/codebook-export';
import { checkCodeTree } from '../../../../main/core/exchange/refi/refi-code-plan';
import type { StoredCode } from '../../../../main/core/store/store-schema';

const code = (id: string, path: string, more: Partial<CodeView> = {}): CodeView => ({
  id,
  name: path.split('/').pop()!,
  path,
  parentId: null,
  description: '',
  color: null,
  codable: true,
  count: 0,
  totalCount: 0,
  ...more,
});

describe('codebook CSV', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', "'\rcarriage"],
    ['plain = text', 'plain = text'],
    ['', ''],
  ])('neutralises a cell starting %j', (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });

  it('quotes every field, doubles quotes, ends rows with CRLF and starts with a BOM', () => {
    const csv = renderCodebookCsv([code('a', 'A "quoted", name', { description: 'two\nlines', count: 2, totalCount: 3 })]);
    expect(csv).toBe(
      '\uFEFF"id","path","name","parent path","definition","colour","codable","count","total"\r\n' +
        '"a","A ""quoted"", name","A ""quoted"", name","","two\nlines","","true","2","3"\r\n',
    );
  });
});

describe('codebook Markdown', () => {
  it('writes a heading per code one level deeper per level, escapes names, and a table with | escaped', () => {
    const md = renderCodebookMarkdown(
      [code('a', 'Top', { totalCount: 1 }), code('b', 'Top/*Mid|dle*', { parentId: 'a', description: '# not a heading', count: 1, totalCount: 1 })],
      { title: 'Report', exportedAt: new Date('2026-01-01T00:00:00Z') },
    );
    expect(md).toContain('## Top\n\nPath: `Top`\n\n*No definition.*');
    expect(md).toContain('### \\*Mid|dle\\*');
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('| Top/\\*Mid\\|dle\\* | 1 | 1 |');
  });

  it('says when the codebook is empty', () => {
    expect(renderCodebookMarkdown([], { title: 'R', exportedAt: new Date(0) })).toContain('The codebook is empty.');
  });
});

describe('checkCodeTree', () => {
  const stored = (id: string, name: string, parentId: string | null, deletedAt: string | null = null): StoredCode => ({
    id,
    name,
    parentId,
    description: '',
    color: null,
    codable: true,
    createdAt: 't',
    updatedAt: 't',
    deletedAt,
  });
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';
  const C = '00000000-0000-4000-8000-00000000000c';

  it('accepts a tree and names a missing parent, a cycle and two siblings with one name', () => {
    expect(checkCodeTree([stored(A, 'A', null), stored(B, 'B', A)])).toBeNull();
    expect(checkCodeTree([stored(A, 'A', null, 'gone'), stored(B, 'B', A)])).toMatch(/“B” would be left without its parent/u);
    expect(checkCodeTree([stored(A, 'A', B), stored(B, 'B', A)])).toMatch(/inside itself/u);
    expect(checkCodeTree([stored(A, 'A', null), stored(B, 'x', A), stored(C, 'X', A)])).toMatch(/two codes would be named/u);
  });
});
