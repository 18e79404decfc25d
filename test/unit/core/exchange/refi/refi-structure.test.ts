/**
 * The structure checks must fail on what the spec forbids, or passing them
 * proves nothing: each case breaks one rule in an export and expects the
 * problem to be named.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeQdc } from '../../../../../main/core/exchange/refi/qdc-write';
import { writeQdpx } from '../../../../../main/core/exchange/refi/qdpx-write';
import { checkQdcStructure, checkQdpxStructure } from '../../../../../main/core/exchange/refi/refi-structure';
import { CODES, ID, projectInput, zipOf } from './refi-fixtures';

const qdc = writeQdc(CODES, 'Fieldmark test');
const qdpxFiles = unzipSync(writeQdpx(projectInput(), 'Fieldmark test'));
const qde = strFromU8(qdpxFiles['project.qde']!);

/** The export with project.qde replaced by `edit(qde)`. */
function editedQdpx(edit: (xml: string) => string): Uint8Array {
  const files: Record<string, string | Uint8Array> = { ...qdpxFiles, 'project.qde': edit(qde) };
  return zipOf(files);
}

describe('.qdc structure checks', () => {
  it.each([
    ['the namespace is missing', qdc.replace(' xmlns="urn:QDA-XML:codebook:1.0"', ''), /namespace/],
    ['the namespace is wrong', qdc.replace('urn:QDA-XML:codebook:1.0', 'urn:QDA-XML:project:1.0'), /namespace/],
    ['<Sets> is empty', qdc.replace('</CodeBook>', '<Sets/></CodeBook>'), /<Sets> is not an element|needs at least/],
    ['a code lacks isCodable', qdc.replace(' isCodable="false"', ''), /required attribute isCodable/],
    ['a GUID is malformed', qdc.replace(ID.titp, 'not-a-guid'), /guid="not-a-guid" is not a valid guid/],
    ['a boolean is not one', qdc.replace('isCodable="false"', 'isCodable="no"'), /isCodable="no" is not a valid boolean/],
    ['a colour is not #RRGGBB', qdc.replace('#AA3300', 'red'), /color="red" is not a valid rgb/],
    ['<Description> comes after a child code', qdc.replace(/(<Code guid="22222222[^>]*>)\s*(<Description>[^<]*<\/Description>)(\s*<Code guid="33333333[\s\S]*?<\/Code>)/u, '$1$3$2'), /not allowed at this place/],
    ['<Codes> is empty', qdc.replace(/<Codes>[\s\S]*<\/Codes>/u, '<Codes/>'), /needs at least 1 <Code>/],
    ['two codes share a GUID', qdc.replace(ID.debt, ID.titp), /used twice/],
  ])('names the problem when %s', (_, xml, problem) => {
    expect(checkQdcStructure(xml).join('\n')).toMatch(problem);
  });
});

describe('.qdpx structure checks', () => {
  it.each([
    ['<Notes> comes before <Sources>', (x: string) => x.replace(/(<Sources>[\s\S]*<\/Sources>)\s*(<Notes>[\s\S]*<\/Notes>)/u, '$2$1'), /not allowed at this place/],
    ['a CodeRef points nowhere', (x: string) => x.replace(`<CodeRef targetGUID="${ID.legal}"/>`, '<CodeRef targetGUID="99999999-9999-4999-8999-999999999999"/>'), /no code/],
    ['a selection runs past the text', (x: string) => x.replace(/endPosition="\d+"/u, 'endPosition="100000"'), /not inside its text/],
    ['a selection lacks its end', (x: string) => x.replace(/ endPosition="\d+"/u, ''), /required attribute endPosition/],
    ['a Coding has no CodeRef', (x: string) => x.replace(/<CodeRef targetGUID="[^"]+"\/>/u, ''), /needs at least 1 <CodeRef>/],
    ['a date is not an xsd:dateTime', (x: string) => x.replace(/creationDateTime="[^"]+"/u, 'creationDateTime="yesterday"'), /not a valid dateTime/],
    ['the project has no name', (x: string) => x.replace(/ name="2021 TIP Report: Japan"/u, ''), /required attribute name/],
    ['the root is in the codebook namespace', (x: string) => x.replace('urn:QDA-XML:project:1.0', 'urn:QDA-XML:codebook:1.0'), /namespace/],
  ])('names the problem when %s', (_, edit, problem) => {
    expect(checkQdpxStructure(editedQdpx(edit)).join('\n')).toMatch(problem);
  });

  it('names a missing source file and a stray file', () => {
    const files: Record<string, string | Uint8Array> = { 'project.qde': qde, 'extra.txt': 'x' };
    const problems = checkQdpxStructure(zipOf(files)).join('\n');
    expect(problems).toMatch(/is not in the archive under sources/);
    expect(problems).toMatch(/extra.txt is neither/);
  });

  it('names an archive without project.qde and a file that is not a zip', () => {
    expect(checkQdpxStructure(zipOf({ 'other.qde': qde }))).toEqual(['The archive has no project.qde at its root.']);
    expect(checkQdpxStructure(new TextEncoder().encode('plain text'))[0]).toMatch(/Not a zip/);
  });
});
