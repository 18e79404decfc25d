/**
 * The print view (issue 15): the briefing model rendered as a document — a
 * title, the summary, the quotes grouped under headings, the tables and the
 * back matter — on paper of the chosen size. It is what prints: the print
 * stylesheet (briefing.css) keeps only this element on paper, with headings
 * kept with what follows and quotes not split across pages.
 */
import type { Briefing } from '../../preload/contract';
import type { PaperSize } from '../../common/paper-size';
import { BRIEFING_PARTS, GROUP_BY_LABELS, NO_QUOTES, bylineParts } from '../../common/briefing-labels';
import { PreviewItem } from './PreviewItem';
import { PreviewBackMatter, PreviewTables } from './PreviewTables';

function Evidence({ briefing }: { briefing: Briefing }) {
  const { meta, counts } = briefing;
  let scope = `Grouped by ${GROUP_BY_LABELS[meta.groupBy]}; ${counts.annotations} annotations.`;
  if (meta.filterDescription !== null) scope += ` Selection: ${meta.filterDescription}.`;
  return (
    <section className="bf-part">
      <h2>{BRIEFING_PARTS.evidence}</h2>
      <p className="bf-scope">{scope}</p>
      {briefing.groups.map((group) => {
        const Heading = `h${Math.min(6, group.level + 1)}` as 'h3';
        return (
          <section key={group.key} className="bf-group">
            <Heading>{group.heading}</Heading>
            {group.items.map((item) => (
              <PreviewItem key={item.annotationId} source={briefing.source} item={item} />
            ))}
          </section>
        );
      })}
      {briefing.groups.length === 0 && <p>{NO_QUOTES}</p>}
    </section>
  );
}

export function BriefingPreview({ briefing, paper }: { briefing: Briefing; paper: PaperSize }) {
  const { meta } = briefing;
  const byline = bylineParts(meta);
  return (
    <article className="bf-paper" data-paper={paper} aria-label="Print view" lang="en">
      <header className="bf-header">
        <h1>{meta.title}</h1>
        {meta.subtitle !== null && <p className="bf-subtitle">{meta.subtitle}</p>}
        {byline.length > 0 && <p className="bf-byline">{byline.join(' · ')}</p>}
      </header>
      {briefing.summary.length > 0 && (
        <section className="bf-part">
          <h2>{BRIEFING_PARTS.summary}</h2>
          {briefing.summary.map((paragraph, i) => (
            <p key={i} className="bf-summary">
              {paragraph}
            </p>
          ))}
        </section>
      )}
      <Evidence briefing={briefing} />
      <PreviewTables briefing={briefing} />
      <PreviewBackMatter briefing={briefing} />
    </article>
  );
}
