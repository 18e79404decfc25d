import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdc } from '../../../../../main/core/exchange/refi/qdc-read';
import { writeQdc } from '../../../../../main/core/exchange/refi/qdc-write';
import { readQdpx, unrelatedProjectError } from '../../../../../main/core/exchange/refi/qdpx-read';
import { writeQdpx } from '../../../../../main/core/exchange/refi/qdpx-write';
import { FieldmarkError } from '../../../../../preload/rpc';
import { ASTRAL_TEXT, CODES, ID, projectInput, zipOf } from './refi-fixtures';

const IMPORTED_AT = '2026-03-01T00:00:00.000Z';
const qdc = writeQdc(CODES, 'Fieldmark test');
const qde = strFromU8(unzipSync(writeQdpx(projectInput(), 'Fieldmark test'))['project.qde']!);
const read = (bytes: Uint8Array, reportText = ASTRAL_TEXT) => readQdpx(bytes, { reportText, importedAt: IMPORTED_AT });

/** Runs `fn` and returns the INVALID_IMPORT message it must throw. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldmarkError);
    expect((error as FieldmarkError).code).toBe('INVALID_IMPORT');
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

/** A hand-made project in the shape other tools write. */
function otherToolProject(body: string, files: Record<string, string> = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Colleague" origin="OtherTool 9">${body}</Project>`;
  return zipOf({ 'project.qde': xml, ...files });
}

const BRACED = '{' + ID.titp.toUpperCase() + '}';
const CODEBOOK = `<CodeBook><Codes><Code guid="${BRACED}" name="Labour/TITP, interns" isCodable="1" color="#a30"><Description>Def</Description></Code></Codes></CodeBook>`;

describe('reading a .qdc', () => {
  it('reads codes, tree, definitions, colours and codable flags back', () => {
    const book = readQdc(qdc);
    expect(book.origin).toBe('Fieldmark test');
    expect(book.codes).toEqual(CODES.map((c) => ({ ...c, color: c.color?.toUpperCase() ?? null })));
    expect(book.renamed).toEqual([]);
  });

  it('accepts braced upper-case GUIDs, #RGB colours and 1/0 booleans, and reports names it had to change', () => {
    const book = readQdc(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0">${CODEBOOK.slice('<CodeBook>'.length, -'</CodeBook>'.length)}</CodeBook>`);
    expect(book.codes).toEqual([{ id: ID.titp, name: 'Labour\u2215TITP\u201A interns', parentId: null, description: 'Def', color: '#AA3300', codable: true }]);
    expect(book.renamed).toEqual([{ id: ID.titp, original: 'Labour/TITP, interns', name: 'Labour\u2215TITP\u201A interns' }]);
  });

  it.each([
    ['a DOCTYPE', qdc.replace('<CodeBook', '<!DOCTYPE x [<!ENTITY a "b">]>\n<CodeBook'), /DOCTYPE or entity/],
    ['an entity declaration without DOCTYPE keyword case', qdc.replace('<CodeBook', '<!doctype CodeBook>\n<CodeBook'), /DOCTYPE or entity/],
    ['no namespace (as Taguette once wrote)', qdc.replace(' xmlns="urn:QDA-XML:codebook:1.0"', ''), /namespace/],
    ['the wrong root', qdc.replace(/CodeBook/gu, 'Project'), /root element is <Project>/],
    ['a code without isCodable', qdc.replace(' isCodable="false"', ''), /no isCodable attribute/],
    ['a code without name', qdc.replace(' name="TITP"', ''), /no name attribute/],
    ['a code that contains itself', qdc.replace(ID.debt, ID.labour), /code cycle/],
    ['two codes with one GUID', qdc.replace(ID.legal, ID.labour), /share the GUID/],
    ['a GUID that is not one', qdc.replace(ID.legal, 'x-y'), /is not a GUID/],
    ['broken XML', qdc.slice(0, -20), /not well-formed/],
  ])('refuses %s', (_, xml, message) => {
    expect(refusal(() => readQdc(xml))).toMatch(message);
  });
});

describe('reading a .qdpx', () => {
  it('recognises this report by its SHA-256 and an unrelated text as unrelated', () => {
    const bytes = writeQdpx(projectInput(), 'Fieldmark test');
    expect(read(bytes).sources.map((s) => s.isReport)).toEqual([true]);
    const other = read(bytes, 'another text');
    expect(other.sources.map((s) => s.isReport)).toEqual([false]);
    expect(unrelatedProjectError(other).message).toMatch(/codes other texts \("tip-2021-japan.txt"\), not the 2021 TIP Report: Japan/);
  });

  it('reads the shapes other tools write: braced GUIDs, Sources/ folder, PlainTextContent, memos by NoteRef or Link, a .qde named after the project', () => {
    const sel = (guid: string, s: number, e: number, inner: string, when = '') => `<PlainTextSelection guid="${guid}" startPosition="${s}" endPosition="${e}"${when}>${inner}</PlainTextSelection>`;
    const coding = `<Coding guid="{0000AAAA-0000-4000-8000-00000000C0DE}"><CodeRef targetGUID="${BRACED}"/></Coding>`;
    const body = `${CODEBOOK}<Sources>
      <TextSource guid="{5A5A5A5A-0000-4000-8000-000000000001}" name="inline"><PlainTextContent>${ASTRAL_TEXT.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</PlainTextContent>
        ${sel('{5A5A5A5A-0000-4000-8000-0000000000A1}', 8, 13, `${coding}<NoteRef targetGUID="{5A5A5A5A-0000-4000-8000-0000000000F1}"/>`, ' creationDateTime="2024-05-06T07:08:09"')}
      </TextSource>
      <TextSource guid="5a5a5a5a-0000-4000-8000-000000000002" name="file" plainTextPath="internal://doc.txt">${sel('5a5a5a5a-0000-4000-8000-0000000000a2', 0, 2, '')}</TextSource>
    </Sources><Notes>
      <Note guid="{5A5A5A5A-0000-4000-8000-0000000000F1}"><PlainTextContent>By NoteRef</PlainTextContent></Note>
      <Note guid="5a5a5a5a-0000-4000-8000-0000000000f2" plainTextPath="internal://memo.txt"/>
    </Notes><Links><Link guid="5a5a5a5a-0000-4000-8000-0000000000b1" originGUID="5a5a5a5a-0000-4000-8000-0000000000f2" targetGUID="{5A5A5A5A-0000-4000-8000-0000000000A2}"/></Links>`;
    const xml = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="Colleague">${body}</Project>`;
    const project = read(zipOf({ 'Trial.qde': xml, 'Sources/doc.txt': '😀 hi', 'Sources/memo.txt': 'By Link' }));
    expect(project.sources.map((s) => [s.name, s.isReport])).toEqual([['inline', true], ['file', false]]);
    const [a, b] = project.codings;
    expect(a).toMatchObject({ id: '5a5a5a5a-0000-4000-8000-0000000000a1', codeIds: [ID.titp], note: 'By NoteRef', createdAt: '2024-05-06T07:08:09.000Z', updatedAt: null });
    // Code points 8–13 after one emoji are UTF-16 offsets 9–14.
    expect([a!.start, a!.end, a!.exact]).toEqual([9, 14, ASTRAL_TEXT.slice(9, 14)]);
    expect(b).toMatchObject({ start: 0, end: 3, exact: '😀 ', note: 'By Link', createdAt: IMPORTED_AT, codeIds: [] });
    expect(project.renamed).toHaveLength(1);
  });

  it.each([
    ['positions past the end of the text', qde.replace(/endPosition="\d+"/u, 'endPosition="100000"'), /lies outside its source/],
    ['a start after its end', qde.replace(/startPosition="\d+"/u, 'startPosition="99"'), /lies outside its source/],
    ['a selection without startPosition', qde.replace(/ startPosition="\d+"/u, ''), /no startPosition attribute/],
    ['a coding of a code the codebook lacks', qde.replace(`<CodeRef targetGUID="${ID.legal}"/>`, '<CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/>'), /not in the codebook/],
    ['duplicate GUIDs', qde.replace(ID.a2, ID.a1), /share the GUID/],
    ['a code cycle', qde.replace(ID.debt, ID.labour), /code cycle/],
    ['the wrong namespace', qde.replace('urn:QDA-XML:project:1.0', 'urn:example'), /not in the REFI-QDA namespace/],
    ['an entity declaration', qde.replace('<Project', '<!DOCTYPE Project [<!ENTITY lol "lol">]>\n<Project'), /DOCTYPE or entity/],
  ])('refuses %s', (_, xml, message) => {
    const files = unzipSync(writeQdpx(projectInput(), 'Fieldmark test'));
    expect(refusal(() => read(zipOf({ ...files, 'project.qde': xml })))).toMatch(message);
  });

  it('refuses a source that is missing from the archive or lives outside it', () => {
    const missing = otherToolProject(`<Sources><TextSource guid="${ID.a1}" plainTextPath="internal://gone.txt"/></Sources>`);
    expect(refusal(() => read(missing))).toMatch(/lacks the text source's file internal:\/\/gone.txt/);
    const outside = otherToolProject(`<Sources><TextSource guid="${ID.a1}" name="x" plainTextPath="relative:///x.txt"/></Sources>`);
    expect(refusal(() => read(outside))).toMatch(/outside the archive/);
  });

  it('refuses an archive without a project file', () => {
    expect(refusal(() => read(zipOf({ 'sources/a.txt': 'a' })))).toMatch(/no project.qde/);
  });
});
