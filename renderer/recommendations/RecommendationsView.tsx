/**
 * The Recommendations view (issue 14): a toolbar button named
 * "Recommendations" that opens a side sheet, a region of the same name, with
 * the tracker of the report's 12 recommendations. The sheet is not modal, so a
 * count's filter can be seen working in the Annotations panel. Escape (or
 * Close) shuts it and puts focus back where it was opened from. A badge in the
 * text or a card's link opens it on one recommendation (tracker-request.ts).
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { RecommendationId } from '../../preload/contract';
import { useTopBelowToolbar } from '../sheet/use-top-below-toolbar';
import { onOpenRecommendation } from '../annotations/links/tracker-request';
import { useRecommendationList } from '../annotations/links/use-recommendation-list';
import { RecommendationsBody } from './RecommendationsBody';
import { StatusBadges } from './StatusBadges';
import { useOneSheet } from '../sheet/use-one-sheet';
import '../sheet/sheet.css';
import './recommendations.css';

export function RecommendationsView() {
  const [open, setOpen] = useState(false);
  const [openId, setOpenId] = useState<RecommendationId | null>(null);
  // Counts requests, so asking again for the entry already open still moves focus to it.
  const [request, setRequest] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const sheetId = `${titleId}-sheet`;
  // Closed, the view shows only the badges' statuses, which annotation edits do not change.
  const list = useRecommendationList({ followAnnotations: open });

  const close = useCallback(() => {
    setOpen(false);
    const back = returnTo.current ?? buttonRef.current;
    returnTo.current = null;
    (back?.isConnected ? back : buttonRef.current)?.focus();
  }, []);

  const show = useCallback((id: RecommendationId | null) => {
    if (document.activeElement instanceof HTMLElement && !sheetRef.current?.contains(document.activeElement)) returnTo.current = document.activeElement;
    setOpenId(id);
    setOpen(true);
    setRequest((n) => n + 1);
  }, []);

  // Another side sheet opening closes this one, without taking focus back.
  const hide = useCallback(() => setOpen(false), []);
  useOneSheet(open, sheetId, hide);
  const top = useTopBelowToolbar(buttonRef, open);

  useEffect(() => onOpenRecommendation((id) => show(id)), [show]);

  // Focus goes into the sheet as it opens, and to the heading of the entry opened in it.
  useEffect(() => {
    if (!open) return;
    const sheet = sheetRef.current;
    (sheet?.querySelector<HTMLElement>('[data-tracker-start]') ?? sheet)?.focus();
  }, [open, openId, request]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="toolbar-button"
        aria-expanded={open}
        aria-controls={open ? sheetId : undefined}
        onClick={() => (open ? close() : show(null))}
      >
        Recommendations
      </button>
      {open && (
        <section
          ref={sheetRef}
          id={sheetId}
          role="region"
          aria-labelledby={titleId}
          className="fm-sheet rt-sheet"
          data-width="wide"
          tabIndex={-1}
          style={{ top }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented) {
              event.preventDefault();
              close();
            }
          }}
        >
          <div className="fm-sheet-head">
            <h2 id={titleId}>Recommendations</h2>
            <button type="button" className="fm-sheet-close" aria-label="Close recommendations" onClick={close}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <RecommendationsBody list={list} openId={openId} onOpen={setOpenId} />
        </section>
      )}
      <StatusBadges recommendations={list.recommendations} onOpen={show} />
    </>
  );
}
