/**
 * The briefing's tables and appendix, over its own quotes: the coding matrix
 * (codes × the report's sections, rolled up the code tree as the Codes view
 * counts: a quote counts toward a code when it carries it or a code under it,
 * once) and the codebook entries of the codes its quotes use, with the codes
 * above them, in tree order.
 */
import {
  SectionId,
  STATUS_LABELS,
  type AnnotationView,
  type BriefingAssessmentRow,
  type BriefingCodebookEntry,
  type BriefingMatrix,
  type CodeView,
  type RecommendationView,
} from '../../../../preload/contract';

/** Each code id with every code above it (cycle-safe), for roll-up counts. */
function ancestry(codebook: readonly CodeView[]): (id: string) => string[] {
  const byId = new Map(codebook.map((c) => [c.id, c]));
  return (id) => {
    const chain: string[] = [];
    for (let at = byId.get(id); at && !chain.includes(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) chain.push(at.id);
    return chain;
  };
}

/** The codes × sections matrix of the chosen quotes; only codes that count at least one. */
export function briefingMatrix(chosen: readonly AnnotationView[], codebook: readonly CodeView[], sectionTitle: (id: SectionId) => string): BriefingMatrix {
  const columns = SectionId.options.map((id) => ({ id, label: sectionTitle(id) }));
  const columnOf = new Map<string, number>(SectionId.options.map((id, i) => [id, i]));
  const chainOf = ancestry(codebook);
  const cells = new Map<string, { counts: number[]; total: number }>();
  for (const view of chosen) {
    const rows = new Set(view.codeIds.flatMap(chainOf));
    const column = view.section === null ? undefined : columnOf.get(view.section);
    for (const id of rows) {
      let row = cells.get(id);
      if (!row) cells.set(id, (row = { counts: columns.map(() => 0), total: 0 }));
      row.total++;
      if (column !== undefined) row.counts[column]!++;
    }
  }
  const rows = codebook.filter((c) => cells.has(c.id)).map((c) => ({ codeId: c.id, path: c.path, ...cells.get(c.id)! }));
  return { columns, rows };
}

/** The codebook entries for the codes the chosen quotes use and the codes above them, in tree order. */
export function briefingCodebook(chosen: readonly AnnotationView[], codebook: readonly CodeView[]): BriefingCodebookEntry[] {
  const chainOf = ancestry(codebook);
  const direct = new Map<string, number>();
  const shown = new Set<string>();
  for (const view of chosen) {
    for (const id of new Set(view.codeIds)) {
      direct.set(id, (direct.get(id) ?? 0) + 1);
      for (const up of chainOf(id)) shown.add(up);
    }
  }
  return codebook
    .filter((c) => shown.has(c.id))
    .map((c) => ({
      codeId: c.id,
      name: c.name,
      path: c.path,
      depth: chainOf(c.id).length - 1,
      description: c.description,
      count: direct.get(c.id) ?? 0,
    }));
}

/** One row per recommendation, as the tracker has it (evidence counts cover the whole store). */
export function assessmentRows(recommendations: readonly RecommendationView[]): BriefingAssessmentRow[] {
  return recommendations.map((r) => ({
    id: r.id,
    index: r.index,
    title: r.title,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    rationale: r.rationale,
    assessedBy: r.assessedBy,
    evidence: { ...r.evidence },
  }));
}
