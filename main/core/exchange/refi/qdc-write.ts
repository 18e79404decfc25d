/**
 * The .qdc codebook (REFI-QDA Codebook Exchange, Codebook.xsd): root
 * `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin>` holding `<Codes>`.
 * `<Sets>` is left out: Fieldmark has no code sets, and an empty `<Sets/>` is
 * invalid (SetsType needs at least one Set).
 */
import { create } from 'xmlbuilder2';
import { FieldmarkError } from '../../../../preload/rpc';
import { appendCodes } from './refi-codes-xml';
import type { RefiCode } from './refi-model';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** What Fieldmark writes as `origin`, so a reader can tell who made the file. */
export function refiOrigin(version: string): string {
  return `Fieldmark ${version}`;
}

/** The .qdc file's text (UTF-8 XML). */
export function writeQdc(codes: readonly RefiCode[], origin: string): string {
  if (codes.length === 0) {
    throw new FieldmarkError('INVALID_INPUT', 'The codebook is empty: a .qdc file needs at least one code. Create a code first.');
  }
  const root = create({ version: '1.0', encoding: 'utf-8' }).ele(CODEBOOK_NS, 'CodeBook', { origin });
  appendCodes(root, codes);
  return root.end({ prettyPrint: true });
}
