/**
 * The import preview as data: what each kind of incoming item means, the
 * accessible label of each item's accept checkbox, and which ids to reject when
 * committing. Pure, so the review rules are tested without a DOM.
 */
import { MAX_IMPORT_BYTES, type ImportCounts, type ImportItem, type ImportKind } from '../../preload/contract';

/** Kinds in the order the preview lists them, with their plural heading. */
export const KIND_ORDER: ReadonlyArray<{ kind: ImportKind; count: keyof ImportCounts; title: string }> = [
  { kind: 'new', count: 'new', title: 'New' },
  { kind: 'updated', count: 'updated', title: 'Updated' },
  { kind: 'deleted', count: 'deleted', title: 'Deleted' },
  { kind: 'duplicate', count: 'duplicate', title: 'Duplicates' },
  { kind: 'orphan', count: 'orphan', title: 'Orphans' },
  { kind: 'unchanged', count: 'unchanged', title: 'Unchanged' },
  { kind: 'older', count: 'older', title: 'Older than yours' },
];

/** One sentence per kind, shown under its heading. */
export const KIND_EXPLANATION: Record<ImportKind, string> = {
  new: 'Annotations you do not have yet.',
  updated: 'Newer versions of annotations you have: yours are replaced.',
  deleted: 'Annotations deleted in the file: yours are moved to the trash.',
  duplicate: 'The same passage and note as one of yours, under another id.',
  orphan: 'Their passage could not be found in this report; they are kept under “Needs review”.',
  unchanged: 'Identical to yours; importing changes nothing.',
  older: 'Yours are newer; importing keeps yours.',
};

/** Longest quote excerpt in a label, in characters. */
const EXCERPT_CHARS = 60;

/** A one-line excerpt of a quote: white space collapsed, cut at a word with "…". */
export function quoteExcerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Accessible name of an item's checkbox: "Accept Protection ¶4: victims were …". */
export function acceptLabel(item: Pick<ImportItem, 'citation' | 'exact'>): string {
  const where = item.citation.trim() || 'Unplaced';
  return `Accept ${where}: ${quoteExcerpt(item.exact) || '(empty quote)'}`;
}

/** Ids to send as `reject`: items that would apply but were unticked. */
export function rejectedIds(items: readonly ImportItem[], accepted: ReadonlySet<string>): string[] {
  return items.filter((item) => item.applies && !accepted.has(item.id)).map((item) => item.id);
}

/** The ids ticked when the preview opens: everything that would apply. */
export function initiallyAccepted(items: readonly ImportItem[]): Set<string> {
  return new Set(items.filter((item) => item.applies).map((item) => item.id));
}

/** How many items committing will apply. */
export function acceptedCount(items: readonly ImportItem[], accepted: ReadonlySet<string>): number {
  return items.filter((item) => item.applies && accepted.has(item.id)).length;
}

/** Label of the commit button: "Import 3 annotations". */
export function commitLabel(count: number): string {
  return `Import ${count} ${count === 1 ? 'annotation' : 'annotations'}`;
}

/** Checks a chosen file before reading it; returns a message for the user, or null when it can be read. */
export function checkImportFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `“${file.name}” is empty. Choose a Fieldmark export, a Web Annotation file or a Hypothesis export.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, too large to import. Nothing was changed.`;
  }
  return null;
}

/** Groups preview items by kind in display order, leaving out empty kinds. */
export function groupByKind(items: readonly ImportItem[]): Array<{ kind: ImportKind; title: string; items: ImportItem[] }> {
  return KIND_ORDER.map(({ kind, title }) => ({ kind, title, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}
