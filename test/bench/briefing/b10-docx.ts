/**
 * B10 (issue 15), Word: a briefing of 1,000 annotations (grouped by section,
 * everything included: notes, codes, colours, the assessment table, the
 * coding matrix, the codebook appendix, sources) through the service's real
 * exportBriefing, views cached as after launch. Target: ≤ 1 s (median). The
 * Markdown of the same briefing, from the same model, is the floor: what is
 * left is the Word writer and its zip.
 */
import type { ReportModel } from '../../../main/core/report/report-model';
import { createServiceFromParts } from '../../../main/core/service/service';
import type { StoredAnnotation } from '../../../main/core/store/store-schema';
import { alternate, median, timeOnce } from '../harness/measure';
import type { CaseResult } from '../harness/results';
import { seededStore } from '../node/seeded-store';

export const B10_TITLE = 'B10: a briefing of 1,000 annotations';
const LIMIT_MS = 1000;

/** Runs B10-docx. */
export async function benchBriefingDocx(report: ReportModel, records: StoredAnnotation[], runs: number): Promise<CaseResult> {
  const seeded = await seededStore(records);
  const service = createServiceFromParts(report, seeded.store);
  const options = { title: B10_TITLE, groupBy: 'section' as const };
  const sizes = { docx: 0, markdown: 0 };
  // CPU time of this process per Word export: on a shared machine it says more than the wall clock.
  const cpu: number[] = [];
  try {
    await service.impl.listAnnotations(undefined);
    const samples = await alternate(
      {
        ours: () =>
          timeOnce(async () => {
            const before = process.cpuUsage();
            const file = await service.impl.exportBriefing({ ...options, format: 'docx' });
            const used = process.cpuUsage(before);
            cpu.push((used.user + used.system) / 1000);
            sizes.docx = 'contentBase64' in file ? Math.round((file.contentBase64.length * 3) / 4) : 0;
          }),
        floor: () =>
          timeOnce(async () => {
            const file = await service.impl.exportBriefing({ ...options, format: 'markdown' });
            sizes.markdown = 'content' in file ? file.content.length : 0;
          }),
      },
      { runs, warmup: 1 },
    );
    const ours = median(samples.ours!);
    if (sizes.docx === 0) throw new Error('B10: exportBriefing gave no DOCX bytes.');
    return {
      id: 'B10-docx',
      case: `briefing of ${records.length.toLocaleString('en')} annotations to Word (DOCX)`,
      ours_ms: ours,
      peer_ms: null,
      floor_ms: median(samples.floor!),
      ratio: ours / LIMIT_MS,
      ratio_of: 'ours/limit',
      target: '≤ 1 s (median)',
      met: ours <= LIMIT_MS,
      runs,
      details: {
        ours: 'service exportBriefing({ format: "docx", groupBy: "section" }), everything included',
        floor: 'the same briefing as Markdown (same model, text writer)',
        cpu_ms: median(cpu),
        docxBytes: sizes.docx,
        markdownChars: sizes.markdown,
      },
    };
  } finally {
    await seeded.dispose();
  }
}
