/**
 * Choosing what to link to: a search field over a listbox of candidates (the
 * arrow keys move through it, Enter or a click picks one), then the relation as
 * a radio group, then Link. Inline in the card, not a modal: Escape (or Cancel)
 * closes it without leaving the card.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';

export interface PickOption {
  id: string;
  text: string;
  /** Also searched, not shown (a note, say). */
  extra?: string;
}

export interface LinkPickerProps<R extends string> {
  /** "Link to recommendation", used for the group's name. */
  title: string;
  searchLabel: string;
  options: readonly PickOption[];
  relations: ReadonlyArray<{ relation: R; label: string }>;
  /** Most options shown at once; a search narrows the rest. */
  limit?: number;
  onLink(id: string, relation: R): Promise<string | null>;
  onCancel(): void;
}

function matches(option: PickOption, terms: readonly string[]): boolean {
  const hay = `${option.text} ${option.extra ?? ''}`.toLowerCase();
  return terms.every((term) => hay.includes(term));
}

export function LinkPicker<R extends string>(props: LinkPickerProps<R>) {
  const { options, relations, limit = 50 } = props;
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<string | null>(null);
  const [relation, setRelation] = useState<R>(relations[0]!.relation);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = useMemo(() => {
    const terms = query.toLowerCase().split(/\s+/u).filter(Boolean);
    return options.filter((option) => matches(option, terms)).slice(0, limit);
  }, [options, query, limit]);
  const current = Math.min(active, shown.length - 1);
  const optionId = (i: number) => `${id}-option-${i}`;
  // The button that opened the picker is gone: focus goes to the search, not to the page's start (WCAG 2.4.3).
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => searchRef.current?.focus(), []);

  const link = async () => {
    if (chosen === null) return;
    setBusy(true);
    const error = await props.onLink(chosen, relation);
    setBusy(false);
    setProblem(error);
  };

  return (
    <div
      role="group"
      aria-label={props.title}
      className="fm-link-picker"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <input
        ref={searchRef}
        type="search"
        className="fm-input"
        aria-label={props.searchLabel}
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive(Math.max(0, Math.min(shown.length - 1, current + step)));
          } else if (event.key === 'Enter' && shown[current]) {
            event.preventDefault();
            setChosen(shown[current].id);
          }
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={props.searchLabel.replace(/^Find /u, '')} className="fm-link-options">
        {shown.map((option, i) => (
          <li
            key={option.id}
            id={optionId(i)}
            role="option"
            aria-selected={chosen === option.id}
            data-active={i === current ? 'true' : undefined}
            onClick={() => {
              setActive(i);
              setChosen(option.id);
            }}
          >
            {option.text}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="fm-link-none">Nothing matches.</p>}
      <fieldset className="fm-link-relations">
        <legend>Relation</legend>
        {relations.map((choice) => (
          <label key={choice.relation}>
            <input type="radio" name={`${id}-relation`} checked={relation === choice.relation} onChange={() => setRelation(choice.relation)} />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p className="fm-link-problem" role="alert">
        {problem ?? ''}
      </p>
      <div className="fm-link-actions">
        <button type="button" className="fm-button" disabled={chosen === null || busy} onClick={() => void link()}>
          Link
        </button>
        <button type="button" className="fm-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
