/**
 * B7: Markdown export of 10,000 annotations through the service's real
 * exportMarkdown method (views cached, as after launch), against JSON.stringify
 * of the same stored records.
 */
import type { ReportModel } from '../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../main/core/service/service';
import type { StoredAnnotation } from '../../../main/core/store/store-schema';
import { alternate, median, timeOnce } from '../harness/measure';
import type { CaseResult } from '../harness/results';
import { seededStore } from './seeded-store';

/** Runs B7. */
export async function benchExport(report: ReportModel, records: StoredAnnotation[], runs: number): Promise<CaseResult[]> {
  const seeded = await seededStore(records);
  const service = createServiceFromParts(report, seeded.store);
  const bytes = { ours: 0, peer: 0 };
  try {
    const stored = seeded.store.doc.annotations;
    const samples = await alternate(
      {
        ours: () =>
          timeOnce(async () => {
            const file = await service.impl.exportMarkdown(undefined);
            bytes.ours = file.content.length;
          }),
        peer: () =>
          timeOnce(() => {
            bytes.peer = JSON.stringify(stored).length;
          }),
      },
      { runs, warmup: 1 },
    );
    const ours = median(samples.ours!);
    const peer = median(samples.peer!);
    return [
      {
        id: 'B7',
        case: `Markdown export of ${records.length.toLocaleString('en')} annotations`,
        ours_ms: ours,
        peer_ms: peer,
        ratio: ours / peer,
        ratio_of: 'ours/peer',
        target: '≤ 3× JSON.stringify of the same records',
        met: ours / peer <= 3,
        runs,
        details: {
          ours: 'service exportMarkdown() with the default options (grouped by section, notes, tags, colours)',
          peer: 'JSON.stringify of the stored annotation records',
          outputChars: bytes,
        },
      },
    ];
  } finally {
    await seeded.dispose();
  }
}
