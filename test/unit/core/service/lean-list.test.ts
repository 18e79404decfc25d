import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type AnnotationView } from '../../../../preload/contract';
import { fullView, leanView } from '../../../../common/lean-view';
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
    const full = (await service.impl.listAnnotations(undefined)) as AnnotationView[];
    const lean = await service.impl.listAnnotationsLean(undefined);
    expect(lean.every((v) => v.target === null)).toBe(true);
    expect(lean.map((v) => fullView(v, REPORT.sha256))).toEqual(full);
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(full).length * 0.75);
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
    expect(leanView(view, sha).target).toBeNull();
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
      expect(leanView(other, sha).target).toBe(target);
      expect(fullView(leanView(other, sha), sha)).toEqual(other);
    }
  });
});
