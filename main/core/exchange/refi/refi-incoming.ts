/**
 * A .qdpx project's codings as incoming annotations, so they go through the same
 * placement (by the source's hash, else re-anchoring) and merge rules as any
 * other import (import-merge.ts). Each PlainTextSelection is one annotation with
 * the paths its codes will have once the codebook is merged, and its linked notes.
 */
import { MAX_NOTE_LENGTH, MAX_TAGS } from '../../../../preload/contract';
import type { IncomingAnnotation } from '../import-parse';
import { codebookOf } from '../../store/codebook';
import type { CodePlan } from './refi-code-plan';
import { refuseImport } from './refi-import-error';
import type { ReadProject } from './refi-model';

/** The quote context kept with an incoming coding, as our own selectors keep it. */
const CONTEXT = 32;

export function incomingFromProject(project: ReadProject, codes: CodePlan): IncomingAnnotation[] {
  const planned = codebookOf(codes.planned);
  const sources = new Map(project.sources.map((s) => [s.id, s]));
  return project.codings.map((coding, i): IncomingAnnotation => {
    const source = sources.get(coding.sourceId)!;
    const tags = coding.codeIds.map((id) => planned.pathOf(codes.idOf.get(id) ?? id)).filter((p): p is string => p !== null);
    if (tags.length > MAX_TAGS) throw refuseImport(`The selection ${coding.id} has ${tags.length} codes; an annotation can have at most ${MAX_TAGS}.`);
    if (coding.note.length > MAX_NOTE_LENGTH) throw refuseImport(`The note of the selection ${coding.id} is longer than ${MAX_NOTE_LENGTH.toLocaleString('en')} characters.`);
    return {
      id: coding.id,
      originalId: null,
      index: i + 1,
      createdAt: coding.createdAt,
      updatedAt: coding.updatedAt ?? coding.createdAt,
      deletedAt: null,
      color: null,
      note: coding.note.replace(/\r\n?/gu, '\n'),
      // A withheld note marks a sensitive annotation (REFI-QDA has no place for the mark itself).
      noteWithheld: coding.noteWithheld === true,
      sensitivity: coding.noteWithheld === true ? 'sensitive' : null,
      tags,
      source: `urn:sha256:${source.sha256}`,
      sha256: source.sha256,
      start: coding.start,
      end: coding.end,
      exact: coding.exact === '' ? null : coding.exact,
      prefix: source.text.slice(Math.max(0, coding.start - CONTEXT), coding.start),
      suffix: source.text.slice(coding.end, coding.end + CONTEXT),
    };
  });
}
