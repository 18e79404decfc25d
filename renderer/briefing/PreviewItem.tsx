/**
 * One quote of the print view: the passage, then one line with its citation and
 * the codes, colour and relation, then the note.
 *
 * Kept to three blocks and one inline element (the work's title): Chromium's
 * tagged PDF spends time on every structure element and every text run, and a
 * briefing of 1,000 quotes printed in about half the time with the facts on the
 * citation's line and the note's label in plain text (B10, issue 15, measured
 * in test/bench/briefing). Each text part is one string, so one text node.
 */
import type { Briefing, BriefingItem } from '../../preload/contract';
import { RELATION_LABELS } from '../../common/briefing-labels';

export function PreviewItem({ source, item }: { source: Briefing['source']; item: BriefingItem }) {
  const tail: string[] = [];
  if (item.place) tail.push(`, ${item.place}`);
  if (item.codes.length > 0) tail.push(` · Codes: ${item.codes.join(', ')}`);
  if (item.colorLabel !== null) tail.push(` · Colour: ${item.colorLabel}`);
  if (item.relation !== null) tail.push(` · ${RELATION_LABELS[item.relation]}`);
  return (
    <div className="bf-item" data-color={item.color ?? undefined}>
      <blockquote className="bf-quote">{item.quote}</blockquote>
      <p className="bf-citation">
        {`— ${source.publisher}, `}
        <cite>{source.work}</cite>
        {tail.join('')}
      </p>
      {item.note !== null && <p className="bf-note">{`Note: ${item.note}`}</p>}
    </div>
  );
}
