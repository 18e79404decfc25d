/**
 * An annotation's card: a non-modal dialog beside its passage, labelled by the
 * citation, with the note (saved as you type), tags, colour and Delete. Closing
 * it (Escape, Close, a click elsewhere) saves the note first and returns focus
 * and the caret to where they were (use-card-focus); where it sits is
 * use-card-placement.
 */
import { useId, useRef } from 'react';
import type { AnnotationView, ColorId, Sensitivity, TagCount } from '../../preload/contract';
import type { TextSurface } from '../text/text-surface';
import { ColorChoice } from './ColorChoice';
import { SensitivityChoice } from './SensitivityChoice';
import { colorStyle } from './colors';
import { excerpt } from './excerpt';
import type { NoteSession } from './note-session';
import { NoteField } from './NoteField';
import { isProvisionalId } from './provisional-view';
import { TagEditor } from './TagEditor';
import { CardLinks } from './links/CardLinks';
import type { ChangeResult } from './use-annotation-changes';
import { useCardFocus } from './use-card-focus';
import { useCardPlacement } from './use-card-placement';

export interface AnnotationCardProps {
  view: AnnotationView;
  /** The id the card opened with (a new highlight's temporary id): focus moves once per opening, not again when it is saved. */
  openedAs?: string;
  surface: TextSurface | null;
  focusNote: boolean;
  readOnly: boolean;
  knownTags: readonly TagCount[];
  session: NoteSession;
  colorName(id: ColorId): string;
  onUpdate(patch: { color?: ColorId; tags?: string[]; sensitivity?: Sensitivity }): Promise<ChangeResult>;
  onCommitNote(): Promise<boolean>;
  onDelete(): Promise<boolean>;
  onClose(): Promise<void>;
}

export function AnnotationCard(props: AnnotationCardProps) {
  const { view, surface, session, readOnly, colorName } = props;
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const focus = useCardFocus({ cardRef: ref, noteRef, surface, id: props.openedAs ?? view.id, focusNote: props.focusNote, readOnly, onClose: props.onClose });
  const placement = useCardPlacement(ref, surface, view);
  const style = colorStyle(view.color);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="fm-card"
      data-color={view.color}
      style={placement ? { left: placement.left, top: placement.top, maxHeight: placement.maxHeight } : { left: -9999, top: -9999 }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          focus.closeAndReturn();
        }
      }}
    >
      <header className="fm-card-header">
        <h2 id={titleId} className="fm-card-title">
          {view.citation}
        </h2>
        <span className="fm-color-chip" data-color={view.color}>
          <span className="fm-swatch" data-color={view.color} aria-hidden="true" />
          {colorName(view.color)}
          <span className="sr-only">{`, ${style.swatch.toLowerCase()}, ${style.decoration} underline`}</span>
        </span>
      </header>
      <blockquote className="fm-card-quote">{excerpt(view.exact, 240)}</blockquote>

      <NoteField session={session} readOnly={readOnly} unsaved={isProvisionalId(view.id)} inputRef={noteRef} onCommit={() => void props.onCommitNote()} />

      <TagEditor
        tags={view.tags}
        known={props.knownTags}
        disabled={readOnly}
        onChange={async (tags) => {
          const result = await props.onUpdate({ tags });
          return result.ok ? null : result.error;
        }}
      />

      <ColorChoice name={`${titleId}-colour`} color={view.color} readOnly={readOnly} colorName={colorName} onChoose={(color) => props.onUpdate({ color })} />
      <SensitivityChoice name={`${titleId}-sensitivity`} sensitivity={view.sensitivity} readOnly={readOnly} onChoose={(sensitivity) => props.onUpdate({ sensitivity })} />

      {!isProvisionalId(view.id) && <CardLinks view={view} readOnly={readOnly} />}

      <footer className="fm-card-footer">
        <button
          type="button"
          className="fm-danger-button"
          disabled={readOnly}
          onClick={async () => {
            if (await props.onDelete()) focus.giveFocusBack();
          }}
        >
          Delete
        </button>
        <button type="button" className="fm-button" title="Close (Esc)" onClick={() => focus.closeAndReturn()}>
          Close
        </button>
      </footer>
    </div>
  );
}
