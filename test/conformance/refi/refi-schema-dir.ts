/**
 * Where the official REFI-QDA XSDs are for `npm run test:conformance -- --refi <dir>`.
 * They are not in the repository: get them from the REFI-QDA standard's site
 * (qdasoftware.org) or its published copies. The Project schema is published as
 * `Project.xsd` (release of 18 March 2019, also distributed as
 * `Project-mrt2019.xsd`); the codebook schema as `Codebook.xsd`. Any file under
 * the folder whose name starts with "Project" or "Codebook" and ends in ".xsd"
 * (any case) is taken.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const REFI_ENV = 'FIELDMARK_CONFORMANCE_REFI';

export interface RefiSchemas {
  project: { fileName: string; contents: string };
  codebook: { fileName: string; contents: string };
}

function filesUnder(dir: string, depth = 3): string[] {
  if (depth < 0) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, depth - 1) : [full];
  });
}

/** The two schemas under `dir`, or a sentence saying which one is missing. */
export function findRefiSchemas(dir: string): RefiSchemas | string {
  let files: string[];
  try {
    files = filesUnder(dir);
  } catch {
    return `No folder at ${dir}.`;
  }
  const pick = (prefix: string) => files.find((f) => new RegExp(`^${prefix}[^/\\\\]*\\.xsd$`, 'iu').test(path.basename(f)));
  const project = pick('project');
  const codebook = pick('codebook');
  if (!project || !codebook) {
    return `No REFI-QDA ${!project ? 'Project' : 'Codebook'} schema (${!project ? 'Project.xsd or Project-mrt2019.xsd' : 'Codebook.xsd'}) under ${dir}.`;
  }
  const read = (file: string) => ({ fileName: path.basename(file), contents: readFileSync(file, 'utf8') });
  return { project: read(project), codebook: read(codebook) };
}

/** The schemas the runner found; the REFI tests cannot run without them. */
export function refiSchemas(): RefiSchemas {
  const dir = process.env[REFI_ENV];
  if (!dir) throw new Error(`${REFI_ENV} is not set: run these tests with npm run test:conformance -- --refi <dir>.`);
  const found = findRefiSchemas(dir);
  if (typeof found === 'string') throw new Error(found);
  return found;
}
