/**
 * Builders for the exchange tests: the real report, annotation views and stored
 * records placed on it, with deterministic ids and dates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnnotationView, ColorId } from '../../preload/contract';
import { buildReportModel, locateRange, type ReportModel } from '../../main/core/report/report-model';
import type { TaggedAnnotation } from '../../main/core/store/store-schema';
import { NASTY_STRINGS } from './nasty-strings';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Our own test data (test/fixtures/): everything `npm test` reads lives inside the repository. */
export const ownFixtures = path.join(repoRoot, 'test/fixtures');

/** A JSON file from test/fixtures/, parsed. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(ownFixtures, name), 'utf8')) as T;
}

let cached: ReportModel | null = null;

/** The bundled report, parsed once per test file. */
export function report(): ReportModel {
  cached ??= buildReportModel(readFileSync(path.join(repoRoot, 'assets/report/tip-2021-japan.txt'), 'utf8'));
  return cached;
}

/** A deterministic UUID (version 4 layout) from a number. */
export function uuidFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** An ISO date `minutes` after a fixed epoch. */
export function isoAt(minutes: number): string {
  return new Date(Date.UTC(2026, 10, 29, 8, 0, 0) + minutes * 60_000).toISOString();
}

export interface RecordSpec {
  id?: string;
  start: number;
  end: number;
  color?: ColorId;
  note?: string;
  tags?: string[];
  createdAt?: string;
  updatedAt?: string;
  deletedAt?: string | null;
}

/** An annotation on the bundled report at [start, end), with its codes as tags (storeWith makes the codes). */
export function storedAt(spec: RecordSpec, n = 1): TaggedAnnotation {
  const model = report();
  const { text } = model;
  return {
    id: spec.id ?? uuidFor(n),
    createdAt: spec.createdAt ?? isoAt(0),
    updatedAt: spec.updatedAt ?? spec.createdAt ?? isoAt(0),
    deletedAt: spec.deletedAt ?? null,
    color: spec.color ?? 'key',
    note: spec.note ?? '',
    tags: spec.tags ?? [],
    target: {
      source: `urn:sha256:${model.sha256}`,
      sha256: model.sha256,
      selector: [
        { type: 'TextPositionSelector', start: spec.start, end: spec.end },
        {
          type: 'TextQuoteSelector',
          exact: text.slice(spec.start, spec.end),
          prefix: text.slice(Math.max(0, spec.start - 32), spec.start),
          suffix: text.slice(spec.end, spec.end + 32),
        },
      ],
    },
  };
}

/** The view of a stored annotation placed exactly where its position says. */
export function viewOf(record: TaggedAnnotation, status: AnnotationView['anchor']['status'] = 'exact'): AnnotationView {
  const [position, quote] = record.target.selector;
  const where = locateRange(report().blocks, position.start, position.end);
  return {
    id: record.id,
    color: record.color,
    note: record.note,
    tags: record.tags,
    codeIds: [],
    sensitivity: record.sensitivity ?? 'normal',
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
    start: position.start,
    end: position.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    ...where,
    anchor: { status, score: status === 'orphan' ? 0 : 1 },
    links: [],
    target: record.target,
  };
}

/** A view whose quote is arbitrary text (for escaping tests), placed at the given block. */
export function viewWithText(n: number, exact: string, note: string, tags: string[] = []): AnnotationView {
  const block = report().blocks.find((b) => b.kind === 'paragraph')!;
  const record = storedAt({ start: block.start, end: block.start + 10, note, tags }, n);
  return { ...viewOf(record), exact };
}

function block(section: string, paragraph: number) {
  return report().blocks.find((b) => b.section === section && b.paragraph === paragraph && b.kind !== 'heading')!;
}

/**
 * The W3C export tests' views: a commented note, a plain highlight, a tombstone,
 * an orphan from another text, and one view per hostile string.
 */
export function w3cSampleViews(): AnnotationView[] {
  const p = block('protection', 2);
  const q = block('prevention', 3);
  const commented = viewOf(storedAt({ start: p.start, end: p.start + 60, note: 'Check the 2020 figures', tags: ['legal/visa', 'shelters'], color: 'gap', createdAt: isoAt(1), updatedAt: isoAt(9) }, 1));
  const highlight = viewOf(storedAt({ start: q.start + 5, end: q.start + 30, color: 'progress' }, 2));
  const tombstone = viewOf(storedAt({ start: q.start, end: q.start + 12, note: 'private thoughts', tags: ['secret'], deletedAt: isoAt(20), updatedAt: isoAt(20) }, 3));
  const orphanRecord = storedAt({ start: 10, end: 40, color: 'question', note: 'gone' }, 4);
  orphanRecord.target = {
    source: 'urn:sha256:' + 'a'.repeat(64),
    sha256: 'a'.repeat(64),
    selector: [
      { type: 'TextPositionSelector', start: 10, end: 40 },
      { type: 'TextQuoteSelector', exact: 'a sentence that was removed', prefix: 'before ', suffix: ' after' },
    ],
  };
  const orphan: AnnotationView = { ...viewOf(orphanRecord), exact: 'a sentence that was removed', anchor: { status: 'orphan', score: 0 } };
  const nasty = NASTY_STRINGS.map((s, i) => viewWithText(100 + i, s || 'x', s, s && !/[\r\n,\p{Cc}]/u.test(s) ? [s.trim() || 'x'] : []));
  return [commented, highlight, tombstone, orphan, ...nasty];
}
