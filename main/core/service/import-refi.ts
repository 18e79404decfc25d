/**
 * previewImport's reading of a file (issue 13): the text or base64 bytes the
 * contract allows, told apart by content, not by name. A zip is a .qdpx; text
 * whose first character is `<` is REFI-QDA XML (a .qdc); anything else goes to
 * the annotation parser (W3C, Hypothesis, Fieldmark JSON) as before.
 *
 * A REFI-QDA file becomes one plan: its codes merged into ours
 * (refi-code-plan.ts) and, for a project, its codings placed and merged as
 * annotations (refi-incoming.ts, import-merge.ts). A project whose codings
 * cannot be placed in this report at all is refused as unrelated.
 */
import { MAX_IMPORT_BYTES, type PreviewImportInput } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';
import { planImport, countKinds, type ImportPlan, type MergeInput } from '../exchange/import-merge';
import { IMPORT_FORMATS, parseImport } from '../exchange/import-parse';
import { readQdc } from '../exchange/refi/qdc-read';
import { readQdpx, unrelatedProjectError } from '../exchange/refi/qdpx-read';
import { planCodes } from '../exchange/refi/refi-code-plan';
import { incomingFromProject } from '../exchange/refi/refi-incoming';
import type { StoredCode } from '../store/store-schema';

export type ImportFile = { kind: 'text'; text: string } | { kind: 'zip'; bytes: Uint8Array };

const ZIP_MAGIC = [0x50, 0x4b];

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The file previewImport was given: base64 decoded (within 50 MB), and a zip told from text. */
export function importFileOf(input: PreviewImportInput): ImportFile {
  if ('content' in input) return { kind: 'text', text: input.content };
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new FieldmarkError('INVALID_IMPORT', 'The file is larger than 50 MB. Nothing was imported.');
  if (bytes.byteLength === 0) throw new FieldmarkError('INVALID_IMPORT', 'The file is empty. Nothing was imported.');
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return { kind: 'zip', bytes: new Uint8Array(bytes) };
  const text = utf8OrNull(bytes);
  // Binary that is neither a zip nor text was meant as a project: say it is not a zip.
  if (text === null || text.includes('\u0000')) return { kind: 'zip', bytes: new Uint8Array(bytes) };
  return { kind: 'text', text: text.replace(/^\uFEFF/u, '') };
}

function looksLikeXml(text: string): boolean {
  return text.replace(/^\uFEFF/u, '').trimStart().startsWith('<');
}

interface PlanContext {
  merge: MergeInput;
  codes: readonly StoredCode[];
}

/** Plans the import of `file`, whatever its format; throws INVALID_IMPORT naming the problem. */
export function planFileImport(file: ImportFile, context: PlanContext): ImportPlan {
  if (file.kind === 'zip') return planProject(file.bytes, context);
  if (looksLikeXml(file.text)) return planCodebook(file.text, context);
  return planImport(parseImport(file.text), context.merge);
}

function planCodebook(xml: string, { merge, codes }: PlanContext): ImportPlan {
  const book = readQdc(xml);
  const plan = planCodes(book.codes, book.renamed, codes, merge.now.toISOString());
  return { format: IMPORT_FORMATS.qdc, counts: countKinds([], plan.items.map((p) => p.item)), items: [], codes: plan, links: [], assessments: [] };
}

function planProject(bytes: Uint8Array, { merge, codes }: PlanContext): ImportPlan {
  const project = readQdpx(bytes, { reportText: merge.report.text, importedAt: merge.now.toISOString() });
  const codePlan = planCodes(project.codes, project.renamed, codes, merge.now.toISOString());
  const codeItems = codePlan.items.map((p) => p.item);
  if (project.codings.length === 0) {
    if (!project.sources.some((s) => s.isReport) && project.sources.length > 0) throw unrelatedProjectError(project);
    return { format: IMPORT_FORMATS.qdpx, counts: countKinds([], codeItems), items: [], codes: codePlan, links: [], assessments: [] };
  }
  let annotations: ImportPlan;
  try {
    annotations = planImport({ format: IMPORT_FORMATS.qdpx, annotations: incomingFromProject(project, codePlan) }, merge);
  } catch (error) {
    if (error instanceof FieldmarkError && error.code === 'INVALID_IMPORT' && /another document/u.test(error.message)) throw unrelatedProjectError(project);
    throw error;
  }
  return { ...annotations, counts: countKinds(annotations.items.map((p) => p.item), codeItems), codes: codePlan };
}
