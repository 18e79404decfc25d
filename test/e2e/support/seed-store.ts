/**
 * Seeds a data folder with many annotations before a host starts, by writing
 * the store's own sealed snapshot (the real encoder, the real schema): creating
 * 10,000 annotations through the HTTP API one by one would take minutes.
 * The annotations are the benchmarks' seeded, realistic set (word-aligned ranges
 * in every section, overlaps, notes and tags), plus any extra records a test
 * needs to find again.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SNAPSHOT_FILE } from '../../../main/core/store/journal-adapter';
import { encodeSnapshot } from '../../../main/core/store/snapshot-codec';
import { quoteSelectorFor } from '../../../main/core/anchoring/quote-selector';
import { loadReport, type ReportModel } from '../../../main/core/report/report-model';
import { randomUUID } from 'node:crypto';
import { resolveCodePaths } from '../../../main/core/store/code-resolve';
import { StoreDoc, emptyDoc, type StoredAnnotation, type StoredCode } from '../../../main/core/store/store-schema';
import { FIXTURE_CODES, generateAnnotations } from '../../bench/fixtures/annotations';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ExtraAnnotation {
  id: string;
  start: number;
  end: number;
  color: StoredAnnotation['color'];
  note?: string;
  tags?: string[];
}

/** The bundled report as the service loads it. */
export function loadE2eReport(): Promise<ReportModel> {
  return loadReport(path.join(REPO_ROOT, 'assets'));
}

function stored(report: ReportModel, extra: ExtraAnnotation, codes: StoredCode[]): StoredAnnotation {
  const at = new Date(Date.UTC(2025, 5, 1)).toISOString();
  return {
    id: extra.id,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    color: extra.color,
    note: extra.note ?? '',
    codeIds: codeIdsFor(codes, extra.tags ?? [], at),
    target: {
      source: `urn:sha256:${report.sha256}`,
      sha256: report.sha256,
      selector: [{ type: 'TextPositionSelector', start: extra.start, end: extra.end }, quoteSelectorFor(report.text, extra.start, extra.end)],
    },
  };
}

/** The codes of `tags` (made and added to `codes` when new), as saving them through the service would. */
function codeIdsFor(codes: StoredCode[], tags: readonly string[], at: string): string[] {
  const { codeIds, created } = resolveCodePaths(codes, tags, { now: at, newId: () => randomUUID() });
  codes.push(...created);
  return codeIds;
}

/** Writes a store of `count` seeded annotations (plus `extras`) into `dataDir`; returns what was written. */
export async function seedStore(dataDir: string, report: ReportModel, count: number, extras: readonly ExtraAnnotation[] = []): Promise<StoreDoc> {
  const doc = emptyDoc();
  doc.codes = [...FIXTURE_CODES];
  doc.annotations = [...generateAnnotations(report, count), ...extras.map((e) => stored(report, e, doc.codes))];
  // Validate as a load would, so a broken seed fails here and not as a "moved aside" notice in the app.
  const checked = StoreDoc.parse(doc);
  await writeFile(path.join(dataDir, SNAPSHOT_FILE), encodeSnapshot(checked).bytes);
  return checked;
}
