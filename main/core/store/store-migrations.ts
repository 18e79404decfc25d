/**
 * Store format migrations: an ordered chain of version-to-version steps that
 * bring an older document up to STORE_VERSION before it is validated, and the
 * journal lines written in an older format up to the current ops before they
 * are replayed (else an upgrade would drop the changes not yet folded into the
 * snapshot). Each format change adds one step here, with a test on a real file
 * of the old format (test/fixtures/store-format-*).
 */
import { addTrackerDoc, addTrackerOps } from './migrate-add-tracker';
import { tagsToCodesDoc, tagsToCodesOps } from './migrate-tags-to-codes';
import { STORE_VERSION, type StoreDoc } from './store-schema';

export interface Migration {
  from: number;
  to: number;
  /** One line: what changed in the format. */
  describe: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
  /** One journal batch of version `from` as ops of version `to`, given the (current) document it replays onto. */
  upOps?(doc: StoreDoc, ops: unknown): unknown;
}

export const MIGRATIONS: readonly Migration[] = [
  { from: 1, to: 2, describe: 'free tags become codes; annotations hold code ids', up: tagsToCodesDoc, upOps: (doc, ops) => tagsToCodesOps(doc.codes, ops) },
  { from: 2, to: 3, describe: 'recommendation assessments and links; settings gain the assessor', up: addTrackerDoc, upOps: addTrackerOps },
];

/**
 * A journal batch of an older version as ops of the current one, or null when
 * no chain leads from its version (the caller counts it as invalid).
 */
export function migrateOps(doc: StoreDoc, from: number, ops: unknown, migrations: readonly Migration[] = MIGRATIONS, current: number = STORE_VERSION): unknown {
  let result = ops;
  for (let version = from; version < current; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step?.upOps) return null;
    result = step.upOps(doc, result);
  }
  return result;
}

/** The document comes from a newer Fieldmark than this one: open it read-only, never rewrite it. */
export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`The annotations file has format ${version}; this version of Fieldmark reads format ${STORE_VERSION}.`);
    this.name = 'NewerVersionError';
  }
}

/** The document is not a Fieldmark store at all, or of a version no migration leads from. */
export class UnknownFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnknownFormatError';
  }
}

export interface MigrationResult {
  doc: Record<string, unknown>;
  /** The version the document had on disk. */
  from: number;
  steps: number;
}

/** Checks that a chain is ordered and contiguous and ends at `current`; throws if not. */
export function checkMigrations(migrations: readonly Migration[], current: number = STORE_VERSION): void {
  for (let i = 0; i < migrations.length; i++) {
    const step = migrations[i]!;
    if (!Number.isInteger(step.from) || step.to !== step.from + 1) {
      throw new Error(`Migration ${i} must go from one version to the next (found ${step.from} → ${step.to}).`);
    }
    const next = migrations[i + 1];
    if (next && next.from !== step.to) throw new Error(`Migrations must be contiguous (${step.to} is followed by ${next.from}).`);
  }
  const last = migrations[migrations.length - 1];
  if (last && last.to !== current) throw new Error(`The last migration must end at version ${current} (it ends at ${last.to}).`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Brings a parsed document to the current version, applying each step in order.
 * Throws NewerVersionError for a newer document and UnknownFormatError when the
 * root is not an object, has no valid `version`, or is older than any migration.
 */
export function migrateDoc(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = STORE_VERSION,
): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UnknownFormatError(`it holds ${describeValue(raw)} where an annotations document was expected`);
  }
  let doc = raw as Record<string, unknown>;
  const from = doc.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    throw new UnknownFormatError('it has no valid format version');
  }
  if (from > current) throw new NewerVersionError(from);
  checkMigrations(migrations, current);
  let version = from;
  let steps = 0;
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new UnknownFormatError(`its format ${from} is older than any this version of Fieldmark can read`);
    doc = { ...step.up(doc), version: step.to };
    version = step.to;
    steps++;
  }
  return { doc, from, steps };
}
