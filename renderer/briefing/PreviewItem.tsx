/** One quote of the print view: the passage, its citation, the note and the codes, colour and relation. */
import type { Briefing, BriefingItem } from '../../preload/contract';
import { RELATION_LABELS } from '../../common/briefing-labels';

export function PreviewItem({ source, item }: { source: Briefing['source']; item: BriefingItem }) {
  const facts: string[] = [];
  if (item.codes.length > 0) facts.push(`Codes: ${item.codes.join(', ')}`);
  if (item.colorLabel !== null) facts.push(`Colour: ${item.colorLabel}`);
  if (item.relation !== null) facts.push(RELATION_LABELS[item.relation]);
  return (
    <div className="bf-item" data-color={item.color ?? undefined}>
      <blockquote className="bf-quote">{item.quote}</blockquote>
      <p className="bf-citation">
        — {source.publisher}, <cite>{source.work}</cite>
        {item.place ? `, ${item.place}` : ''}
      </p>
      {item.note !== null && (
        <p className="bf-note">
          <strong>Note:</strong> {item.note}
        </p>
      )}
      {facts.length > 0 && <p className="bf-facts">{facts.join(' · ')}</p>}
    </div>
  );
}
