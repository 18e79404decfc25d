/**
 * The tag editor's listbox of suggestions (the WAI-ARIA combobox pattern's
 * popup): each option is named by its code path and described by the code's
 * definition, which is also shown under the path.
 */
import type { Suggestion } from './code-suggestions';

export interface TagSuggestionsProps {
  /** The listbox id; option `i` is `${id}-${i}` (the combobox's aria-activedescendant). */
  id: string;
  suggestions: readonly Suggestion[];
  active: number;
  hidden: boolean;
  onPick(tag: string): void;
}

export function TagSuggestions({ id, suggestions, active, hidden, onPick }: TagSuggestionsProps) {
  return (
    <ul id={id} role="listbox" aria-label="Tag suggestions" className="fm-suggestions" hidden={hidden}>
      {suggestions.map(({ tag, description }, i) => (
        <li
          key={tag}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          aria-labelledby={`${id}-${i}-tag`}
          aria-describedby={description ? `${id}-${i}-hint` : undefined}
          className="fm-suggestion"
          // mousedown would blur the input and close the list before the click lands.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(tag)}
        >
          <span id={`${id}-${i}-tag`}>{tag}</span>
          {description && (
            <span id={`${id}-${i}-hint`} className="fm-suggestion-hint">
              {description}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
