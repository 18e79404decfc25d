/**
 * The table of contents: a `nav` named "Contents" with one link per section.
 * Activating a link scrolls there, moves the caret (and keyboard focus) to the
 * section, and marks it with aria-current="location"; scrolling keeps the mark current.
 */
import { useMemo, type MouseEvent } from 'react';
import { useApp } from '../app-state/app-context';
import { placeCaret } from './caret-keys';
import { pinSection, setReadingState, useReadingState } from './reading-state';
import { tocEntries } from './sections';

export interface TableOfContentsProps {
  /** Called after a section was chosen (the narrow layout closes its drawer). */
  onNavigate?: () => void;
}

export function TableOfContents({ onNavigate }: TableOfContentsProps) {
  const { report, surface } = useApp();
  const entries = useMemo(() => tocEntries(report), [report]);
  const { section } = useReadingState();

  const go = (event: MouseEvent<HTMLAnchorElement>, index: number) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const entry = entries[index];
    if (!surface || !entry) return;
    pinSection(index);
    setReadingState({ section: index });
    surface.scrollToOffset(entry.start);
    placeCaret(surface, entry.start);
    surface.container.focus({ preventScroll: true });
    onNavigate?.();
  };

  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading" className="panel-heading">
        Contents
      </h2>
      <ol className="toc-list">
        {entries.map((entry, index) => (
          <li key={entry.id}>
            <a
              href={`#fm-${entry.id}`}
              className="toc-link"
              aria-current={index === section ? 'location' : undefined}
              onClick={(event) => go(event, index)}
            >
              {entry.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
