/**
 * Sensitivity in the W3C exchange file (issue 16), as terms of the `fieldmark`
 * prefix the export's @context declares (like `fieldmark:deletedAt`):
 * - `fieldmark:sensitivity`: 'sensitive' or 'private' (absent means 'normal'),
 *   so a file keeps its marks through an import;
 * - `fieldmark:noteWithheld: true`: a shared file left the note out; the
 *   annotation has no commenting body, and an import never takes that for a
 *   note emptied by a colleague.
 */
import { Sensitivity } from '../../../preload/contract';
import { fail, type Obj } from './import-values';

export const SENSITIVITY_KEY = 'fieldmark:sensitivity';
export const NOTE_WITHHELD_KEY = 'fieldmark:noteWithheld';

/** The keys an exported annotation gets for its mark; none for a normal annotation whose note goes with it. */
export function sensitivityJson(sensitivity: Sensitivity, withheld: boolean): Record<string, string | boolean> {
  const json: Record<string, string | boolean> = {};
  if (sensitivity !== 'normal') json[SENSITIVITY_KEY] = sensitivity;
  if (withheld) json[NOTE_WITHHELD_KEY] = true;
  return json;
}

/** The marks of an annotation in a file; a value that is not one of ours is refused, never guessed at. */
export function readSensitivityMarks(item: Obj, where: string): { sensitivity: Sensitivity | null; noteWithheld: boolean } {
  const raw = item[SENSITIVITY_KEY];
  let sensitivity: Sensitivity | null = null;
  if (raw !== undefined) {
    const parsed = Sensitivity.safeParse(raw);
    if (!parsed.success) fail(`${where} has a "${SENSITIVITY_KEY}" that is not normal, sensitive or private.`);
    sensitivity = parsed.data;
  }
  const withheld = item[NOTE_WITHHELD_KEY];
  if (withheld !== undefined && typeof withheld !== 'boolean') fail(`${where} has a "${NOTE_WITHHELD_KEY}" that is not true or false.`);
  return { sensitivity, noteWithheld: withheld === true };
}
