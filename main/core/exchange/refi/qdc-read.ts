/** Reads a .qdc codebook (Codebook.xsd) into codes, ready for the import preview. */
import { CODEBOOK_NS } from './qdc-write';
import { readCodes, refuseDuplicateGuids } from './refi-codes-read';
import { refuseImport } from './refi-import-error';
import type { ReadCodebook } from './refi-model';
import { childNamed, parseRefiXml } from './xml-tree';

export function readQdc(xml: string): ReadCodebook {
  const root = parseRefiXml(xml.replace(/^\uFEFF/u, ''), 'CodeBook', CODEBOOK_NS, '.qdc codebook');
  const codesEl = childNamed(root, 'Codes');
  if (!codesEl) throw refuseImport('The .qdc codebook has no <Codes> element.');
  // A cycle shows up as a code nested in itself, so look for it before calling the GUID a duplicate.
  const { codes, renamed } = readCodes(codesEl);
  refuseDuplicateGuids(root);
  return { origin: root.attrs.origin ?? null, codes, renamed };
}
