/**
 * The review step of an import: counts per kind, then every incoming item with
 * an accept checkbox, grouped by kind (codes first, from a REFI-QDA file, in
 * CodeImportGroups; links and assessments, from a Fieldmark export, in
 * TrackerImportGroups). Nothing is written until the user presses
 * "Import N annotations" (or "… and M codes").
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ImportPreview as Preview } from '../../preload/contract';
import { CodeImportGroups } from './CodeImportGroups';
import { TrackerImportGroups } from './TrackerImportGroups';
import {
  CODE_KIND_ORDER,
  KIND_EXPLANATION,
  KIND_ORDER,
  acceptLabel,
  acceptedCount,
  acceptedIds,
  tickable,
  annotationItems,
  assessmentItems,
  codeItems,
  commitLabel,
  fileSummary,
  groupByKind,
  initiallyAccepted,
  linkItems,
  quoteExcerpt,
  rejectedIds,
} from './import-review';

/** Items rendered per kind at first and added by each "Show more". */
const ITEMS_PAGE = 100;

interface ImportPreviewProps {
  fileName: string;
  preview: Preview;
  busy: boolean;
  /** `accept`: the file's private annotations the user ticked (issue 16). */
  onCommit(reject: string[], accept: string[]): void;
  onCancel(): void;
}

export function ImportPreview({ fileName, preview, busy, onCommit, onCancel }: ImportPreviewProps) {
  const [accepted, setAccepted] = useState(() => initiallyAccepted(preview.items));
  const [shown, setShown] = useState<Record<string, number>>({});
  const groups = useMemo(() => groupByKind(preview.items), [preview.items]);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const count = acceptedCount(annotationItems(preview.items), accepted);
  const codeCount = acceptedCount(codeItems(preview.items), accepted);
  const tracker = { links: acceptedCount(linkItems(preview.items), accepted), assessments: acceptedCount(assessmentItems(preview.items), accepted) };
  const codes = preview.counts.codes;

  const setMany = (ids: string[], accept: boolean) =>
    setAccepted((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (accept) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  // Import… was disabled while the file was read and is gone now: the review's title takes focus, so focus stays in
  // the dialog (not on <body>), Tab goes on into the review and a screen reader hears what is shown.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="import-preview" aria-labelledby={headingId}>
      <h3 ref={headingRef} id={headingId} className="export-section-title" tabIndex={-1}>
        Review the import from “{fileName}”
      </h3>
      <p className="export-hint">
        {fileSummary(preview.counts, { links: linkItems(preview.items).length, assessments: assessmentItems(preview.items).length })} in the file ({preview.format}). Untick what you do not want; nothing is changed until you import.
      </p>
      <dl className="import-counts" aria-label="Import summary">
        {(preview.counts.total > 0 || codes.total === 0) &&
          KIND_ORDER.map(({ kind, count: key, title }) => (
            <div key={kind} className="import-count" data-kind={kind}>
              <dt>{title}</dt>
              <dd>{preview.counts[key]}</dd>
            </div>
          ))}
        {codes.total > 0 &&
          CODE_KIND_ORDER.map(({ kind, title }) => (
            <div key={`code-${kind}`} className="import-count" data-kind={kind}>
              <dt>{title}</dt>
              <dd>{codes[kind]}</dd>
            </div>
          ))}
      </dl>
      <div className="import-items">
        <CodeImportGroups items={preview.items} accepted={accepted} busy={busy} setMany={setMany} />
        <TrackerImportGroups items={preview.items} accepted={accepted} busy={busy} setMany={setMany} />
        {groups.map((group) => {
          const limit = shown[group.kind] ?? ITEMS_PAGE;
          const applying = group.items.filter((item) => item.applies).map((item) => item.id);
          return (
            <section key={group.kind} className="import-group" aria-label={`${group.title}: ${group.items.length}`}>
              <div className="import-group-head">
                <h4>
                  {group.title} <span className="import-group-count">({group.items.length})</span>
                </h4>
                {applying.length > 1 && (
                  <span className="import-group-actions">
                    <button type="button" className="link-button" disabled={busy} onClick={() => setMany(applying, true)}>
                      Accept all {group.title.toLowerCase()}
                    </button>
                    <button type="button" className="link-button" disabled={busy} onClick={() => setMany(applying, false)}>
                      Reject all {group.title.toLowerCase()}
                    </button>
                  </span>
                )}
              </div>
              <p className="export-hint">{KIND_EXPLANATION[group.kind]}</p>
              <ul className="import-list">
                {group.items.slice(0, limit).map((item) => (
                  <li key={item.id} className="import-item">
                    {tickable(item) ? (
                      <input
                        type="checkbox"
                        id={`import-${item.id}`}
                        checked={accepted.has(item.id)}
                        disabled={busy}
                        aria-label={acceptLabel(item)}
                        onChange={(event) => setMany([item.id], event.target.checked)}
                      />
                    ) : (
                      <span className="import-item-spacer" aria-hidden="true" />
                    )}
                    <label htmlFor={tickable(item) ? `import-${item.id}` : undefined} className="import-item-body">
                      <span className="import-item-citation">
                        <span className={`import-swatch import-swatch-${item.color}`} aria-hidden="true" /> {item.citation || 'Unplaced'}
                      </span>
                      <q className="import-item-quote">{quoteExcerpt(item.exact, 140)}</q>
                      {item.note && <span className="import-item-note">{quoteExcerpt(item.note, 140)}</span>}
                      {item.tags.length > 0 && <span className="import-item-tags">{item.tags.map((t) => `#${t}`).join(' ')}</span>}
                      {item.reason && <span className="import-item-reason">{item.reason}</span>}
                    </label>
                  </li>
                ))}
              </ul>
              {group.items.length > limit && (
                <button type="button" className="link-button" onClick={() => setShown({ ...shown, [group.kind]: limit + ITEMS_PAGE })}>
                  Show {Math.min(ITEMS_PAGE, group.items.length - limit)} more {group.title.toLowerCase()}
                </button>
              )}
            </section>
          );
        })}
      </div>
      <div className="export-actions import-commit">
        <button type="button" className="export-button primary" disabled={busy || count + codeCount + tracker.links + tracker.assessments === 0} onClick={() => onCommit(rejectedIds(preview.items, accepted), acceptedIds(preview.items, accepted))}>
          {commitLabel(count, codeCount, tracker)}
        </button>
        <button type="button" className="export-button" disabled={busy} onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
