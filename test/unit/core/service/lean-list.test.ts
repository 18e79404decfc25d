import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type AnnotationView } from '../../../../preload/contract';
import { fullView, leanView } from '../../../../common/lean-view';
import { quoteSelectorFor } from '../../../../common/quote-selector';
import { canonicalOutputChecks } from '../../../../main/core/service/output-checks';
import { loadReport } from '../../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../../main/core/service/service';
import { MemoryStore } from '../../../support/memory-store';

const REPORT = await loadReport(path.resolve(import.meta.dirname, '../../../../assets'));

describe('the lean annotation list (the page\'s first load)', () => {
  it('rebuilds, view for view, exactly the list listAnnotations gives, and leaves out the targets it can', async () => {
    const service = createServiceFromParts(REPORT, new MemoryStore());
    const block = REPORT.blocks.find((b) => b.end - b.start > 200)!;
    await service.impl.createAnnotation({ start: block.start, end: block.start + 40, color: 'key', note: 'a note', tags: ['TITP'] });
    await service.impl.createAnnotation({ start: block.start + 20, end: block.start + 90, color: 'gap' });
    await service.impl.updateAnnotation({ id: (await service.impl.listAnnotations(undefined))[0]!.id, note: 'edited' });
    const full = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    const lean = await service.impl.listAnnotationsLean(undefined);
    expect(lean.every((v) => v.target === null && v.exact === null && v.prefix === null && v.suffix === null)).toBe(true);
    // The edited one keeps its updatedAt; the other's equals createdAt and is left out.
    expect(lean.map((v) => v.updatedAt === null).sort()).toEqual([false, true]);
    expect(lean.map((v) => fullView(v, REPORT))).toEqual(full);
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(full).length * 0.5);
  });

  it('is proven by the compiled output check, so the host does not parse 10,000 views with zod', async () => {
    const service = createServiceFromParts(REPORT, new MemoryStore());
    const block = REPORT.blocks[3]!;
    await service.impl.createAnnotation({ start: block.start, end: block.end, color: 'progress' });
    const lean = await service.impl.listAnnotationsLean(undefined);
    expect(canonicalOutputChecks(contract)('listAnnotationsLean', lean)).toBe(true);
    expect(contract.listAnnotationsLean.output.parse(lean)).toEqual(lean);
  });

  it('keeps a target the view does not imply (another edition, a moved quote), and sends it as it is', () => {
    const sha = 'a'.repeat(64);
    const base = { start: 5, end: 9, exact: 'word', prefix: 'p', suffix: 's' };
    const implied: AnnotationView['target'] = {
      source: `urn:sha256:${sha}`,
      sha256: sha,
      selector: [
        { type: 'TextPositionSelector', start: 5, end: 9 },
        { type: 'TextQuoteSelector', exact: 'word', prefix: 'p', suffix: 's' },
      ],
    };
    const view = { ...base, target: implied } as unknown as AnnotationView;
    const report = { sha256: sha, text: '' };
    expect(leanView(view, report).target).toBeNull();
    const variants: Array<AnnotationView['target']> = [
      { ...implied, sha256: 'b'.repeat(64) },
      { ...implied, source: 'urn:x:other' },
      { ...implied, selector: [{ type: 'TextPositionSelector', start: 4, end: 9 }, implied.selector[1]] },
      { ...implied, selector: [implied.selector[0], { ...implied.selector[1], exact: 'Word' }] },
      { ...implied, selector: [implied.selector[0], { ...implied.selector[1], prefix: 'q' }] },
      { ...implied, selector: [implied.selector[0], { ...implied.selector[1], suffix: 't' }] },
    ];
    for (const target of variants) {
      const other = { ...base, target } as unknown as AnnotationView;
      expect(leanView(other, report).target).toBe(target);
      expect(fullView(leanView(other, report), report)).toEqual(other);
    }
  });

  it('leaves out a quote only when the text holds it at the view\'s position, with the selector\'s context', () => {
    const text = `${'a'.repeat(40)}the quoted words${'b'.repeat(40)}`;
    const start = 40;
    const end = 56;
    const report = { sha256: 'c'.repeat(64), text };
    const at = (fields: Partial<AnnotationView>) =>
      ({
        start,
        end,
        exact: 'the quoted words',
        prefix: 'a'.repeat(32),
        suffix: 'b'.repeat(32),
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        target: { source: 'urn:x:other', sha256: 'd'.repeat(64), selector: [] },
        ...fields,
      }) as unknown as AnnotationView;
    const implied = leanView(at({}), report);
    expect([implied.exact, implied.prefix, implied.suffix, implied.updatedAt]).toEqual([null, null, null, null]);
    expect(fullView(implied, report)).toEqual(at({}));
    // An orphan's last quote, a context of another length, a position past the text, a later edit: sent as they are.
    const kept: Array<Partial<AnnotationView>> = [
      { exact: 'the earlier words' },
      { prefix: 'a'.repeat(20) },
      { suffix: '' },
      { start: 100, end: 120 },
      { updatedAt: '2026-02-01T00:00:00.000Z' },
    ];
    for (const fields of kept) {
      const view = at(fields);
      const lean = leanView(view, report);
      for (const key of Object.keys(fields) as Array<keyof AnnotationView>) expect(lean[key]).toEqual(view[key]);
      expect(fullView(lean, report)).toEqual(view);
    }
  });

  it('rebuilds a quote whose context would cut a surrogate pair as the host made it', () => {
    const text = `x😀${'a'.repeat(31)}quote${'b'.repeat(31)}😀y`;
    const start = text.indexOf('quote');
    const service = { start, end: start + 5, ...quoteSelectorFor(text, start, start + 5) };
    const view = { ...service, createdAt: 't', updatedAt: 't', target: { source: 'urn:x:other', sha256: 'e', selector: [] } } as unknown as AnnotationView;
    const report = { sha256: 'f'.repeat(64), text };
    const lean = leanView(view, report);
    expect(lean.prefix).toBeNull();
    expect(fullView(lean, report)).toEqual(view);
    expect(fullView(lean, report).prefix.startsWith('\ude00')).toBe(false);
  });
});
