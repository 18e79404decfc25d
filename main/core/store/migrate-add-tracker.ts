/**
 * Format 2 → 3 (issue 14): the document gains empty `assessments` and `links`,
 * and the settings gain `assessor` (''). Format-2 journal lines are format-3
 * ops except that a `putSettings` lacks `assessor`; it gets the value the
 * document holds (a format-2 Fieldmark never set one), so replaying an older
 * settings change keeps a name typed since.
 */
import type { StoreDoc } from './store-schema';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function withAssessor(settings: unknown, assessor: string): unknown {
  if (!isRecord(settings) || 'assessor' in settings) return settings;
  return { ...settings, assessor };
}

/** A format-2 document as format 3 (the caller sets `version`). */
export function addTrackerDoc(doc: Record<string, unknown>): Record<string, unknown> {
  return {
    ...doc,
    settings: withAssessor(doc.settings, ''),
    assessments: Array.isArray(doc.assessments) ? doc.assessments : [],
    links: Array.isArray(doc.links) ? doc.links : [],
  };
}

/** A format-2 journal batch as format-3 ops; anything unexpected is passed on for the schema to refuse. */
export function addTrackerOps(doc: StoreDoc, ops: unknown): unknown {
  if (!Array.isArray(ops)) return ops;
  return ops.map((op: unknown) => {
    if (!isRecord(op)) return op;
    if (op.op === 'putSettings') return { ...op, value: withAssessor(op.value, doc.settings.assessor) };
    if (op.op === 'replace' && isRecord(op.value)) return { ...op, value: { ...addTrackerDoc(op.value), version: 3 } };
    return op;
  });
}
