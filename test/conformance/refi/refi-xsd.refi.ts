/**
 * Fieldmark's REFI-QDA exports against the official XSDs, with xmllint (libxml2
 * compiled to WebAssembly: no network, no native install). The exports are the
 * same ones the unit tests check (test/unit/core/exchange/refi/refi-fixtures.ts)
 * plus a project coded on the report itself. A deliberately broken codebook must
 * fail, so a validator that accepts everything cannot pass this suite.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { writeQdc } from '../../../main/core/exchange/refi/qdc-write';
import { PROJECT_FILE, writeQdpx } from '../../../main/core/exchange/refi/qdpx-write';
import { REPORT_FILE } from '../../../main/core/report/report-model';
import { CODES, projectInput } from '../../unit/core/exchange/refi/refi-fixtures';
import { refiSchemas } from './refi-schema-dir';

const schemas = refiSchemas();
const REPORT = readFileSync(path.resolve(import.meta.dirname, '../../../assets', REPORT_FILE), 'utf8');

async function validate(xml: string, schema: { fileName: string; contents: string }, fileName: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [schema] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

function projectXml(input: ReturnType<typeof projectInput>): string {
  return strFromU8(unzipSync(writeQdpx(input, 'Fieldmark conformance'))[PROJECT_FILE]!);
}

describe(`REFI-QDA exports against ${schemas.codebook.fileName} and ${schemas.project.fileName}`, () => {
  it('the .qdc codebook is valid', async () => {
    expect(await validate(writeQdc(CODES, 'Fieldmark conformance'), schemas.codebook, 'codebook.qdc')).toEqual([]);
  });

  it('a codebook with an empty <Sets/> is invalid (the validator really validates)', async () => {
    const broken = writeQdc(CODES, 'Fieldmark conformance').replace('</CodeBook>', '<Sets/></CodeBook>');
    expect(await validate(broken, schemas.codebook, 'broken.qdc')).not.toEqual([]);
  });

  it('the project of a text with astral characters is valid', async () => {
    expect(await validate(projectXml(projectInput()), schemas.project, 'project.qde')).toEqual([]);
  });

  it('a project coded on the report is valid', async () => {
    const input = projectInput(REPORT);
    input.codings = input.codings.map((c, i) => ({ ...c, start: 2000 * (i + 1), end: 2000 * (i + 1) + 300 }));
    expect(await validate(projectXml(input), schemas.project, 'project.qde')).toEqual([]);
  });

  it('a project without codes or notes is valid', async () => {
    const input = projectInput();
    const bare = { ...input, codes: [], codings: input.codings.map((c) => ({ ...c, codeIds: [], note: '' })) };
    expect(await validate(projectXml(bare), schemas.project, 'project.qde')).toEqual([]);
  });
});
