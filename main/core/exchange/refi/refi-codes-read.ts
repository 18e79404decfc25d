/**
 * Reads a `<Codes>` tree (Codebook.xsd / Project.xsd, CodeType) into codes with
 * parent ids. Each code needs guid, name and isCodable (use="required"); GUIDs
 * may be braced; a `/` or `,` inside a name becomes U+2215 or U+201A, because
 * Fieldmark reads `/` as a path separator and `,` as a tag separator, and the
 * change is reported so the preview can say so.
 */
import { normalizeGuid } from './refi-guid';
import { refuseImport } from './refi-import-error';
import type { RefiCode, RenamedCode } from './refi-model';
import { childNamed, childrenNamed, requiredAttr, type XmlElement } from './xml-tree';

const BOOLEANS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

/** A GUID attribute in Fieldmark's form, or a refusal that names it. */
export function guidAttr(el: XmlElement, attr: string): string {
  const raw = requiredAttr(el, attr);
  const guid = normalizeGuid(raw);
  if (guid === null) throw refuseImport(`A <${el.name}> element's ${attr} "${raw}" is not a GUID.`);
  return guid;
}

/** #RRGGBB, widening #RGB (RGBType allows both); anything else is dropped as no colour. */
function readColor(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = raw.trim();
  if (/^#[0-9A-Fa-f]{6}$/u.test(value)) return value.toUpperCase();
  if (/^#[0-9A-Fa-f]{3}$/u.test(value)) return `#${[...value.slice(1)].map((d) => d + d).join('')}`.toUpperCase();
  return null;
}

/** The name Fieldmark can hold: `/` → U+2215, `,` → U+201A. */
export function safeCodeName(name: string): string {
  return name.replace(/\//gu, '\u2215').replace(/,/gu, '\u201A');
}

function readCode(el: XmlElement, parentId: string | null, ancestors: ReadonlySet<string>, out: { codes: RefiCode[]; renamed: RenamedCode[] }): void {
  const id = guidAttr(el, 'guid');
  const original = requiredAttr(el, 'name').trim();
  if (ancestors.has(id)) throw refuseImport(`The code "${original}" contains itself (a code cycle).`);
  if (original === '') throw refuseImport('A code has an empty name.');
  const codableRaw = requiredAttr(el, 'isCodable').trim();
  const codable = BOOLEANS[codableRaw];
  if (codable === undefined) throw refuseImport(`The code "${original}" has isCodable="${codableRaw}", which is not a boolean.`);
  const name = safeCodeName(original);
  if (name !== original) out.renamed.push({ id, original, name });
  out.codes.push({ id, name, parentId, description: childNamed(el, 'Description')?.text ?? '', color: readColor(el.attrs.color), codable });
  const inside = new Set(ancestors).add(id);
  for (const child of childrenNamed(el, 'Code')) readCode(child, id, inside, out);
}

/** The codes under a `<Codes>` element, parents before children. */
export function readCodes(codesEl: XmlElement | undefined): { codes: RefiCode[]; renamed: RenamedCode[] } {
  const out = { codes: [] as RefiCode[], renamed: [] as RenamedCode[] };
  for (const el of codesEl ? childrenNamed(codesEl, 'Code') : []) readCode(el, null, new Set(), out);
  return out;
}

/** Refuses a document in which two elements share a GUID (every guid attribute must be unique). */
export function refuseDuplicateGuids(root: XmlElement): void {
  const seen = new Set<string>();
  const visit = (el: XmlElement) => {
    const raw = el.attrs.guid;
    const guid = raw === undefined ? null : normalizeGuid(raw);
    if (guid !== null) {
      if (seen.has(guid)) throw refuseImport(`Two elements share the GUID ${guid}.`);
      seen.add(guid);
    }
    el.children.forEach(visit);
  };
  visit(root);
}
