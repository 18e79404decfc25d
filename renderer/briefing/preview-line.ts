/** The line above the print view: what it holds, and the annotations left out because they need review. */
import type { Briefing } from '../../preload/contract';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function previewLine(briefing: Pick<Briefing, 'counts' | 'groups'>): string {
  const { annotations, orphansExcluded } = briefing.counts;
  let line = `${plural(annotations, 'annotation', 'annotations')} in ${plural(briefing.groups.length, 'group', 'groups')}.`;
  if (orphansExcluded > 0) line += ` ${plural(orphansExcluded, 'annotation needs', 'annotations need')} review and ${orphansExcluded === 1 ? 'is' : 'are'} not included.`;
  return line;
}
