/**
 * The codebook and project exchange through the contract's dispatcher (issue
 * 13): exportCodebook (.qdc, Markdown, CSV) and exportProject (.qdpx), and
 * previewImport/commitImport/undoImport of .qdc and .qdpx files, including the
 * round trip into an empty store and every refusal of a bad file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, PreviewImportInput, MAX_IMPORT_BASE64_CHARS, type AnnotationView, type CodeView, type ImportPreview } from '../../../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../../../preload/rpc';
import { checkQdcStructure, checkQdpxStructure } from '../../../../main/core/exchange/refi/refi-structure';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';
import { readCsv } from '../exchange/csv-reader';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);

interface Host {
  store: MemoryStore;
  call<T>(method: string, input?: unknown): Promise<T>;
  refused(method: string, input: unknown, message: RegExp, code?: string): Promise<void>;
}

function host(): Host {
  let clock = 0;
  const store = new MemoryStore();
  const dispatch = createDispatcher(contract, createServiceFromParts(REPORT, store, () => new Date(clock++ * 1000 + Date.UTC(2024, 0, 1))).impl);
  return {
    store,
    async call<T>(method: string, input?: unknown): Promise<T> {
      const envelope = await dispatch(method, input ?? null);
      if (!envelope.ok) throw new FieldmarkError(envelope.error.code, envelope.error.message);
      return envelope.value as T;
    },
    async refused(method, input, message, code = 'INVALID_IMPORT') {
      const writes = store.applied.length;
      const before = structuredClone(store.doc);
      const envelope = await dispatch(method, input);
      expect(envelope).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
      expect(store.applied).toHaveLength(writes);
      expect(store.doc).toEqual(before);
    },
  };
}

/** A passage of the report: the first occurrence of `quote`. */
function at(quote: string): { start: number; end: number } {
  const start = TEXT.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + quote.length };
}

const Q1 = 'The Government of Japan does not fully meet the minimum standards';
const Q2 = 'Technical Intern Training Program';

let a: Host;

/** Store A: a three-level tree with definitions, a colour, a grouping code and an unused code. */
async function seed(h: Host): Promise<void> {
  await h.call('createAnnotation', { ...at(Q1), color: 'gap', note: 'Overall finding.\nSecond line.', tags: ['Labour/TITP/Debt bondage', 'Finding'] });
  await h.call('createAnnotation', { ...at(Q2), color: 'key', note: '', tags: ['Labour/TITP'] });
  await h.call('createAnnotation', { start: at(Q2).end + 10, end: at(Q2).end + 40, color: 'question' });
  const codes = await h.call<CodeView[]>('listCodes');
  const id = (p: string) => codes.find((c) => c.path === p)!.id;
  await h.call('updateCode', { id: id('Labour'), description: 'Work obtained by force, fraud or coercion.\nSee ILO C29.', color: '#AA3300' });
  await h.call('updateCode', { id: id('Labour/TITP/Debt bondage'), description: '=HYPERLINK("x") "quoted", and commas' });
  await h.call('createCode', { name: 'Unused', description: 'Nobody coded this yet.', codable: false });
}

const shape = (codes: CodeView[]) => codes.map(({ id, path: p, description, color, codable }) => ({ id, path: p, description, color, codable }));
const codings = (views: AnnotationView[]) =>
  views.filter((v) => v.deletedAt === null).map(({ id, start, end, exact, note, tags }) => ({ id, start, end, exact, note, tags: [...tags].sort() }));

beforeEach(async () => {
  a = host();
  await seed(a);
});


describe('exportCodebook and exportProject', () => {
  it('writes a .qdc that passes the structure checks, with a fixed file name', async () => {
    const file = await a.call<{ filename: string; content: string }>('exportCodebook', { format: 'qdc' });
    expect(file.filename).toBe('fieldmark-codebook-2021-japan.qdc');
    expect(checkQdcStructure(file.content)).toEqual([]);
    expect(file.content).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Fieldmark');
    expect(file.content).not.toContain('<Sets');
  });

  it('writes the CSV as RFC 4180 with a BOM, a row per code in tree order, and formulas neutralised', async () => {
    const file = await a.call<{ filename: string; content: string }>('exportCodebook', { format: 'csv' });
    expect(file.filename).toBe('fieldmark-codebook-2021-japan.csv');
    expect(file.content.startsWith('\uFEFF"id","path"')).toBe(true);
    const rows = readCsv(file.content.slice(1));
    expect(rows[0]).toEqual(['id', 'path', 'name', 'parent path', 'definition', 'colour', 'codable', 'count', 'total']);
    const byPath = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Finding', 'Labour', 'Labour/TITP', 'Labour/TITP/Debt bondage', 'Unused']);
    expect(byPath.get('Labour/TITP/Debt bondage')!.slice(2)).toEqual(['Debt bondage', 'Labour/TITP', `'=HYPERLINK("x") "quoted", and commas`, '', 'true', '1', '1']);
    expect(byPath.get('Labour')!.slice(4)).toEqual(['Work obtained by force, fraud or coercion.\nSee ILO C29.', '#AA3300', 'true', '0', '2']);
    expect(byPath.get('Unused')!.slice(6)).toEqual(['false', '0', '0']);
  });

  it('writes the Markdown codebook as nested headings with definitions and a counts table', async () => {
    const file = await a.call<{ filename: string; content: string }>('exportCodebook', { format: 'markdown' });
    expect(file.filename).toBe('fieldmark-codebook-2021-japan.md');
    expect(file.content).toMatch(/^## Labour\n\nPath: `Labour` · colour `#AA3300`\n\nWork obtained by force, fraud or coercion\.\\\nSee ILO C29\.$/mu);
    expect(file.content).toMatch(/^### TITP$/mu);
    expect(file.content).toMatch(/^#### Debt bondage$/mu);
    expect(file.content).toContain('| Labour/TITP | 1 | 2 |');
    expect(file.content).toContain('| Labour | 0 | 2 |');
    expect(file.content).toContain('grouping code (not applied to passages)');
  });

  it('writes a .qdpx that passes the structure checks, holding the report and every placed annotation', async () => {
    const file = await a.call<{ filename: string; contentBase64: string }>('exportProject', { format: 'qdpx' });
    expect(file.filename).toBe('fieldmark-project-2021-japan.qdpx');
    const bytes = new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
    expect(checkQdpxStructure(bytes)).toEqual([]);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['project.qde']!);
    expect(xml.match(/<PlainTextSelection /gu)).toHaveLength(3);
    expect(Object.keys(files).filter((n) => n.startsWith('sources/')).map((n) => strFromU8(files[n]!))).toEqual([TEXT]);
  });
});

async function preview(h: Host, input: unknown): Promise<ImportPreview> {
  return h.call<ImportPreview>('previewImport', input);
}

async function exported(method: 'exportProject' | 'exportCodebook'): Promise<unknown> {
  if (method === 'exportProject') return { contentBase64: (await a.call<{ contentBase64: string }>('exportProject', { format: 'qdpx' })).contentBase64 };
  return { content: (await a.call<{ content: string }>('exportCodebook', { format: 'qdc' })).content };
}

describe('round trip into an empty store', () => {
  it('a .qdpx gives the same codes, tree, definitions, codings and notes', async () => {
    const b = host();
    const p = await preview(b, await exported('exportProject'));
    expect(p.format).toBe('REFI-QDA project (.qdpx)');
    expect(p.counts).toMatchObject({ new: 3, total: 3, codes: { new: 5, total: 5 } });
    await b.call('commitImport', { id: p.id });
    expect(shape(await b.call('listCodes'))).toEqual(shape(await a.call('listCodes')));
    expect(codings(await b.call('listAnnotations'))).toEqual(codings(await a.call('listAnnotations')));
    const again = await preview(b, await exported('exportProject'));
    expect(again.items.every((i) => i.kind === 'unchanged')).toBe(true);
  });

  it('a .qdc gives the same codes, definitions, colours and codable flags, empty codes included', async () => {
    const b = host();
    const p = await preview(b, await exported('exportCodebook'));
    expect(p.format).toBe('REFI-QDA codebook (.qdc)');
    expect(p.items.every((i) => i.entity === 'code' && i.kind === 'new')).toBe(true);
    await b.call('commitImport', { id: p.id });
    expect(shape(await b.call('listCodes'))).toEqual(shape(await a.call('listCodes')));
  });

  it('reads a .qdc sent as base64 bytes too', async () => {
    const b = host();
    const { content } = (await exported('exportCodebook')) as { content: string };
    const p = await preview(b, { contentBase64: Buffer.from(`\uFEFF${content}`).toString('base64') });
    expect(p.counts.codes.new).toBe(5);
  });
});

/** A .qdc of the given codes. */
function qdc(body: string): { content: string } {
  return { content: `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other"><Codes>${body}</Codes></CodeBook>` };
}

describe('importing a .qdc into a codebook', () => {
  it('matches by GUID, then by path, and previews renamed, moved, changed and new codes', async () => {
    const ours = await a.call<CodeView[]>('listCodes');
    const id = (p: string) => ours.find((c) => c.path === p)!.id;
    const file = qdc(
      `<Code guid="{${id('Labour').toUpperCase()}}" name="Labour exploitation" isCodable="true">` +
        `<Code guid="${id('Labour/TITP')}" name="TITP" isCodable="true"><Description>Technical Intern Training Program.</Description></Code></Code>` +
        `<Code guid="aaaaaaaa-0000-4000-8000-00000000000f" name="finding" isCodable="true"/>` +
        `<Code guid="aaaaaaaa-0000-4000-8000-00000000000e" name="Moved here" isCodable="true"><Code guid="${id('Unused')}" name="Unused" isCodable="false"><Description>Nobody coded this yet.</Description></Code></Code>` +
        `<Code guid="aaaaaaaa-0000-4000-8000-00000000000d" name="Visa/status, holders" isCodable="true"/>`,
    );
    const p = await preview(a, file);
    const items = new Map(p.items.map((i) => [i.entity === 'code' ? i.path : i.id, i]));
    expect(items.get('Labour exploitation')).toMatchObject({ kind: 'renamed', previousPath: 'Labour', definitionChanged: true, applies: true });
    expect(items.get('Labour exploitation/TITP')).toMatchObject({ kind: 'updated', definitionChanged: true, previousPath: null });
    expect(items.get('Finding')).toMatchObject({ id: 'aaaaaaaa-0000-4000-8000-00000000000f', kind: 'unchanged', applies: false });
    expect(items.get('Moved here')).toMatchObject({ kind: 'new' });
    expect(items.get('Moved here/Unused')).toMatchObject({ kind: 'moved', previousPath: 'Unused' });
    expect(items.get('Visa\u2215status\u201A holders')).toMatchObject({ kind: 'new', originalName: 'Visa/status, holders' });
    expect(p.counts.codes).toEqual({ new: 2, renamed: 1, moved: 1, updated: 1, unchanged: 1, total: 6 });
    expect(a.store.applied.length).toBeGreaterThan(0);

    const rename = p.items.find((i) => i.entity === 'code' && i.kind === 'renamed')!;
    const result = await a.call<{ applied: number; rejected: number }>('commitImport', { id: p.id, reject: [rename.id] });
    expect(result).toMatchObject({ applied: 0, codesApplied: 4, rejected: 1 });
    const after = await a.call<CodeView[]>('listCodes');
    expect(after.find((c) => c.id === id('Labour'))).toMatchObject({ path: 'Labour', description: 'Work obtained by force, fraud or coercion.\nSee ILO C29.' });
    expect(after.find((c) => c.id === id('Labour/TITP'))).toMatchObject({ path: 'Labour/TITP', description: 'Technical Intern Training Program.' });
    expect(after.find((c) => c.id === id('Unused'))).toMatchObject({ path: 'Moved here/Unused' });
    // The annotations keep their codes by id, so they follow the move and the rename.
    const views = await a.call<AnnotationView[]>('listAnnotations');
    expect(views.flatMap((v) => v.tags).sort()).toEqual(['Finding', 'Labour/TITP', 'Labour/TITP/Debt bondage']);
  });

  it('undo puts changed codes back and removes the codes it made, unless they are used since', async () => {
    const before = shape(await a.call<CodeView[]>('listCodes'));
    const ours = await a.call<CodeView[]>('listCodes');
    const p = await preview(
      a,
      qdc(
        `<Code guid="${ours.find((c) => c.path === 'Finding')!.id}" name="Findings" isCodable="true"><Description>Renamed.</Description></Code>` +
          `<Code guid="aaaaaaaa-0000-4000-8000-00000000000c" name="Kept" isCodable="true"/><Code guid="aaaaaaaa-0000-4000-8000-00000000000b" name="Dropped" isCodable="true"/>`,
      ),
    );
    const { id } = await a.call<{ id: string }>('commitImport', { id: p.id });
    await a.call('createAnnotation', { ...at('Japan'), color: 'key', tags: ['Kept'] });
    expect(await a.call('undoImport', { id })).toEqual({ reverted: 0, codes: 2 });
    const after = shape(await a.call<CodeView[]>('listCodes'));
    expect(after.map((c) => c.path)).toEqual([...before.map((c) => c.path), 'Kept'].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' })));
    expect(after.filter((c) => c.path !== 'Kept')).toEqual(before);
  });

  it('refuses a commit whose accepted codes would break the tree, writing nothing', async () => {
    const p = await preview(a, qdc(`<Code guid="aaaaaaaa-0000-4000-8000-00000000000a" name="Parent" isCodable="true"><Code guid="aaaaaaaa-0000-4000-8000-000000000009" name="Child" isCodable="true"/></Code>`));
    await a.refused('commitImport', { id: p.id, reject: ['aaaaaaaa-0000-4000-8000-00000000000a'] }, /cannot be imported together: the code “Child” would be left without its parent/u, 'INVALID_INPUT');
  });
});

/** A hand-made project in the shape other tools write, around this report's text or another. */
function toolProject(selections: string, options: { text?: string; codes?: string; notes?: string; links?: string } = {}): { contentBase64: string } {
  const xml =
    `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Colleague" origin="OtherTool 9">` +
    `<CodeBook><Codes>${options.codes ?? '<Code guid="{AAAAAAAA-0000-4000-8000-000000000100}" name="Labour" isCodable="true"><Code guid="{AAAAAAAA-0000-4000-8000-000000000101}" name="Forced labour" isCodable="true"/></Code>'}</Codes></CodeBook>` +
    `<Sources><TextSource guid="{AAAAAAAA-0000-4000-8000-000000000200}" name="TIP Japan.txt" plainTextPath="internal://report.txt">${selections}</TextSource></Sources>` +
    (options.notes ?? '') +
    (options.links ?? '') +
    `</Project>`;
  return { contentBase64: Buffer.from(zipSync({ 'project.qde': strToU8(xml), 'Sources/report.txt': strToU8(options.text ?? TEXT) })).toString('base64') };
}

function selection(guid: string, range: { start: number; end: number }, inner = ''): string {
  return `<PlainTextSelection guid="{${guid}}" startPosition="${range.start}" endPosition="${range.end}">${inner}</PlainTextSelection>`;
}

describe('importing another tool’s .qdpx', () => {
  it('turns each selection into an annotation with its codes and its memos (NoteRef and Link)', async () => {
    const b = host();
    const inner = '<Coding guid="{AAAAAAAA-0000-4000-8000-000000000300}"><CodeRef targetGUID="{AAAAAAAA-0000-4000-8000-000000000101}"/></Coding><NoteRef targetGUID="{AAAAAAAA-0000-4000-8000-000000000400}"/>';
    const notes =
      '<Notes><Note guid="{AAAAAAAA-0000-4000-8000-000000000400}" name="Memo"><PlainTextContent>By NoteRef</PlainTextContent></Note>' +
      '<Note guid="{AAAAAAAA-0000-4000-8000-000000000401}" name="Memo 2"><PlainTextContent>By Link</PlainTextContent></Note></Notes>';
    const links = '<Links><Link guid="{AAAAAAAA-0000-4000-8000-000000000500}" originGUID="{AAAAAAAA-0000-4000-8000-000000000401}" targetGUID="{AAAAAAAA-0000-4000-8000-000000000002}"/></Links>';
    const file = toolProject(selection('AAAAAAAA-0000-4000-8000-000000000001', at(Q1), inner) + selection('AAAAAAAA-0000-4000-8000-000000000002', at(Q2)), { notes, links });
    const p = await preview(b, file);
    expect(p.counts).toMatchObject({ new: 2, codes: { new: 2 } });
    await b.call('commitImport', { id: p.id });
    const views = await b.call<AnnotationView[]>('listAnnotations');
    expect(views.map(({ exact, tags, note, anchor }) => ({ exact, tags, note, status: anchor.status }))).toEqual([
      { exact: Q1, tags: ['Labour/Forced labour'], note: 'By NoteRef', status: 'exact' },
      { exact: Q2, tags: [], note: 'By Link', status: 'exact' },
    ]);
  });

  it('re-anchors selections on an edited copy of the report and previews what cannot be placed as orphans', async () => {
    const b = host();
    const edited = `A preface added by a colleague.\n${TEXT}`;
    const shift = 'A preface added by a colleague.\n'.length;
    const lost = 'Words that are nowhere in the report at all, invented here.';
    const text = `${edited}\n${lost}`;
    const found = { start: at(Q1).start + shift, end: at(Q1).end + shift };
    const missing = { start: text.indexOf(lost), end: text.indexOf(lost) + lost.length };
    const p = await preview(b, toolProject(selection('AAAAAAAA-0000-4000-8000-000000000001', found) + selection('AAAAAAAA-0000-4000-8000-000000000002', missing), { text }));
    const kinds = p.items.filter((i) => i.entity === 'annotation').map((i) => [i.kind, i.entity === 'annotation' && i.exact]);
    expect(kinds).toEqual([
      ['new', Q1],
      ['orphan', lost],
    ]);
  });

  it('refuses a project whose sources are unrelated to this report', async () => {
    const other = 'An unrelated interview transcript about something else entirely.';
    await a.refused('previewImport', toolProject(selection('AAAAAAAA-0000-4000-8000-000000000001', { start: 3, end: 20 }), { text: other }), /codes other texts \("TIP Japan.txt"\), not the 2021 TIP Report: Japan/u);
  });
});

/** 51 entries of 1 MB that compress about eightfold: more than 50 MB in all, though no entry looks like a bomb. */
function fiftyOneMegabytes(): Record<string, Uint8Array> {
  let seed = 7;
  const mb = new Uint8Array(1024 * 1024).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0x10000 ? 0x61 : 0x62));
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="P"/>') };
  for (let i = 0; i < 51; i++) files[`sources/${i}.txt`] = mb;
  return files;
}

describe('committing and undoing a .qdpx', () => {
  it('undo removes the annotations and the unused codes it made, and a second undo is refused', async () => {
    const b = host();
    await b.call('createAnnotation', { ...at('JAPAN: Tier 2'), color: 'key', tags: ['Finding'] });
    const p = await preview(b, await exported('exportProject'));
    const { id } = await b.call<{ id: string }>('commitImport', { id: p.id });
    expect((await b.call<AnnotationView[]>('listAnnotations')).length).toBe(4);
    expect(await b.call('undoImport', { id })).toEqual({ reverted: 3, codes: 4 });
    expect((await b.call<AnnotationView[]>('listAnnotations')).map((v) => v.exact)).toEqual(['JAPAN: Tier 2']);
    expect((await b.call<CodeView[]>('listCodes')).map((c) => c.path)).toEqual(['Finding']);
    await b.refused('undoImport', { id }, /already undone/u, 'CONFLICT');
  });

  it('a rejected rename keeps our name, and the annotations coded with that code still get it', async () => {
    const b = host();
    const first = await preview(b, await exported('exportCodebook'));
    await b.call('commitImport', { id: first.id });
    const titp = (await b.call<CodeView[]>('listCodes')).find((c) => c.path === 'Labour/TITP')!;
    await b.call('updateCode', { id: titp.id, name: 'Interns' });
    const p = await preview(b, await exported('exportProject'));
    const rename = p.items.find((i) => i.entity === 'code' && i.kind === 'renamed')!;
    expect(rename).toMatchObject({ path: 'Labour/TITP', previousPath: 'Labour/Interns' });
    await b.call('commitImport', { id: p.id, reject: [rename.id] });
    const tags = (await b.call<AnnotationView[]>('listAnnotations')).flatMap((v) => v.tags).sort();
    expect(tags).toEqual(['Finding', 'Labour/Interns', 'Labour/Interns/Debt bondage']);
    expect((await b.call<CodeView[]>('listCodes')).map((c) => c.path)).not.toContain('Labour/TITP');
  });

  it('refuses a commit when a code it would change was changed since the preview', async () => {
    const ours = await a.call<CodeView[]>('listCodes');
    const finding = ours.find((c) => c.path === 'Finding')!;
    const p = await preview(a, qdc(`<Code guid="${finding.id}" name="Finding" isCodable="true"><Description>From the file.</Description></Code>`));
    await a.call('updateCode', { id: finding.id, description: 'Edited meanwhile.' });
    await a.refused('commitImport', { id: p.id }, /One code changed since this preview was made/u, 'CONFLICT');
  });
});

describe('bad files are refused through previewImport with a message, writing nothing', () => {
  const b64 = (bytes: Uint8Array) => ({ contentBase64: Buffer.from(bytes).toString('base64') });
  const project = (xml: string, extra: Record<string, Uint8Array> = {}) => b64(zipSync({ 'project.qde': strToU8(xml), ...extra }));
  const qde = (body: string, attrs = 'xmlns="urn:QDA-XML:project:1.0" name="P"') => `<?xml version="1.0"?><Project ${attrs}>${body}</Project>`;
  const codesXml = '<CodeBook><Codes><Code guid="aaaaaaaa-0000-4000-8000-000000000100" name="A" isCodable="true"/></Codes></CodeBook>';

  it.each([
    ['not a zip', () => b64(strToU8('\u0000\u0001 this is not an archive')), /not a zip archive/],
    ['a zip bomb (ratio over 100)', () => b64(zipSync({ 'project.qde': new Uint8Array(5_000_000) })), /compression ratio over 100/],
    ['a path that leaves the archive', () => b64(zipSync({ 'project.qde': strToU8(qde(codesXml)), '../evil.txt': strToU8('x') })), /path that leaves it/],
    ['a DOCTYPE with an entity', () => project(`<!DOCTYPE Project [<!ENTITY lol "lol">]>${qde(codesXml)}`), /DOCTYPE or entity/],
    ['the wrong namespace', () => project(qde(codesXml, 'xmlns="urn:QDA-XML:project:0.9" name="P"')), /not in the REFI-QDA namespace/],
    ['a missing required attribute', () => project(qde(codesXml.replace(' isCodable="true"', ''))), /no isCodable attribute/],
    ['a code cycle', () => project(qde('<CodeBook><Codes><Code guid="aaaaaaaa-0000-4000-8000-000000000100" name="A" isCodable="true"><Code guid="aaaaaaaa-0000-4000-8000-000000000100" name="B" isCodable="true"/></Code></Codes></CodeBook>')), /code cycle/],
    ['duplicate GUIDs', () => project(qde(`${codesXml}<Sources><TextSource guid="aaaaaaaa-0000-4000-8000-000000000100" name="S"><PlainTextContent>x</PlainTextContent></TextSource></Sources>`)), /share the GUID/],
    ['a position out of range', () => project(qde(`${codesXml}<Sources><TextSource guid="aaaaaaaa-0000-4000-8000-000000000200" name="S"><PlainTextContent>short</PlainTextContent><PlainTextSelection guid="aaaaaaaa-0000-4000-8000-000000000300" startPosition="2" endPosition="99"/></TextSource></Sources>`)), /lies outside its source "S", which has 5 characters/],
  ])('refuses %s', async (_, file, message) => {
    await a.refused('previewImport', file(), message);
  });

  it('refuses more than 50 MB unzipped, though no entry is over the ratio', async () => {
    await a.refused('previewImport', b64(zipSync(fiftyOneMegabytes(), { level: 1 })), /50 MB/);
  }, 60_000);

  it('refuses a .qdc without the namespace, with a DOCTYPE, or with a code cycle', async () => {
    await a.refused('previewImport', { content: '<CodeBook><Codes/></CodeBook>' }, /not in the REFI-QDA namespace/);
    await a.refused('previewImport', { content: '<!DOCTYPE CodeBook>' + qdc('').content.replace(/^<\?xml[^>]*>\n/u, '') }, /DOCTYPE or entity/);
    await a.refused('previewImport', qdc('<Code guid="aaaaaaaa-0000-4000-8000-000000000100" name="A" isCodable="true"><Code guid="aaaaaaaa-0000-4000-8000-000000000100" name="B" isCodable="true"/></Code>'), /code cycle/);
  });

  it('refuses an input with both or neither of content and contentBase64, and base64 over the 50 MB limit', async () => {
    expect(PreviewImportInput.safeParse({ content: 'x', contentBase64: 'eA==' }).success).toBe(false);
    expect(PreviewImportInput.safeParse({}).success).toBe(false);
    expect(PreviewImportInput.safeParse({ contentBase64: 'not base64!' }).success).toBe(false);
    expect(PreviewImportInput.safeParse({ contentBase64: 'A'.repeat(MAX_IMPORT_BASE64_CHARS + 4) }).success).toBe(false);
    await a.refused('previewImport', { content: 'x', contentBase64: 'eA==' }, /./u, 'INVALID_INPUT');
  });
});

describe('the other exports know codes', () => {
  it('Markdown grouped by code follows the tree, lists a passage under each of its codes, the uncoded last, then the codebook', async () => {
    const { content } = await a.call<{ content: string }>('exportMarkdown', { groupBy: 'code' });
    const headings = content.split('\n').filter((line) => /^#{2,6} /u.test(line));
    const main = headings.slice(0, headings.indexOf('## Codebook'));
    expect(main.filter((h) => !/¶|Title and tier|Needs review/u.test(h))).toEqual(['## Finding', '## Labour', '### TITP', '#### Debt bondage', '## Not coded']);
    // The first passage has two codes, so it appears twice; the uncoded one once.
    expect(content.split('> The Government of Japan does not fully meet the minimum standards').length - 1).toBe(2);
    expect(content).toContain('## Codebook');
    expect(content).toContain('| Labour/TITP/Debt bondage | 1 | 1 |');
    expect(content).toMatch(/^### Unused$/mu);
  });

  it('Markdown leaves the codebook out unless asked when grouped otherwise, and includes it when asked', async () => {
    expect((await a.call<{ content: string }>('exportMarkdown', { groupBy: 'section' })).content).not.toContain('## Codebook');
    expect((await a.call<{ content: string }>('exportMarkdown', { groupBy: 'section', includeCodebook: true })).content).toContain('## Codebook');
    expect((await a.call<{ content: string }>('exportMarkdown', { groupBy: 'code', includeCodebook: false })).content).not.toContain('## Codebook');
  });

  it('W3C carries each code as a tagging body whose value is its path, and follows a rename', async () => {
    const bodies = async () => {
      const { content } = await a.call<{ content: string }>('exportAnnotations');
      type Body = { purpose?: string; value?: string };
      const doc = JSON.parse(content) as { first: { items: Array<{ body?: Body | Body[] }> } };
      return doc.first.items.flatMap((item) => [item.body ?? []].flat().filter((b) => b.purpose === 'tagging').map((b) => b.value)).sort();
    };
    expect(await bodies()).toEqual(['Finding', 'Labour/TITP', 'Labour/TITP/Debt bondage']);
    const titp = (await a.call<CodeView[]>('listCodes')).find((c) => c.path === 'Labour/TITP')!;
    await a.call('updateCode', { id: titp.id, name: 'Interns' });
    expect(await bodies()).toEqual(['Finding', 'Labour/Interns', 'Labour/Interns/Debt bondage']);
  });

  it('a backup restored into an empty store holds the whole codebook: definitions, colours, codable flags and unused codes', async () => {
    const { content } = await a.call<{ content: string }>('exportBackup');
    const b = host();
    await b.call('restoreBackup', { content });
    expect(shape(await b.call('listCodes'))).toEqual(shape(await a.call('listCodes')));
    expect((await b.call<CodeView[]>('listCodes')).find((c) => c.path === 'Unused')).toMatchObject({ codable: false, description: 'Nobody coded this yet.', count: 0 });
  });
});
