/**
 * Full validation of a store document at zod's result, at a fraction of zod's
 * cost: a predicate compiled from the same `StoreDoc` schema proves that the
 * document is already exactly what `StoreDoc.safeParse` would return (see
 * canonical-check.ts); only a document it cannot prove (damaged, hand-edited,
 * with extra keys or untrimmed labels) goes through zod, which then returns
 * its copy or the error the user is shown. Every record is checked either way.
 */
import type { z } from 'zod';
import { compileCanonicalCheck } from '../validation/canonical-check';
import { StoreDoc } from './store-schema';

const isCanonicalStoreDoc = compileCanonicalCheck(StoreDoc);

/** The same result as `StoreDoc.safeParse(raw)` (success, data or error); `data` may be `raw` itself. */
export function parseStoreDoc(raw: unknown): z.ZodSafeParseResult<StoreDoc> {
  if (isCanonicalStoreDoc(raw)) return { success: true, data: raw as StoreDoc };
  return StoreDoc.safeParse(raw);
}
