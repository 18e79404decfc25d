/**
 * Reads a .qdpx project into the exchange model, ready for the import preview.
 * Each TextSource's text comes from `PlainTextContent` or from its
 * `plainTextPath` inside the archive; the source counts as this report when its
 * SHA-256 equals the report's. Each PlainTextSelection becomes a coding with the
 * codes of its `Coding`/`CodeRef`s and the notes linked to it by `NoteRef` (on
 * the selection or its codings) or by a `Link` between the two. Positions are
 * code points (refi-positions.ts) and must lie inside the source's text.
 */
import { sha256Hex } from '../../report/report-model';
import { openQdpx, type QdpxArchive } from './qdpx-archive';
import { PROJECT_NS } from './qdpx-write';
import { NOTE_WITHHELD } from '../audience';
import { guidAttr, readCodes, refuseDuplicateGuids } from './refi-codes-read';
import { refuseImport } from './refi-import-error';
import type { ReadCoding, ReadProject, ReadSource } from './refi-model';
import { codePointLength, codePointsToUtf16 } from './refi-positions';
import { childNamed, childrenNamed, parseRefiXml, requiredAttr, type XmlElement } from './xml-tree';

export interface QdpxReadOptions {
  /** This report's verbatim text, to recognise it among the sources. */
  reportText: string;
  /** Used as a coding's creation time when the file gives none. */
  importedAt: string;
}

/** An xsd:dateTime as an ISO string in UTC; a value without a zone is read as UTC. */
function isoOrNull(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const withZone = /(Z|[+-]\d{2}:\d{2})$/u.test(raw.trim()) ? raw.trim() : `${raw.trim()}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function textOf(el: XmlElement, archive: QdpxArchive, what: string): string {
  const content = childNamed(el, 'PlainTextContent');
  if (content) return content.text;
  const path = el.attrs.plainTextPath;
  if (path === undefined) throw refuseImport(`The ${what} "${el.attrs.name ?? el.attrs.guid}" has neither PlainTextContent nor plainTextPath.`);
  if (!path.startsWith('internal://')) throw refuseImport(`The ${what} "${el.attrs.name ?? path}" is a file outside the archive (${path}).`);
  const text = archive.sourceText(path);
  if (text === null) throw refuseImport(`The archive lacks the ${what}'s file ${path}.`);
  return text;
}

/** Note texts by GUID, and the notes each element is linked to (NoteRef or Link). */
function readNotes(root: XmlElement, archive: QdpxArchive): { noteText: Map<string, string>; links: Map<string, string[]> } {
  const noteText = new Map<string, string>();
  for (const note of childrenNamed(childNamed(root, 'Notes') ?? root, 'Note')) noteText.set(guidAttr(note, 'guid'), textOf(note, archive, 'note'));
  const links = new Map<string, string[]>();
  const link = (from: string, note: string) => links.set(from, [...(links.get(from) ?? []), note]);
  for (const el of childrenNamed(childNamed(root, 'Links') ?? root, 'Link')) {
    const origin = el.attrs.originGUID === undefined ? null : guidAttr(el, 'originGUID');
    const target = el.attrs.targetGUID === undefined ? null : guidAttr(el, 'targetGUID');
    if (origin === null || target === null) continue;
    if (noteText.has(target)) link(origin, target);
    else if (noteText.has(origin)) link(target, origin);
  }
  return { noteText, links };
}

function readSelection(sel: XmlElement, source: ReadSource, codeIds: ReadonlySet<string>, notes: ReturnType<typeof readNotes>, importedAt: string): ReadCoding {
  const id = guidAttr(sel, 'guid');
  const [start, end] = (['startPosition', 'endPosition'] as const).map((attr) => {
    const raw = requiredAttr(sel, attr).trim();
    if (!/^\d+$/u.test(raw)) throw refuseImport(`A selection's ${attr} "${raw}" is not a whole number.`);
    return Number(raw);
  }) as [number, number];
  const length = codePointLength(source.text);
  if (start > end || end > length) {
    throw refuseImport(`A selection (${start}–${end}) lies outside its source "${source.name}", which has ${length} characters.`);
  }
  const [from, to] = codePointsToUtf16(source.text, [start, end]) as [number, number];
  const codings = childrenNamed(sel, 'Coding');
  const codes = codings.map((coding) => {
    const ref = childNamed(coding, 'CodeRef');
    if (!ref) throw refuseImport('A <Coding> element has no <CodeRef>, which REFI-QDA requires.');
    const codeId = guidAttr(ref, 'targetGUID');
    if (!codeIds.has(codeId)) throw refuseImport(`A coding refers to the code ${codeId}, which is not in the codebook.`);
    return codeId;
  });
  const refs = [sel, ...codings].flatMap((el) => childrenNamed(el, 'NoteRef').map((r) => guidAttr(r, 'targetGUID')));
  const noteIds = [...new Set([...refs, ...(notes.links.get(id) ?? [])])];
  const note = noteIds.map((n) => notes.noteText.get(n)).filter((t): t is string => t !== undefined).join('\n\n');
  const createdAt = isoOrNull(sel.attrs.creationDateTime) ?? importedAt;
  const description = childNamed(sel, 'Description');
  // Issue 16: Fieldmark's mark of a note withheld from a shared file (qdpx-write.ts).
  const noteWithheld = description !== undefined && description.text.trim() === NOTE_WITHHELD;
  return {
    id,
    sourceId: source.id,
    start: from,
    end: to,
    exact: source.text.slice(from, to),
    codeIds: [...new Set(codes)],
    note,
    ...(noteWithheld ? { noteWithheld } : {}),
    createdAt,
    updatedAt: isoOrNull(sel.attrs.modifiedDateTime),
  };
}

/** Reads `bytes` as a .qdpx; refuses with INVALID_IMPORT and a message naming the problem. */
export function readQdpx(bytes: Uint8Array, options: QdpxReadOptions): ReadProject {
  const archive = openQdpx(bytes);
  const root = parseRefiXmlProject(archive.projectXml);
  const { codes, renamed } = readCodes(childNamed(childNamed(root, 'CodeBook') ?? root, 'Codes'));
  refuseDuplicateGuids(root);
  const notes = readNotes(root, archive);
  const reportHash = sha256Hex(options.reportText);
  const codeIds = new Set(codes.map((c) => c.id));
  const sources: ReadSource[] = [];
  const codings: ReadCoding[] = [];
  for (const el of childrenNamed(childNamed(root, 'Sources') ?? root, 'TextSource')) {
    const text = textOf(el, archive, 'text source');
    const sha256 = sha256Hex(text);
    const source: ReadSource = { id: guidAttr(el, 'guid'), name: el.attrs.name ?? '', text, sha256, isReport: sha256 === reportHash };
    sources.push(source);
    for (const sel of childrenNamed(el, 'PlainTextSelection')) codings.push(readSelection(sel, source, codeIds, notes, options.importedAt));
  }
  return { name: requiredAttr(root, 'name'), origin: root.attrs.origin ?? null, codes, renamed, sources, codings };
}

function parseRefiXmlProject(xml: string): XmlElement {
  return parseRefiXml(xml, 'Project', PROJECT_NS, 'project file');
}

/**
 * The refusal for a project none of whose sources is this report, by hash or by
 * re-anchoring (the service decides the second; this is the one message).
 */
export function unrelatedProjectError(project: Pick<ReadProject, 'name' | 'sources'>): Error {
  const names = project.sources.map((s) => `"${s.name}"`).join(', ') || 'none';
  return refuseImport(`The project "${project.name}" codes other texts (${names}), not the 2021 TIP Report: Japan, so none of its codings can be placed.`);
}
