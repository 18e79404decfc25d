/** An annotation item of an import preview, as the service sends it, for the review's unit tests. */
import type { AnnotationImportItem } from '../../../../preload/contract';

export const importItem = (id: string, over: Partial<AnnotationImportItem> = {}): AnnotationImportItem => ({
  entity: 'annotation',
  id,
  kind: 'new',
  exact: 'a quote',
  note: '',
  tags: [],
  color: 'key',
  citation: 'Protection ¶4',
  anchor: { status: 'exact', score: 1 },
  reason: null,
  applies: true,
  sensitivity: 'normal',
  ...over,
});
