/**
 * B12's stores: the bench's seeded, realistic annotation set (word-aligned
 * ranges in every section, overlaps, notes, tags, all five colours) created
 * through each side's own `createAnnotation` over HTTP, because the two sides'
 * store formats may differ. A seeded folder is a template: every launch gets a
 * fresh copy, so what one launch changes never leaks into the next.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReportModel } from '../../../main/core/report/report-model';
import { fixtureTags, generateAnnotations } from '../fixtures/annotations';
import { startApp } from './app-host';

/** Requests in flight while seeding (the service orders them; this only hides the round trips). */
const SEED_CONCURRENCY = 8;
const DONE_MARK = '.b12-seeded';

export interface CreateInput {
  start: number;
  end: number;
  color: string;
  note?: string;
  tags?: string[];
}

/** The seeded set as `createAnnotation` inputs. */
export function seedInputs(report: ReportModel, count: number): CreateInput[] {
  return generateAnnotations(report, count).map((a) => {
    const [position] = a.target.selector;
    return {
      start: position.start,
      end: position.end,
      color: a.color,
      ...(a.note ? { note: a.note } : {}),
      ...(a.codeIds.length > 0 ? { tags: fixtureTags(a) } : {}),
    };
  });
}

async function seedThrough(root: string, dataDir: string, inputs: readonly CreateInput[]): Promise<void> {
  const app = await startApp(root, dataDir);
  try {
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) await app.call('createAnnotation', inputs[next++]);
    };
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
    const listed = await app.call<Array<{ deletedAt: string | null }>>('listAnnotations');
    const live = listed.filter((a) => a.deletedAt === null).length;
    if (live !== inputs.length) throw new Error(`seeding made ${live} live annotations, expected ${inputs.length}`);
  } finally {
    await app.stop();
  }
}

/**
 * A template data folder holding `count` annotations created through the app at
 * `root`. With a `cacheKey` (a commit hash) the template is kept in os.tmpdir()
 * and reused by later runs; without one it lives under `scratch`.
 */
export async function seededTemplate(
  root: string,
  report: ReportModel,
  count: number,
  where: { scratch: string; cacheKey?: string },
  log: (line: string) => void,
): Promise<string> {
  const dir = where.cacheKey
    ? path.join(tmpdir(), `fieldmark-b12-store-${where.cacheKey}-${count}`)
    : path.join(where.scratch, `store-${count}`);
  if (existsSync(path.join(dir, DONE_MARK))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  await seedThrough(root, dir, seedInputs(report, count));
  log(`seeded ${count.toLocaleString('en')} annotations through createAnnotation in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await writeFile(path.join(dir, DONE_MARK), `${count}\n`);
  return dir;
}

/** A fresh copy of a template for one launch. */
export async function freshCopy(template: string, scratch: string): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'data-'));
  await cp(template, dir, { recursive: true, filter: (src) => path.basename(src) !== DONE_MARK });
  return dir;
}
