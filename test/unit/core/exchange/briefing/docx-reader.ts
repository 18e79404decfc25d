/**
 * Reads a .docx as the tests check it: unzip (fflate), then word/document.xml
 * parsed in document order (fast-xml-parser) into paragraphs (style id and
 * text, w:br as a line break, w:tab as a tab) and tables (rows of cell texts),
 * and the core properties. Only what WordprocessingML says, nothing of ours.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type DocxBlock = { kind: 'p'; style: string | null; text: string } | { kind: 'table'; rows: string[][] };

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, processEntities: true });

const nameOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: XmlNode) => (node[nameOf(node)] as XmlNode[] | undefined) ?? [];

function textOf(node: XmlNode): string {
  const name = nameOf(node);
  if (name === '#text') return String(node['#text']);
  if (name === 'w:br') return '\n';
  if (name === 'w:tab') return '\t';
  if (name === 'w:instrText' || name === 'w:pPr' || name === 'w:rPr') return '';
  return childrenOf(node).map(textOf).join('');
}

function styleOf(p: XmlNode): string | null {
  const pPr = childrenOf(p).find((c) => nameOf(c) === 'w:pPr');
  const style = pPr && childrenOf(pPr).find((c) => nameOf(c) === 'w:pStyle');
  return style?.[':@']?.['w:val'] ?? null;
}

function blocksOf(nodes: readonly XmlNode[], out: DocxBlock[]): void {
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === 'w:p') out.push({ kind: 'p', style: styleOf(node), text: textOf(node) });
    else if (name === 'w:tbl') {
      const rows = childrenOf(node).filter((c) => nameOf(c) === 'w:tr');
      out.push({ kind: 'table', rows: rows.map((tr) => childrenOf(tr).filter((c) => nameOf(c) === 'w:tc').map(textOf)) });
    } else if (name === 'w:sdt' || name === 'w:sdtContent' || name === 'w:body') blocksOf(childrenOf(node), out);
  }
}

export interface ReadDocx {
  files: Record<string, Uint8Array>;
  documentXml: string;
  blocks: DocxBlock[];
  paragraphs: Array<{ style: string | null; text: string }>;
  tables: string[][][];
  core: { title: string | null; creator: string | null; created: string | null; modified: string | null };
}

function coreField(xml: string, tag: string): string | null {
  const parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false }).parse(xml) as Record<string, Record<string, unknown>>;
  const value = parsed['cp:coreProperties']?.[tag];
  return value === undefined ? null : String(value);
}

export function readDocx(bytes: Uint8Array): ReadDocx {
  const files = unzipSync(bytes);
  const documentXml = strFromU8(files['word/document.xml']!);
  const valid = XMLValidator.validate(documentXml);
  if (valid !== true) throw new Error(`word/document.xml is not well-formed: ${JSON.stringify(valid)}`);
  const root = parser.parse(documentXml) as XmlNode[];
  const documentNode = root.find((n) => nameOf(n) === 'w:document')!;
  const blocks: DocxBlock[] = [];
  blocksOf(childrenOf(documentNode), blocks);
  const coreXml = strFromU8(files['docProps/core.xml']!);
  return {
    files,
    documentXml,
    blocks,
    paragraphs: blocks.flatMap((b) => (b.kind === 'p' ? [{ style: b.style, text: b.text }] : [])),
    tables: blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : [])),
    core: { title: coreField(coreXml, 'dc:title'), creator: coreField(coreXml, 'dc:creator'), created: coreField(coreXml, 'dcterms:created'), modified: coreField(coreXml, 'dcterms:modified') },
  };
}
