/**
 * The backup file a user saves and restores (exportBackup, restoreBackup): the
 * whole store — settings (with the colour legend), the codebook, every
 * annotation including tombstones, and the import history — under a format
 * marker and version. A backup made by an older Fieldmark holds an older store
 * format; it goes through the store's migrations before it is checked.
 * Restoring validates the whole file before anything is touched; a file that
 * fails any check is refused with a message naming it. The automatic backups in
 * the data folder are another thing: sealed snapshot copies (backup-rotation.ts).
 */
import { z } from 'zod';
import { FieldmarkError, describeZodError } from '../../../preload/rpc';
import { parseUntrustedJson } from '../validation/safe-json';
import { migrateDoc } from './store-migrations';
import { STORE_VERSION, StoreDoc } from './store-schema';

export const BACKUP_FORMAT = 'fieldmark-backup';
const BACKUP_VERSION = 1;

export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  report: z.object({ title: z.string(), sha256: z.string() }),
  store: StoreDoc,
});
export type BackupFile = z.infer<typeof BackupFile>;

function fail(message: string): never {
  throw new FieldmarkError('INVALID_IMPORT', message);
}

/** Builds the backup file's text from the store document. */
export function renderBackup(doc: StoreDoc, report: { title: string; sha256: string }, createdAt: Date): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    report: { title: report.title, sha256: report.sha256 },
    store: doc,
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Reads and fully validates a backup file; returns the store document to restore. */
export function parseBackup(content: string): BackupFile {
  const root = parseUntrustedJson(content, 'The backup file');
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    fail('This is not a Fieldmark backup: the file does not hold a backup object.');
  }
  const marked = root as Record<string, unknown>;
  if (marked.format !== BACKUP_FORMAT) {
    fail('This is not a Fieldmark backup (its "format" marker is missing). To bring in annotations from another tool, use Import instead.');
  }
  if (typeof marked.version === 'number' && marked.version > BACKUP_VERSION) {
    fail('This backup was made by a newer version of Fieldmark. Update Fieldmark to restore it; your current annotations were not changed.');
  }
  const store = (marked.store ?? null) as Record<string, unknown> | null;
  if (store && typeof store.version === 'number' && store.version > STORE_VERSION) {
    fail('This backup holds data from a newer version of Fieldmark. Update Fieldmark to restore it; your current annotations were not changed.');
  }
  if (store && typeof store.version === 'number' && store.version < STORE_VERSION) {
    try {
      marked.store = migrateDoc(store).doc;
    } catch (error) {
      fail(`The backup file is damaged (${error instanceof Error ? error.message : String(error)}); your current annotations were not changed.`);
    }
  }
  const parsed = BackupFile.safeParse(root);
  if (!parsed.success) fail(`The backup file is damaged (${describeZodError(parsed.error)}); your current annotations were not changed.`);
  const seen = new Set<string>();
  for (const a of parsed.data.store.annotations) {
    if (seen.has(a.id)) fail(`The backup file is damaged (the annotation ${a.id} appears twice); your current annotations were not changed.`);
    seen.add(a.id);
  }
  return parsed.data;
}
