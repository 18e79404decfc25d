/**
 * The .qdpx project (REFI-QDA Project Exchange, Project.xsd; the spec's "QDPX
 * file format" and "Source paths": a zip holding one `project.qde` and the
 * internal sources under `sources/`). The report is one `TextSource` whose text
 * is the file `sources/<guid>.txt`, referred to as
 * `plainTextPath="internal://<guid>.txt"`. Each annotation is a
 * `PlainTextSelection` with one `Coding`/`CodeRef` per code; its note is a
 * `Note` under `<Notes>` (a memo shaped as a TextSource: NotesType holds
 * TextSourceType elements), attached with `<NoteRef>`. Elements follow
 * ProjectType's sequence: Users, CodeBook, Variables, Cases, Sources, Notes,
 * Links, Sets, Graphs, Description, NoteRef.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { strToU8, zipSync } from 'fflate';
import { sha256Hex } from '../../report/report-model';
import { appendCodes } from './refi-codes-xml';
import { derivedGuid } from './refi-guid';
import { RefiProjectInput, type RefiCoding } from './refi-model';
import { utf16ToCodePoints } from './refi-positions';
import { xmlSafeAttribute, xmlSafeText } from './refi-xml-text';
import { NOTE_WITHHELD } from '../audience';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const PROJECT_FILE = 'project.qde';

/** The stable GUIDs of an export: the source from the text's hash, notes and codings from their annotation. */
export const exportGuids = {
  source: (sha256: string) => derivedGuid('fieldmark-source', sha256),
  note: (codingId: string) => derivedGuid('fieldmark-note', codingId),
  coding: (codingId: string, codeId: string) => derivedGuid('fieldmark-coding', codingId, codeId),
};

function appendSelection(source: XMLBuilder, coding: RefiCoding, positions: { start: number; end: number }): void {
  const attrs: Record<string, string> = {
    guid: coding.id,
    startPosition: String(positions.start),
    endPosition: String(positions.end),
    creationDateTime: coding.createdAt,
  };
  if (coding.updatedAt !== null) attrs.modifiedDateTime = coding.updatedAt;
  const sel = source.ele('PlainTextSelection', attrs);
  // SelectionType's sequence: Description, then Coding*, then NoteRef*.
  if (coding.noteWithheld) sel.ele('Description').txt(NOTE_WITHHELD);
  for (const codeId of coding.codeIds) {
    sel.ele('Coding', { guid: exportGuids.coding(coding.id, codeId), creationDateTime: coding.createdAt }).ele('CodeRef', { targetGUID: codeId });
  }
  if (coding.note !== '') sel.ele('NoteRef', { targetGUID: exportGuids.note(coding.id) });
}

function appendNotes(project: XMLBuilder, codings: readonly RefiCoding[]): void {
  const withNotes = codings.filter((c) => c.note !== '');
  if (withNotes.length === 0) return;
  const notes = project.ele('Notes');
  for (const coding of withNotes) {
    notes
      .ele('Note', { guid: exportGuids.note(coding.id), name: 'Note', creationDateTime: coding.updatedAt ?? coding.createdAt })
      .ele('PlainTextContent')
      .txt(xmlSafeText(coding.note));
  }
}

/** project.qde's text for `input`; `origin` names the writer. */
export function writeProjectXml(raw: RefiProjectInput, origin: string): string {
  const input = RefiProjectInput.parse(raw);
  const sourceGuid = exportGuids.source(sha256Hex(input.sourceText));
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(PROJECT_NS, 'Project', {
    name: xmlSafeAttribute(input.name),
    origin,
    creationDateTime: input.exportedAt,
  });
  if (input.codes.length > 0) appendCodes(root.ele('CodeBook'), input.codes);
  const source = root.ele('Sources').ele('TextSource', {
    guid: sourceGuid,
    name: xmlSafeAttribute(input.sourceName),
    plainTextPath: `internal://${sourceGuid}.txt`,
  });
  const offsets = utf16ToCodePoints(input.sourceText, input.codings.flatMap((c) => [c.start, c.end]));
  input.codings.forEach((coding, i) => appendSelection(source, coding, { start: offsets[2 * i]!, end: offsets[2 * i + 1]! }));
  appendNotes(root, input.codings);
  return root.end({ prettyPrint: true });
}

/** The .qdpx archive: project.qde and the report's text as sources/<guid>.txt (UTF-8). */
export function writeQdpx(input: RefiProjectInput, origin: string): Uint8Array {
  const sourceGuid = exportGuids.source(sha256Hex(input.sourceText));
  return zipSync(
    {
      [PROJECT_FILE]: strToU8(writeProjectXml(input, origin)),
      [`sources/${sourceGuid}.txt`]: strToU8(input.sourceText),
    },
    { level: 6, mtime: new Date(input.exportedAt) },
  );
}
