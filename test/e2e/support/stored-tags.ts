/**
 * The tags of a stored annotation as paths (issue 13: records hold code ids and
 * the store's codebook names them), for tests that check what is on disk.
 */
interface StoredCodeLike {
  id: string;
  name: string;
  parentId: string | null;
}

export function storedTagPaths(doc: { codes: readonly StoredCodeLike[] }, annotation: { codeIds: readonly string[] }): string[] {
  const byId = new Map(doc.codes.map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const code = byId.get(id);
    if (!code) throw new Error(`The store has no code ${id}`);
    return code.parentId === null ? code.name : `${pathOf(code.parentId)}/${code.name}`;
  };
  return annotation.codeIds.map(pathOf);
}
