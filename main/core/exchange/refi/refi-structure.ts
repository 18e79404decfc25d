/**
 * Structure checks for Fieldmark's REFI-QDA exports, run on every export in the
 * tests: the XML is read back with a real parser (fast-xml-parser, through
 * xml-tree.ts) and the archive with fflate's own unzip, then checked against
 * the rule tables (refi-structure-rules.ts): namespace, element order and
 * counts, required attributes and their patterns, unique GUIDs, references that
 * resolve, positions inside the text, and the files the project points to.
 * Each returns the problems found; an empty list means the file passed.
 */
import { strFromU8, unzipSync } from 'fflate';
import { CODEBOOK_NS } from './qdc-write';
import { PROJECT_FILE, PROJECT_NS } from './qdpx-write';
import { codePointLength } from './refi-positions';
import { ATTR_PATTERNS, CODEBOOK_RULES, PROJECT_RULES, type ElementRule } from './refi-structure-rules';
import { parseRefiXml, type XmlElement } from './xml-tree';

function checkSequence(el: XmlElement, rule: ElementRule, problems: string[]): void {
  let step = 0;
  const counts = rule.sequence.map(() => 0);
  for (const child of el.children) {
    while (step < rule.sequence.length && rule.sequence[step]![0] !== child.name) step++;
    if (step === rule.sequence.length) {
      problems.push(`<${child.name}> is not allowed at this place in <${el.name}>.`);
      return;
    }
    counts[step]!++;
  }
  rule.sequence.forEach(([name, min, max], i) => {
    if (counts[i]! < min) problems.push(`<${el.name}> needs at least ${min} <${name}>.`);
    if (counts[i]! > max) problems.push(`<${el.name}> may hold at most ${max} <${name}>.`);
  });
}

function checkAttributes(el: XmlElement, rule: ElementRule, problems: string[]): void {
  for (const [attr, spec] of Object.entries(rule.attrs)) {
    const value = el.attrs[attr];
    if (value === undefined) {
      if (spec.required) problems.push(`<${el.name}> lacks the required attribute ${attr}.`);
    } else if (!ATTR_PATTERNS[spec.type].test(value)) {
      problems.push(`<${el.name}> ${attr}="${value}" is not a valid ${spec.type}.`);
    }
  }
  for (const attr of Object.keys(el.attrs)) {
    if (!(attr in rule.attrs) && !(el.name === 'CodeBook' || el.name === 'Project' ? /^xmlns(:|$)/u.test(attr) : false)) {
      problems.push(`<${el.name}> has an attribute ${attr} the schema does not define.`);
    }
  }
}

function checkTree(root: XmlElement, rules: Record<string, ElementRule>): string[] {
  const problems: string[] = [];
  const guids = new Set<string>();
  const visit = (el: XmlElement) => {
    const rule = rules[el.name];
    if (!rule) return void problems.push(`<${el.name}> is not an element Fieldmark's exports may contain.`);
    if (!rule.text && el.text.trim() !== '') problems.push(`<${el.name}> holds text where only elements may be.`);
    checkSequence(el, rule, problems);
    checkAttributes(el, rule, problems);
    const guid = el.attrs.guid?.toLowerCase();
    if (guid !== undefined) {
      if (guids.has(guid)) problems.push(`The GUID ${guid} is used twice.`);
      guids.add(guid);
    }
    el.children.forEach(visit);
  };
  visit(root);
  return problems;
}

function parsed(xml: string, root: string, ns: string, what: string): XmlElement | string {
  try {
    return parseRefiXml(xml, root, ns, what);
  } catch (error) {
    return (error as Error).message;
  }
}

/** Problems with a .qdc file's text. */
export function checkQdcStructure(xml: string): string[] {
  const root = parsed(xml, 'CodeBook', CODEBOOK_NS, '.qdc codebook');
  return typeof root === 'string' ? [root] : checkTree(root, CODEBOOK_RULES);
}

function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

/** Cross-references: every CodeRef and NoteRef resolves, every text is where it says, every selection lies inside it. */
function checkReferences(root: XmlElement, files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const codeIds = new Set(all(root, 'Code').map((c) => c.attrs.guid));
  const noteIds = new Set(all(root, 'Note').map((n) => n.attrs.guid));
  for (const ref of all(root, 'CodeRef')) if (!codeIds.has(ref.attrs.targetGUID)) problems.push(`A CodeRef points to ${ref.attrs.targetGUID}, which is no code.`);
  for (const ref of all(root, 'NoteRef')) if (!noteIds.has(ref.attrs.targetGUID)) problems.push(`A NoteRef points to ${ref.attrs.targetGUID}, which is no note.`);
  for (const source of [...all(root, 'TextSource'), ...all(root, 'Note')]) {
    const content = source.children.find((c) => c.name === 'PlainTextContent');
    const path = source.attrs.plainTextPath;
    if ((content === undefined) === (path === undefined)) problems.push(`<${source.name} guid="${source.attrs.guid}"> must have exactly one of PlainTextContent and plainTextPath.`);
    const file = path?.startsWith('internal://') ? files[`sources/${path.slice('internal://'.length)}`] : undefined;
    if (path !== undefined && file === undefined) problems.push(`${path} is not in the archive under sources/.`);
    const text = content?.text ?? (file ? strFromU8(file) : '');
    for (const sel of source.children.filter((c) => c.name === 'PlainTextSelection')) {
      const start = Number(sel.attrs.startPosition);
      const end = Number(sel.attrs.endPosition);
      if (!(start >= 0 && start <= end && end <= codePointLength(text))) problems.push(`The selection ${sel.attrs.guid} (${start}–${end}) is not inside its text.`);
    }
  }
  return problems;
}

/** Problems with a .qdpx archive. */
export function checkQdpxStructure(bytes: Uint8Array): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return [`Not a zip archive: ${(error as Error).message}`];
  }
  const xml = files[PROJECT_FILE];
  if (!xml) return [`The archive has no ${PROJECT_FILE} at its root.`];
  const stray = Object.keys(files).filter((name) => name !== PROJECT_FILE && !/^sources\/([^/]+)?$/u.test(name));
  const root = parsed(strFromU8(xml), 'Project', PROJECT_NS, 'project file');
  if (typeof root === 'string') return [root];
  return [...stray.map((name) => `${name} is neither ${PROJECT_FILE} nor a file under sources/.`), ...checkTree(root, PROJECT_RULES), ...checkReferences(root, files)];
}
