import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type AnnotationView } from '../../../../preload/contract';
import { createDispatcher } from '../../../../preload/rpc';
import { canonicalOutputChecks } from '../../../../main/core/service/output-checks';
import { loadReport } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';

const REPORT = await loadReport(path.resolve(import.meta.dirname, '../../../../assets'));

async function serviceWithAnnotations() {
  const service = createServiceFromParts(REPORT, new MemoryStore());
  const block = REPORT.blocks.find((b) => b.end - b.start > 200)!;
  await service.impl.createAnnotation({ start: block.start, end: block.start + 40, color: 'key', note: 'first\nsecond', tags: ['TITP', 'Labour'] });
  await service.impl.createAnnotation({ start: block.start + 20, end: block.start + 90, color: 'gap' });
  return service;
}

describe('compiled output checks in the dispatcher', () => {
  it('answers for every method without throwing, and never for an unknown one', () => {
    const proven = canonicalOutputChecks(contract);
    for (const method of METHOD_NAMES) expect(typeof proven(method, undefined)).toBe('boolean');
    expect(proven('toString', [])).toBe(false);
    expect(proven('noSuchMethod', [])).toBe(false);
  });

  it('proves a real annotation list, and the dispatcher then passes that very list on', async () => {
    const service = await serviceWithAnnotations();
    const list = await service.impl.listAnnotations(undefined);
    const proven = canonicalOutputChecks(contract);
    expect(proven('listAnnotations', list)).toBe(true);
    // A proof means zod would have returned exactly this.
    expect(contract.listAnnotations.output.parse(list)).toEqual(list);
    const impl = { ...service.impl, listAnnotations: async () => list };
    const envelope = await createDispatcher(contract, impl, undefined, proven)('listAnnotations', null);
    expect(envelope).toEqual({ ok: true, value: list });
    expect((envelope as { value: unknown }).value).toBe(list);
  });

  it('does not prove a list with an extra field or a wrong type, and the schema still refuses what breaks the contract', async () => {
    const service = await serviceWithAnnotations();
    const list = await service.impl.listAnnotations(undefined);
    const proven = canonicalOutputChecks(contract);
    const extra = [{ ...list[0]!, secret: 'x' }, ...list.slice(1)];
    const wrong = [{ ...list[0]!, start: '12' } as unknown as AnnotationView, ...list.slice(1)];
    expect(proven('listAnnotations', extra)).toBe(false);
    expect(proven('listAnnotations', wrong)).toBe(false);

    // Unproven output goes through zod: an extra field is stripped, a wrong type is an INTERNAL error.
    const errors: string[] = [];
    const dispatch = (value: unknown) =>
      createDispatcher(contract, { ...service.impl, listAnnotations: async () => value as AnnotationView[] }, (m) => errors.push(m), proven)('listAnnotations', null);
    const stripped = await dispatch(extra);
    expect(stripped.ok).toBe(true);
    expect((stripped as { value: Array<Record<string, unknown>> }).value[0]).not.toHaveProperty('secret');
    expect(await dispatch(wrong)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(errors).toEqual(['listAnnotations']);
  });
});
