/**
 * Text with the panel filter's terms emphasised. The text is split in plain
 * segments and <mark> elements rendered by React, so user text is always text.
 */
import { splitMatches } from './annotation-filter';

export function Emphasis({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {splitMatches(text, terms).map((segment, i) =>
        segment.match ? (
          <mark key={i} className="fm-match">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
