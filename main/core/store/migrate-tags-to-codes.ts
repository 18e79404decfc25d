/**
 * Format 1 → 2: free tags become codes (issue 13). Each tag is a code path
 * (`Labour/TITP` is TITP under Labour); segments are one code by the tag rule
 * under the same parent, and the first spelling in store order names it. An
 * annotation's `tags` become `codeIds`, in place, so the record keeps the
 * schema's key order.
 *
 * Ids are derived from the parent's id and the name's key (a UUID of version 8,
 * RFC 9562's custom layout), so migrating the same file twice, or a backup of
 * it, gives the same codes. Journal lines written in format 1 are turned into
 * format 2 ops the same way (`upOps`), against the document they replay onto.
 */
import { createHash } from 'node:crypto';
import { splitCodePath } from '../../../common/code-path';
import { resolveCodePaths } from './code-resolve';
import type { StoredCode } from './store-schema';

type Raw = Record<string, unknown>;

/** A UUID (version 8, RFC 9562 variant) derived from a code's parent and name key. */
export function derivedCodeId(parentId: string | null, key: string): string {
  const hex = createHash('sha256').update(`fieldmark-code\u0000${parentId ?? ''}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A format-1 tag made only of slashes ("/", "//") has no path segment, so as a
 * path it would vanish. It is kept as one code named with U+2215 (∕) for each
 * slash, the same stand-in a REFI-QDA import uses for a slash inside a name.
 */
export function keptTag(tag: string): string {
  return tag.trim() !== '' && splitCodePath(tag).length === 0 ? tag.trim().replace(/\//gu, '\u2215') : tag;
}

/** The migration's running codebook: codes so far, grown as tags are met. */
class CodeCollector {
  constructor(public codes: StoredCode[]) {}

  /** A format-1 annotation as format 2; anything malformed is left for validation to refuse. */
  annotation(value: unknown): unknown {
    if (!isRecord(value) || !Array.isArray(value.tags) || !value.tags.every((t) => typeof t === 'string')) return value;
    const now = typeof value.createdAt === 'string' ? value.createdAt : new Date(0).toISOString();
    const { codeIds, created } = resolveCodePaths(this.codes, (value.tags as string[]).map(keptTag), { now, newId: derivedCodeId, lenient: true });
    if (created.length > 0) this.codes = [...this.codes, ...created];
    const out: Raw = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'tags') out.codeIds = codeIds;
      else out[key] = v;
    }
    return out;
  }

  importRecord(value: unknown): unknown {
    if (!isRecord(value) || !Array.isArray(value.before)) return value;
    const before = value.before.map((entry: unknown) => {
      if (!isRecord(entry)) return entry;
      const out: Raw = { ...entry };
      if ('previous' in entry) out.previous = entry.previous === null ? null : this.annotation(entry.previous);
      if ('wrote' in entry) out.wrote = this.annotation(entry.wrote);
      return out;
    });
    return { ...value, before };
  }
}

/** The whole document: codes made from every tag, annotations and import records given code ids. */
export function tagsToCodesDoc(doc: Raw): Raw {
  const collector = new CodeCollector([]);
  const annotations = Array.isArray(doc.annotations) ? doc.annotations.map((a: unknown) => collector.annotation(a)) : doc.annotations;
  const imports = Array.isArray(doc.imports) ? doc.imports.map((r: unknown) => collector.importRecord(r)) : doc.imports;
  return { version: doc.version, settings: doc.settings, codes: collector.codes, annotations, imports };
}

/** One format-1 journal batch as format-2 ops, against the codes of the document it replays onto. */
export function tagsToCodesOps(codes: readonly StoredCode[], ops: unknown): unknown {
  if (!Array.isArray(ops)) return ops;
  const collector = new CodeCollector([...codes]);
  const out: unknown[] = [];
  for (const op of ops) {
    if (!isRecord(op)) {
      out.push(op);
      continue;
    }
    const known = collector.codes.length;
    let next: unknown = op;
    if (op.op === 'putAnnotation') next = { ...op, value: collector.annotation(op.value) };
    else if (op.op === 'putImport') next = { ...op, value: collector.importRecord(op.value) };
    else if (op.op === 'replace' && isRecord(op.value)) next = { ...op, value: { ...tagsToCodesDoc(op.value), version: 2 } };
    if (collector.codes.length > known) out.push({ op: 'putCodes', values: collector.codes.slice(known) });
    out.push(next);
  }
  return out;
}
