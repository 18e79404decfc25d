/**
 * Issue 15's service: getBriefing and exportBriefing through the contract's
 * dispatcher (so both directions' zod schemas run, as in both hosts), the
 * remembered options, and what bad options are told.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { contract, DEFAULT_SETTINGS, Settings, type AnnotationView, type Briefing } from '../../../../preload/contract';
import { createDispatcher, FieldmarkError } from '../../../../preload/rpc';
import { buildReportModel } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { briefingFileName } from '../../../../main/core/service/briefing-service';
import { StoreDoc, emptyDoc } from '../../../../main/core/store/store-schema';
import { MemoryStore } from '../../../support/memory-store';

const TEXT = readFileSync(path.resolve(import.meta.dirname, '../../../../assets/report/tip-2021-japan.txt'), 'utf8');
const REPORT = buildReportModel(TEXT);

let clock: number;
const now = () => new Date(clock++ * 1000 + Date.UTC(2026, 5, 1));
let store: MemoryStore;
let dispatch: ReturnType<typeof createDispatcher>;

function open(options: ConstructorParameters<typeof MemoryStore>[0] = {}) {
  clock = 0;
  store = new MemoryStore(options);
  dispatch = createDispatcher(contract, createServiceFromParts(REPORT, store, now).impl);
}
beforeEach(() => open());

async function call<T>(method: string, input?: unknown): Promise<T> {
  const envelope = await dispatch(method, input ?? null);
  if (!envelope.ok) throw new FieldmarkError(envelope.error.code, envelope.error.message);
  return envelope.value as T;
}

async function refusal(method: string, input: unknown): Promise<FieldmarkError> {
  const error = await call(method, input).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FieldmarkError);
  return error as FieldmarkError;
}

async function highlight(phrase: string, extra: Record<string, unknown> = {}): Promise<AnnotationView> {
  const start = TEXT.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return call<AnnotationView>('createAnnotation', { start, end: start + phrase.length, color: 'gap', ...extra });
}

describe('getBriefing', () => {
  it('builds the model from the store: selection by filter, groups, citations, the assessment table', async () => {
    const a = await highlight('TITP', { tags: ['Labour/TITP'], note: 'Watch “this”\u00a0closely.' });
    await highlight('forced labor', { color: 'key' });
    const briefing = await call<Briefing>('getBriefing', { title: '  Japan 2021  ', groupBy: 'code', filter: { tags: ['Labour/TITP'] } });
    expect(briefing.meta.title).toBe('Japan 2021');
    expect(briefing.counts).toEqual({ annotations: 1, placements: 1, orphansExcluded: 0 });
    const items = briefing.groups.flatMap((g) => g.items);
    expect(items.map((i) => i.annotationId)).toEqual([a.id]);
    expect(items[0]!.citation).toBe(`U.S. Department of State, 2021 Trafficking in Persons Report: Japan, ${a.citation}`);
    expect(items[0]!.note).toBe('Watch “this”\u00a0closely.');
    expect(briefing.groups.map((g) => [g.heading, g.level])).toEqual([['Labour', 2], ['TITP', 3]]);
    expect(briefing.assessment).toHaveLength(12);
    expect(briefing.source.sha256).toBe(REPORT.sha256);
  });

  it('does not write: the settings are unchanged after it', async () => {
    await call('getBriefing', { title: 'T', groupBy: 'section' });
    expect(store.applied).toHaveLength(0);
  });
});

describe('exportBriefing', () => {
  it('gives Markdown and HTML as text and DOCX as base64 of a zip, named after the title', async () => {
    await highlight('TITP', { note: 'A note' });
    const base = { title: 'Japan 2021: labour trafficking in the TITP', groupBy: 'section' };
    const md = await call<{ filename: string; content: string }>('exportBriefing', { ...base, format: 'markdown' });
    expect(md.filename).toBe('fieldmark-briefing-japan-2021-labour-trafficking-in-the-titp.md');
    expect(md.content).toMatch(/^# Japan 2021: labour trafficking in the TITP\n/u);
    const html = await call<{ filename: string; content: string }>('exportBriefing', { ...base, format: 'html' });
    expect(html.filename).toMatch(/\.html$/u);
    expect(html.content).toContain('<title>Japan 2021: labour trafficking in the TITP</title>');
    const docx = await call<{ filename: string; contentBase64: string }>('exportBriefing', { ...base, format: 'docx' });
    expect(docx.filename).toMatch(/\.docx$/u);
    const files = unzipSync(Buffer.from(docx.contentBase64, 'base64'));
    expect(strFromU8(files['word/document.xml']!)).toContain('A note');
    // The created time is the service's clock, not the machine's.
    expect(strFromU8(files['docProps/core.xml']!)).toMatch(/<dcterms:created[^>]*>2026-06-01T00:00:0\dZ</u);
  });

  it('remembers the last options in the settings, once per change', async () => {
    const options = { title: 'Brief', groupBy: 'color', include: { matrix: false }, filter: { colors: ['gap'] } };
    await call('exportBriefing', { ...options, format: 'html' });
    expect((await call<Settings>('getSettings')).briefing).toEqual(options);
    const writes = store.applied.length;
    await call('exportBriefing', { ...options, format: 'markdown' });
    expect(store.applied.length).toBe(writes);
  });

  it('still exports from a read-only data folder, without remembering', async () => {
    open({ readOnly: true });
    const out = await call<{ content: string }>('exportBriefing', { title: 'Brief', groupBy: 'section', format: 'markdown' });
    expect(out.content).toContain('# Brief');
    expect((await call<Settings>('getSettings')).briefing).toBeNull();
  });

  it('refuses bad options with INVALID_INPUT and writes nothing', async () => {
    const bad: unknown[] = [
      { title: '   ', groupBy: 'section', format: 'html' },
      { title: 'x'.repeat(301), groupBy: 'section', format: 'html' },
      { title: 'Two\nlines', groupBy: 'section', format: 'html' },
      { title: 'T', groupBy: 'tag', format: 'html' },
      { title: 'T', groupBy: 'section', format: 'pdf' },
      { title: 'T', groupBy: 'section', format: 'html', ids: ['not-a-uuid'] },
      { title: 'T', groupBy: 'section', format: 'html', summary: 's'.repeat(20_001) },
      { title: 'T', groupBy: 'section', format: 'html', include: { notes: 'yes' } },
      { groupBy: 'section', format: 'html' },
    ];
    for (const input of bad) expect((await refusal('exportBriefing', input)).code).toBe('INVALID_INPUT');
    expect((await refusal('getBriefing', { title: 'T' })).code).toBe('INVALID_INPUT');
    expect(store.applied).toHaveLength(0);
  });
});

describe('settings.briefing', () => {
  it('is null by default, and a store whose settings predate it loads (absent reads as none)', async () => {
    expect(DEFAULT_SETTINGS.briefing).toBeNull();
    const { briefing: _dropped, ...old } = DEFAULT_SETTINGS;
    const doc = StoreDoc.parse({ ...emptyDoc(), settings: old });
    expect(doc.settings.briefing ?? null).toBeNull();
    open({ doc });
    expect((await call<Settings>('getSettings')).briefing ?? null).toBeNull();
    expect((await call<Settings>('updateSettings', { fontSize: 20 })).briefing).toBeNull();
  });

  it('can be set and cleared with updateSettings', async () => {
    const options = { title: 'Kept', groupBy: 'recommendation' };
    expect((await call<Settings>('updateSettings', { briefing: options })).briefing).toEqual(options);
    expect((await call<Settings>('updateSettings', { briefing: null })).briefing).toBeNull();
  });
});

describe('briefingFileName', () => {
  it('slugs any script and falls back to untitled', () => {
    expect(briefingFileName('Japan 2021: TITP — “labour”', 'docx')).toBe('fieldmark-briefing-japan-2021-titp-labour.docx');
    expect(briefingFileName('日本 ２０２１', 'html')).toBe('fieldmark-briefing-日本-2021.html');
    expect(briefingFileName('***', 'markdown')).toBe('fieldmark-briefing-untitled.md');
    expect(briefingFileName('a'.repeat(100), 'docx')).toBe(`fieldmark-briefing-${'a'.repeat(60)}.docx`);
  });
});
