/**
 * Reads REFI-QDA XML into a plain element tree with fast-xml-parser, safely:
 * a document with a DOCTYPE or an entity declaration is refused before any
 * parsing, so no entity is ever expanded (billion laughs, external entities);
 * only XML's five predefined entities and character references are decoded.
 * Element names lose a namespace prefix that is bound to the expected namespace,
 * and the root must be in that namespace (Codebook.xsd and Project.xsd are
 * elementFormDefault="qualified": every element is in the target namespace).
 */
import { XMLParser } from 'fast-xml-parser';
import { refuseImport } from './refi-import-error';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (its text nodes joined). */
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: RawNode, strip: (name: string) => string): XmlElement | string | null {
  const key = Object.keys(node).find((k) => k !== ':@');
  if (key === undefined) return null;
  if (key === '#text') return String(node[key]);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[key] as RawNode[]) ?? []) {
    const converted = toElement(child, strip);
    if (typeof converted === 'string') text += converted;
    else if (converted !== null) children.push(converted);
  }
  return { name: strip(key), attrs: { ...(node[':@'] ?? {}) }, children, text };
}

/** Parses `xml`, whose root must be `rootName` in `namespace`; refuses anything else with a message. */
export function parseRefiXml(xml: string, rootName: string, namespace: string, what: string): XmlElement {
  if (/<!\s*(DOCTYPE|ENTITY)/iu.test(xml)) {
    throw refuseImport(`The ${what} contains a DOCTYPE or entity declaration, which Fieldmark refuses rather than expands.`);
  }
  let raw: RawNode[];
  try {
    raw = parser.parse(xml, true) as RawNode[];
  } catch (error) {
    throw refuseImport(`The ${what} is not well-formed XML (${(error as Error).message.split('\n')[0]}).`);
  }
  const top = raw.filter((n) => !('#text' in n));
  const first = top[0];
  const rawName = first ? Object.keys(first).find((k) => k !== ':@') : undefined;
  if (!first || top.length !== 1 || rawName === undefined) throw refuseImport(`The ${what} has no single root element.`);
  const colon = rawName.indexOf(':');
  const prefix = colon >= 0 ? rawName.slice(0, colon) : '';
  const attrs = first[':@'] ?? {};
  const declared = prefix === '' ? attrs.xmlns : attrs[`xmlns:${prefix}`];
  const local = rawName.slice(colon + 1);
  if (local !== rootName) throw refuseImport(`The ${what}'s root element is <${local}>, not <${rootName}>.`);
  if (declared !== namespace) {
    throw refuseImport(`The ${what} is not in the REFI-QDA namespace: <${rootName}> must declare xmlns="${namespace}"${declared ? `, not "${declared}"` : ''}.`);
  }
  const strip = (name: string) => (prefix !== '' && name.startsWith(`${prefix}:`) ? name.slice(prefix.length + 1) : name);
  return toElement(first, strip) as XmlElement;
}

/** The child elements called `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The first child called `name`, if any. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** A required attribute, or a refusal naming the element and the attribute. */
export function requiredAttr(el: XmlElement, attr: string): string {
  const value = el.attrs[attr];
  if (value === undefined) throw refuseImport(`A <${el.name}> element has no ${attr} attribute, which REFI-QDA requires.`);
  return value;
}
