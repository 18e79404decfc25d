/**
 * The card's tag editor: the tags as removable chips and an input with
 * autocomplete (the WAI-ARIA combobox pattern with a listbox of suggestions).
 * Suggestions are the codebook's code paths (asked for each time the field
 * gets focus), each with its definition shown under it and as its description.
 * Enter or a comma adds; tags are unique by the tag rule (common/tag-identity.ts) and at most 64
 * characters. Typed text is kept when a tag cannot be added, with the reason.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { CodeView, TagCount } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { suggestCodes } from './code-suggestions';
import { addTags, removeTag } from './tags';
import { TagSuggestions } from './TagSuggestions';

export interface TagEditorProps {
  tags: readonly string[];
  known: readonly TagCount[];
  /** Saves the new tag list; resolves with the service's message when it refused. */
  onChange(tags: string[]): Promise<string | null>;
  disabled?: boolean;
}

export function TagEditor({ tags, known, onChange, disabled = false }: TagEditorProps) {
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<CodeView[] | null>(null);
  const { client } = useApp();
  const id = useId();
  const listId = `${id}-suggestions`;
  const messageId = `${id}-message`;
  const inputId = `${id}-input`;

  const suggestions = useMemo(() => (open ? suggestCodes(known, codes, input.replace(/^.*,/u, ''), tags) : []), [open, known, codes, input, tags]);
  const expanded = open && suggestions.length > 0;

  const commit = async (raw: string) => {
    const result = addTags(tags, raw);
    if (result.added.length === 0) {
      setProblem(result.problem);
      return;
    }
    setBusy(true);
    const refused = await onChange(result.tags);
    setBusy(false);
    if (refused) {
      setProblem(refused);
      return;
    }
    setProblem(result.problem);
    setInput('');
    setActive(-1);
  };

  const remove = async (tag: string) => {
    setBusy(true);
    const refused = await onChange(removeTag(tags, tag));
    setBusy(false);
    setProblem(refused);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (suggestions.length === 0) return;
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => {
        const next = current + delta;
        if (next >= suggestions.length) return 0;
        return next < 0 ? suggestions.length - 1 : next;
      });
      return;
    }
    if (event.key === 'Escape' && expanded) {
      // Closes the suggestions only; a second Escape closes the card.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
      return;
    }
    if (event.key === 'Enter' || event.key === ',') {
      const chosen = expanded && active >= 0 && active < suggestions.length ? suggestions[active]!.tag : null;
      if (!chosen && input.trim() === '') {
        if (event.key === ',') event.preventDefault();
        return;
      }
      event.preventDefault();
      void commit(chosen ?? input);
      return;
    }
    if (event.key === 'Backspace' && input === '' && tags.length > 0) {
      // Backspace in an empty input is how tag inputs usually remove the last tag.
      event.preventDefault();
      void remove(tags[tags.length - 1]!);
    }
  };

  return (
    <div className="fm-tag-editor">
      <label htmlFor={inputId} className="fm-field-label">
        Tags
      </label>
      {tags.length > 0 && (
        <ul className="fm-tag-list" aria-label="Tags on this annotation">
          {tags.map((tag) => (
            <li key={tag} className="fm-tag">
              <span className="fm-tag-text">{tag}</span>
              <button type="button" className="fm-tag-remove" aria-label={`Remove tag ${tag}`} disabled={disabled || busy} onClick={() => void remove(tag)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="fm-combobox">
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={messageId}
          autoComplete="off"
          spellCheck={false}
          placeholder="Add a tag, press Enter"
          value={input}
          disabled={disabled}
          onChange={(event) => {
            setInput(event.target.value);
            setOpen(true);
            setActive(-1);
            setProblem(null);
          }}
          onFocus={() => {
            setOpen(true);
            // Suggestions are a convenience: without the codebook, the tags in use are offered.
            client.listCodes().then(setCodes, () => undefined);
          }}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <TagSuggestions id={listId} suggestions={suggestions} active={active} hidden={!expanded} onPick={(tag) => void commit(tag)} />
      </div>
      <p id={messageId} className="fm-field-message" aria-live="polite">
        {problem ?? ''}
      </p>
    </div>
  );
}
