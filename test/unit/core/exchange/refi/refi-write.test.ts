import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeQdc } from '../../../../../main/core/exchange/refi/qdc-write';
import { exportGuids, writeProjectXml, writeQdpx } from '../../../../../main/core/exchange/refi/qdpx-write';
import { checkQdcStructure, checkQdpxStructure } from '../../../../../main/core/exchange/refi/refi-structure';
import { sha256Hex } from '../../../../../main/core/report/report-model';
import { ASTRAL_TEXT, CODES, ID, projectInput } from './refi-fixtures';

const ORIGIN = 'Fieldmark 0.1.0';

describe('.qdc export', () => {
  const xml = writeQdc(CODES, ORIGIN);

  it('passes the structure checks', () => {
    expect(checkQdcStructure(xml)).toEqual([]);
  });

  it('has the codebook namespace and origin on the root, nests codes and leaves out <Sets>', () => {
    expect(xml).toContain(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${ORIGIN}">`);
    expect(xml).not.toContain('<Sets');
    expect(xml).toMatch(new RegExp(`<Code guid="${ID.labour}"[^>]*>\\s*<Description>[^<]*</Description>\\s*<Code guid="${ID.titp}"[^>]*>\\s*<Description>[^<]*</Description>\\s*<Code guid="${ID.debt}"`, 'u'));
  });

  it('escapes names and definitions instead of concatenating them', () => {
    expect(xml).toContain('name="Legal &amp; &quot;policy&quot; &lt;framework&gt;"');
    expect(xml).toContain('<Description>Laws &amp; rules.</Description>');
  });

  it('writes isCodable and upper-case #RRGGBB colours, and no colour attribute for none', () => {
    expect(xml).toMatch(new RegExp(`guid="${ID.labour}" name="Labour exploitation" isCodable="false" color="#AA3300"`, 'u'));
    expect(xml).toMatch(new RegExp(`guid="${ID.debt}"[^>]*color="#0055FF"`, 'u'));
    expect(xml).not.toMatch(new RegExp(`guid="${ID.titp}"[^>]*color=`, 'u'));
  });

  it('refuses an empty codebook and a parent cycle', () => {
    expect(() => writeQdc([], ORIGIN)).toThrow(/at least one code/);
    const cyclic = [
      { ...CODES[1]!, parentId: ID.debt },
      { ...CODES[2]!, parentId: ID.titp },
    ];
    expect(() => writeQdc(cyclic, ORIGIN)).toThrow(/cycle/);
  });
});

describe('.qdpx export', () => {
  const input = projectInput();
  const bytes = writeQdpx(input, ORIGIN);
  const files = unzipSync(bytes);
  const sourceGuid = exportGuids.source(sha256Hex(ASTRAL_TEXT));

  it('passes the structure checks', () => {
    expect(checkQdpxStructure(bytes)).toEqual([]);
  });

  it('holds project.qde and the text as sources/<guid>.txt, byte for byte', () => {
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${sourceGuid}.txt`]);
    expect(strFromU8(files[`sources/${sourceGuid}.txt`]!)).toBe(ASTRAL_TEXT);
    expect(strFromU8(files['project.qde']!)).toContain(`plainTextPath="internal://${sourceGuid}.txt"`);
  });

  it('writes positions as code points: the passage after 😀 and 𠀋 starts two earlier than its UTF-16 offset', () => {
    const xml = strFromU8(files['project.qde']!);
    const a1 = input.codings[0]!;
    expect(xml).toContain(`guid="${ID.a1}" startPosition="${a1.start - 2}" endPosition="${a1.end - 2}"`);
    const a2 = input.codings[1]!;
    expect(xml).toContain(`guid="${ID.a2}" startPosition="${a2.start}" endPosition="${a2.start + 1}"`);
  });

  it('attaches notes with NoteRef and codes with Coding/CodeRef, in the spec order', () => {
    const xml = strFromU8(files['project.qde']!);
    const selection = xml.slice(xml.indexOf(`guid="${ID.a1}"`), xml.indexOf('</PlainTextSelection>', xml.indexOf(`guid="${ID.a1}"`)));
    expect(selection.indexOf(`<CodeRef targetGUID="${ID.titp}"/>`)).toBeGreaterThan(0);
    expect(selection.indexOf(`<CodeRef targetGUID="${ID.debt}"/>`)).toBeLessThan(selection.indexOf('<NoteRef'));
    expect(xml.indexOf('<CodeBook>')).toBeLessThan(xml.indexOf('<Sources>'));
    expect(xml.indexOf('<Sources>')).toBeLessThan(xml.indexOf('<Notes>'));
    expect(xml).toContain(`<Note guid="${exportGuids.note(ID.a1)}"`);
  });

  it('writes the same bytes for the same input (stable GUIDs, fixed time)', () => {
    expect(writeQdpx(input, ORIGIN)).toEqual(bytes);
  });

  it('leaves out <CodeBook> and <Notes> when there are none, and still passes', () => {
    const bare = writeQdpx({ ...input, codes: [], codings: input.codings.map((c) => ({ ...c, codeIds: [], note: '' })) }, ORIGIN);
    const xml = strFromU8(unzipSync(bare)['project.qde']!);
    expect(xml).not.toContain('<CodeBook');
    expect(xml).not.toContain('<Notes');
    expect(checkQdpxStructure(bare)).toEqual([]);
  });

  it('writes notes with LF line ends and no character XML cannot hold', () => {
    const odd = { ...input, codings: [{ ...input.codings[0]!, note: 'a\r\nb\u0001c' }] };
    const xml = writeProjectXml(odd, ORIGIN);
    expect(xml).toContain('<PlainTextContent>a\nb\uFFFDc</PlainTextContent>');
  });
});
