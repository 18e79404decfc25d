/**
 * Everything annotations add on top of the reading surface: the painted
 * highlights, the selection toolbar, the caret commands, the open card and the
 * label hint shown when the pointer or the caret is on a highlight. Mount it once,
 * anywhere inside <AnnotationsProvider>; it renders fixed-position overlays, and
 * the caret commands into the reading pane's slot.
 */
import { useEffect, type RefObject } from 'react';
import type { AnnotationView, ColorId } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useAnnounce } from '../app-state/announcer';
import { AnnotationCard } from './AnnotationCard';
import { CaretCommands } from './CaretCommands';
import { DEFAULT_COLOR } from './colors';
import { isLive } from './annotation-filter';
import { useAnnotations, useAnnotationsSelector, useSelectedId } from './annotations-context';
import type { AnnotationSnapshot } from './annotation-store';
import { SelectionToolbar } from './SelectionToolbar';
import { useAnnouncedCreate } from './use-announced-create';
import { useHighlightDescriptions } from './use-highlight-descriptions';
import { useHighlightNavigator } from './use-highlight-navigator';
import { useHighlightPainting } from './use-highlight-painting';
import { useTextInteractions, type Hint } from './use-text-interactions';

export function AnnotationsLayer() {
  const { surface, report } = useApp();
  const annotations = useAnnotations();
  const { card, colorName, store } = annotations;
  const live = useAnnotationsSelector(selectLive);
  const selectedId = useSelectedId();
  // Only the selected annotation's own version: another annotation's edit does not re-mark it.
  const selected = useAnnotationsSelector((s) => (selectedId ? liveView(s.byId.get(selectedId) ?? null) : null));

  useHighlightPainting(surface, live, selected);
  useHighlightDescriptions(surface, live, annotations.legend, colorName);
  const create = useAnnouncedCreate();
  const { navigated, highlightAtCaret } = useHighlightNavigator(surface, { live, text: report.text, goTo: annotations.goTo, openCard: annotations.openCard, colorName, create });

  const highlight = async (start: number, end: number, color: ColorId) => {
    // The caret stays at the end of the new highlight; the card takes focus for the note.
    document.getSelection()?.collapseToEnd();
    await create(start, end, color);
  };

  const hint = useTextInteractions(surface, {
    live,
    text: report.text,
    create: highlight,
    openCard: annotations.openCard,
    select: annotations.select,
    undo: annotations.undo,
    redo: annotations.redo,
  });

  const cardView = card ? liveView(store.get(card.id)) : null;
  const shownHint = hint && hint.id !== card?.id ? hint : null;
  const hintView = shownHint ? liveView(store.get(shownHint.id)) : null;

  return (
    <>
      <SelectionToolbar surface={surface} text={report.text} colorName={colorName} onHighlight={highlight} />
      <CaretCommands surface={surface} colorLabel={colorName(DEFAULT_COLOR)} highlightAtCaret={highlightAtCaret} />
      {cardView && card && (
        <AnnotationCard
          key={card.key}
          openedAs={card.key}
          view={cardView}
          surface={surface}
          focusNote={card.focusNote}
          readOnly={annotations.readOnly}
          knownTags={annotations.knownTags}
          session={annotations.noteSession(cardView.id)}
          colorName={colorName}
          onUpdate={(patch) => annotations.update(cardView.id, patch)}
          onCommitNote={() => annotations.commitNote(cardView.id)}
          onDelete={() => annotations.remove(cardView.id)}
          onClose={annotations.closeCard}
        />
      )}
      <HighlightHint hint={shownHint} view={hintView} label={hintView ? colorName(hintView.color) : ''} navigated={navigated} />
    </>
  );
}

const selectLive = (s: AnnotationSnapshot) => s.live;

/** The view if it is painted (not deleted, not an orphan). */
function liveView(view: AnnotationView | null): AnnotationView | null {
  return view && isLive(view) ? view : null;
}

interface HintProps {
  hint: Hint | null;
  view: AnnotationView | null;
  label: string;
  /** The highlight the navigator put the caret on, while it is there (it announced it already, with more). */
  navigated: RefObject<string | null>;
}

/**
 * The label of the highlight under the pointer or the caret (the colour's name is never
 * conveyed by hue alone); the caret entering a highlight is announced in the app's live region.
 */
function HighlightHint({ hint, view, label, navigated }: HintProps) {
  const announce = useAnnounce();
  const caretId = hint?.via === 'caret' && view ? view.id : null;
  useEffect(() => {
    if (caretId === null || !view) return;
    if (navigated.current === null) announce(`${label} highlight, ${view.citation}. Press Enter to open its note.`);
    // Only a new highlight under the caret is announced, not its edits.
  }, [caretId]);
  return (
    <>
      {hint && view && (
        <div className="fm-hint" role="tooltip" data-color={view.color} style={{ left: hint.x + 8, top: hint.y + (hint.via === 'pointer' ? 16 : 6) }}>
          <span className="fm-sample" data-color={view.color} aria-hidden="true">
            Aa
          </span>
          <span className="fm-hint-label">{label}</span>
          {view.tags.length > 0 && <span className="fm-hint-tags">{view.tags.join(', ')}</span>}
          <span className="fm-hint-help">{hint.via === 'caret' ? 'Enter opens the note' : 'Click to open the note'}</span>
        </div>
      )}
    </>
  );
}
