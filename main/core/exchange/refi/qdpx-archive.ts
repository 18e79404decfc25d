/**
 * The files of a .qdpx archive: its project file and its sources. The spec
 * ("QDPX file format") names the project file `project.qde` at the root;
 * ATLAS.ti names it after the project, so a single `.qde` at the root is read
 * too. Internal sources live under `sources/` ("Source paths"); `Sources/` is
 * found as well, since tools differ in case.
 */
import { refuseImport } from './refi-import-error';
import { listZip, readZipEntry, UnzipBudget, type ZipEntry } from './safe-zip';

export interface QdpxArchive {
  projectXml: string;
  /** The text of an internal source by its `internal://` path, or null when the archive lacks it. */
  sourceText(internalPath: string): string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    throw refuseImport(`${what} is not UTF-8 text.`);
  }
}

function findProjectEntry(entries: readonly ZipEntry[]): ZipEntry {
  const atRoot = entries.filter((e) => !e.name.includes('/') && e.name.toLowerCase().endsWith('.qde'));
  const named = atRoot.find((e) => e.name.toLowerCase() === 'project.qde');
  if (named) return named;
  if (atRoot.length === 1) return atRoot[0]!;
  throw refuseImport(atRoot.length === 0 ? 'The archive holds no project.qde, so it is not a REFI-QDA project.' : 'The archive holds several .qde files and no project.qde.');
}

/** Opens `bytes` as a .qdpx, reading each file once and within the zip limits. */
export function openQdpx(bytes: Uint8Array): QdpxArchive {
  const entries = listZip(bytes);
  const budget = new UnzipBudget();
  const projectEntry = findProjectEntry(entries);
  const projectXml = decode(readZipEntry(bytes, projectEntry, budget), 'The project file');
  const sources = new Map(entries.filter((e) => /^sources\/[^/]+$/iu.test(e.name)).map((e) => [e.name.slice('sources/'.length), e]));
  const texts = new Map<string, string>();
  return {
    projectXml,
    sourceText(internalPath) {
      const file = internalPath.replace(/^internal:\/\//u, '');
      const entry = sources.get(file);
      if (!entry) return null;
      if (!texts.has(file)) texts.set(file, decode(readZipEntry(bytes, entry, budget), `The source file "${entry.name}"`));
      return texts.get(file)!;
    },
  };
}
