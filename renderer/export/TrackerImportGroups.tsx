/**
 * The links and assessments of an import review (issue 14; a Fieldmark W3C
 * export carries them): grouped by kind like the annotations, each a sentence
 * ("Protection ¶4 “…” is evidence of a gap for Recommendation 3: …", or the
 * recommendation with the status it would take), with an accept checkbox that
 * works like the annotations' ones. Orphan links (a highlight that is nowhere)
 * are listed with their reason and cannot be accepted.
 */
import type { ReactNode } from 'react';
import { STATUS_LABELS, type ImportItem } from '../../preload/contract';
import { TRACKER_KIND_EXPLANATION, acceptAssessmentLabel, acceptLinkLabel, groupTrackerByKind, linkSentence, quoteExcerpt } from './import-review';

interface TrackerImportGroupsProps {
  items: readonly ImportItem[];
  accepted: ReadonlySet<string>;
  busy: boolean;
  setMany(ids: string[], accept: boolean): void;
}

interface RowProps {
  id: string;
  applies: boolean;
  label: string;
  accepted: ReadonlySet<string>;
  busy: boolean;
  setMany(ids: string[], accept: boolean): void;
  children: ReactNode;
}

function Row({ id, applies, label, accepted, busy, setMany, children }: RowProps) {
  return (
    <li className="import-item import-tracker-item">
      {applies ? (
        <input type="checkbox" id={`import-${id}`} checked={accepted.has(id)} disabled={busy} aria-label={label} onChange={(event) => setMany([id], event.target.checked)} />
      ) : (
        <span className="import-item-spacer" aria-hidden="true" />
      )}
      <label htmlFor={applies ? `import-${id}` : undefined} className="import-item-body">
        {children}
      </label>
    </li>
  );
}

export function TrackerImportGroups({ items, accepted, busy, setMany }: TrackerImportGroupsProps) {
  const shared = { accepted, busy, setMany };
  return (
    <>
      {groupTrackerByKind(items).map((group) => (
        <section key={`tracker-${group.kind}`} className="import-group" aria-label={`${group.title} links and assessments: ${group.links.length + group.assessments.length}`}>
          <div className="import-group-head">
            <h4>
              {group.title} links and assessments <span className="import-group-count">({group.links.length + group.assessments.length})</span>
            </h4>
          </div>
          <p className="export-hint">{TRACKER_KIND_EXPLANATION[group.kind]}</p>
          <ul className="import-list">
            {group.assessments.map((item) => (
              <Row key={item.id} id={item.id} applies={item.applies} label={acceptAssessmentLabel(item)} {...shared}>
                <span className="import-item-citation">{item.label}</span>
                <span className="import-item-note">
                  Status: {STATUS_LABELS[item.status]}
                  {item.previousStatus !== null && item.previousStatus !== item.status ? ` (yours: ${STATUS_LABELS[item.previousStatus]})` : ''}
                </span>
                {item.rationale && <span className="import-item-note">{quoteExcerpt(item.rationale, 140)}</span>}
                {item.reason && <span className="import-item-reason">{item.reason}</span>}
              </Row>
            ))}
            {group.links.map((item) => (
              <Row key={item.id} id={item.id} applies={item.applies} label={acceptLinkLabel(item)} {...shared}>
                <span className="import-item-citation">{item.unlinked ? 'Unlinked: ' : 'Link: '}</span>
                <span className="import-item-note">{linkSentence(item)}</span>
                {item.reason && <span className="import-item-reason">{item.reason}</span>}
              </Row>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
