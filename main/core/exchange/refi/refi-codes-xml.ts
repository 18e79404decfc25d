/**
 * The code tree as REFI-QDA nests it: each `<Code guid name isCodable color?>`
 * holds its definition in `<Description>` and its children as `<Code>`
 * elements, in that order (Codebook.xsd and Project.xsd, CodeType). Shared by
 * the .qdc writer and the project's `<CodeBook>`.
 */
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { FieldmarkError } from '../../../../preload/rpc';
import type { RefiCode } from './refi-model';
import { xmlSafeAttribute, xmlSafeText } from './refi-xml-text';

/** Children by parent id, in the order given; a code whose parent is missing counts as a root. */
function childrenByParent(codes: readonly RefiCode[]): Map<string | null, RefiCode[]> {
  const ids = new Set(codes.map((c) => c.id));
  const map = new Map<string | null, RefiCode[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    const list = map.get(parent) ?? [];
    list.push(code);
    map.set(parent, list);
  }
  return map;
}

/** Appends `<Codes>` with the whole tree to `parent`. Needs at least one code (the schemas require one). */
export function appendCodes(parent: XMLBuilder, codes: readonly RefiCode[]): void {
  const byParent = childrenByParent(codes);
  const codesEl = parent.ele('Codes');
  let written = 0;
  const visit = (into: XMLBuilder, parentId: string | null) => {
    for (const code of byParent.get(parentId) ?? []) {
      written++;
      const attrs: Record<string, string> = { guid: code.id, name: xmlSafeAttribute(code.name), isCodable: String(code.codable) };
      if (code.color !== null) attrs.color = code.color.toUpperCase();
      const el = into.ele('Code', attrs);
      if (code.description !== '') el.ele('Description').txt(xmlSafeText(code.description));
      visit(el, code.id);
    }
  };
  visit(codesEl, null);
  // Codes in a parent cycle hang from no root: refuse rather than drop them.
  if (written !== codes.length) throw new FieldmarkError('INVALID_INPUT', 'The codebook has codes whose parents form a cycle, so it cannot be exported.');
}
