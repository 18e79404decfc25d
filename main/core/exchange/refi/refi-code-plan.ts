/**
 * Merging an incoming codebook (.qdc, or a .qdpx's CodeBook) into ours, planned
 * before anything is written (issue 13). Each incoming code, parents first, is
 * matched by GUID, then by path: the child of its (matched) parent with the same
 * name under the tag rule (common/tag-identity.ts). A match can be renamed (only
 * when matched by GUID: a path match has the same name by definition), moved,
 * or updated (definition, colour, codable); an unmatched code is new and keeps
 * the file's GUID. A colour the file leaves out keeps ours.
 *
 * A change that would break the tree (a sibling with the same name, or a move
 * under the code's own descendant) is shown but cannot apply. Which items are
 * accepted is known only at commit, so `checkCodeTree` checks the result then.
 */
import type { CodeImportCounts, CodeImportItem, CodeImportKind } from '../../../../preload/contract';
import { MAX_CODE_NAME_LENGTH } from '../../../../common/code-path';
import { cleanTag, tagKey } from '../../../../common/tag-identity';
import { codebookOf, type Codebook } from '../../store/codebook';
import type { StoredCode } from '../../store/store-schema';
import { refuseImport } from './refi-import-error';
import type { RefiCode, RenamedCode } from './refi-model';

export interface PlannedCode {
  item: CodeImportItem;
  /** What committing writes for this code; null when it changes nothing (or cannot apply). */
  write: StoredCode | null;
  /** Our code before the import (null if new), for undo and for spotting a stale preview. */
  previous: StoredCode | null;
}

export interface CodePlan {
  items: PlannedCode[];
  /** The file's code id → the id of the code it is in our codebook. */
  idOf: ReadonlyMap<string, string>;
  /** Our codes with every write applied (every item accepted). */
  planned: readonly StoredCode[];
}

/** The codes with `value` put in by id (a new array). */
export function withCode(codes: readonly StoredCode[], value: StoredCode): StoredCode[] {
  const at = codes.findIndex((c) => c.id === value.id);
  return at < 0 ? [...codes, value] : codes.map((c, i) => (i === at ? value : c));
}

interface Change {
  kind: CodeImportKind;
  renamed: boolean;
  moved: boolean;
  definition: boolean;
  facts: string[];
}

function changeOf(ours: StoredCode, next: StoredCode, book: Codebook): Change {
  const renamed = ours.name !== next.name;
  const moved = ours.parentId !== next.parentId;
  const definition = ours.description !== next.description;
  const facts: string[] = [];
  if (renamed) facts.push(`renamed from “${ours.name}”`);
  if (moved) facts.push(`moved from “${book.pathOf(ours.id) ?? ours.name}”`);
  if (definition) facts.push('definition changed');
  if (ours.color !== next.color) facts.push(`colour ${next.color ?? 'removed'}`);
  if (ours.codable !== next.codable) facts.push(next.codable ? 'now codable' : 'now a grouping code (not codable)');
  const kind: CodeImportKind = moved ? 'moved' : renamed ? 'renamed' : facts.length > 0 ? 'updated' : 'unchanged';
  return { kind, renamed, moved, definition, facts };
}

/** Why `next` cannot be written into `book`, or null. */
function conflictOf(next: StoredCode, book: Codebook): string | null {
  const sibling = book.childNamed(next.parentId, next.name);
  if (sibling && sibling.id !== next.id) return `Cannot apply: “${book.pathOf(sibling.id)}” already exists and is another code.`;
  if (next.parentId !== null && book.isWithin(next.parentId, next.id)) return 'Cannot apply: it would move the code under one of its own sub-codes.';
  return null;
}

function sentence(facts: readonly string[]): string | null {
  if (facts.length === 0) return null;
  const text = facts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Plans the merge of `incoming` (parents before children) into `codes`. */
export function planCodes(incoming: readonly RefiCode[], renamed: readonly RenamedCode[], codes: readonly StoredCode[], now: string): CodePlan {
  const book = codebookOf(codes);
  const originals = new Map(renamed.map((r) => [r.id, r.original]));
  const idOf = new Map<string, string>();
  let planned: readonly StoredCode[] = codes;
  const items = incoming.map((code): PlannedCode => {
    const name = cleanTag(code.name);
    if (name.length > MAX_CODE_NAME_LENGTH) throw refuseImport(`The code “${name.slice(0, 40)}…” has a name longer than ${MAX_CODE_NAME_LENGTH} characters.`);
    const parentId = code.parentId === null ? null : idOf.get(code.parentId) ?? null;
    const current = codebookOf(planned);
    const ours = current.liveCode(code.id) ?? current.childNamed(parentId, name);
    const base = ours ?? book.get(code.id) ?? null;
    const next: StoredCode = {
      id: base?.id ?? code.id,
      name: ours && ours.id !== code.id ? ours.name : name,
      parentId,
      description: code.description,
      color: code.color ?? (ours ? ours.color : null),
      codable: code.codable,
      createdAt: ours?.createdAt ?? now,
      updatedAt: now,
      deletedAt: null,
    };
    idOf.set(code.id, next.id);
    const change: Change = ours
      ? changeOf(ours, next, book)
      : { kind: 'new', renamed: false, moved: false, definition: code.description !== '', facts: [] };
    const conflict = change.kind === 'unchanged' ? null : conflictOf(next, current);
    const write = change.kind === 'unchanged' || conflict !== null ? null : next;
    if (write) planned = withCode(planned, write);
    const previousPath = ours && (change.renamed || change.moved) ? book.pathOf(ours.id) : null;
    const item: CodeImportItem = {
      entity: 'code',
      id: code.id,
      kind: change.kind,
      path: codebookOf(planned).pathOf(next.id) ?? (book.pathOf(next.id) ?? name),
      previousPath,
      description: code.description,
      definitionChanged: change.definition,
      originalName: originals.get(code.id) ?? null,
      reason: conflict ?? sentence(change.facts),
      applies: write !== null,
    };
    return { item, write, previous: ours ?? (base && base.deletedAt !== null ? base : null) };
  });
  return { items, idOf, planned };
}

/** Counts of code items by kind. */
export function countCodeKinds(items: readonly Pick<CodeImportItem, 'kind'>[]): CodeImportCounts {
  const counts: CodeImportCounts = { new: 0, renamed: 0, moved: 0, updated: 0, unchanged: 0, total: items.length };
  for (const item of items) counts[item.kind]++;
  return counts;
}

/**
 * Why a codebook is not a tree any more, or null: a live code under a missing or
 * deleted parent, a cycle, or two siblings with one name (by the tag rule).
 */
export function checkCodeTree(codes: readonly StoredCode[]): string | null {
  const book = codebookOf(codes);
  const siblings = new Set<string>();
  for (const code of book.live) {
    if (code.parentId !== null && !book.liveCode(code.parentId)) return `the code “${code.name}” would be left without its parent`;
    if (book.pathOf(code.id) === null) return `the code “${code.name}” would be inside itself`;
    const key = `${code.parentId ?? ''}\u0000${tagKey(code.name)}`;
    if (siblings.has(key)) return `two codes would be named “${book.pathOf(code.id)}”`;
    siblings.add(key);
  }
  return null;
}
