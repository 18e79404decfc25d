/**
 * Code paths: how people type and read codes. `Labour/TITP` (Obsidian's nested
 * tag convention) names the code TITP under the code Labour. Segments are
 * cleaned by the tag rule (tag-identity.ts); empty segments are dropped, so
 * `a//b` is `a/b`. Which spellings are one code is the tag rule's key, applied
 * segment by segment under the same parent.
 */
import { cleanTag } from './tag-identity';

/** The separator between a parent's name and a child's in a path. */
export const CODE_PATH_SEPARATOR = '/';

/** At most this many characters per segment (the tag limit applies to each segment of a path). */
export const MAX_CODE_NAME_LENGTH = 64;

/** The cleaned, non-empty segments of a path (`' a // b '` → `['a', 'b']`). */
export function splitCodePath(path: string): string[] {
  return path
    .split(CODE_PATH_SEPARATOR)
    .map(cleanTag)
    .filter((segment) => segment !== '');
}

/** The path of a list of names. */
export function joinCodePath(names: readonly string[]): string {
  return names.join(CODE_PATH_SEPARATOR);
}

/** Whether every segment of a path fits the per-segment limit. */
export function segmentsFit(path: string): boolean {
  return splitCodePath(path).every((segment) => segment.length <= MAX_CODE_NAME_LENGTH);
}
