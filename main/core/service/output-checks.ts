/**
 * Compiled output checks for the dispatcher (preload/rpc.ts `isProvenOutput`):
 * one canonical check per contract method, compiled from the method's own zod
 * output schema on first use. Why: zod's copy of a 10,000-annotation list took
 * about 100 ms per `listAnnotations` call, most of it building a copy equal to
 * its input; the compiled check proves the same in about a third of that and
 * allocates nothing. A schema the compiler does not model is simply never
 * proven, so the dispatcher runs zod for it as before.
 */
import type { z } from 'zod';
import { compileCanonicalCheck, UnsupportedSchema, type CanonicalCheck } from '../validation/canonical-check';

/** Returns `isProvenOutput(method, value)` for the contract's output schemas. */
export function canonicalOutputChecks(contract: Record<string, { output: z.ZodType }>): (method: string, value: unknown) => boolean {
  const compiled = new Map<string, CanonicalCheck | null>();
  const checkFor = (method: string): CanonicalCheck | null => {
    if (!compiled.has(method)) {
      let check: CanonicalCheck | null = null;
      try {
        check = compileCanonicalCheck(contract[method]!.output);
      } catch (error) {
        if (!(error instanceof UnsupportedSchema)) throw error;
      }
      compiled.set(method, check);
    }
    return compiled.get(method)!;
  };
  return (method, value) => Object.prototype.hasOwnProperty.call(contract, method) && (checkFor(method)?.(value) ?? false);
}
