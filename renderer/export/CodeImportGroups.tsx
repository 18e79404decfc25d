/**
 * The code items of an import review (a .qdc or .qdpx): grouped by what they do
 * to the codebook (new, renamed, moved, changed, unchanged), each with its path,
 * its path now when it moves or is renamed, whether its definition changes, and
 * a note when a `/` or `,` in its name had to be replaced. The checkboxes work
 * like the annotations' ones.
 */
import type { ImportItem } from '../../preload/contract';
import { CODE_KIND_EXPLANATION, acceptCodeLabel, groupCodesByKind, quoteExcerpt, replacedNameNote } from './import-review';

interface CodeImportGroupsProps {
  items: readonly ImportItem[];
  accepted: ReadonlySet<string>;
  busy: boolean;
  setMany(ids: string[], accept: boolean): void;
}

export function CodeImportGroups({ items, accepted, busy, setMany }: CodeImportGroupsProps) {
  return (
    <>
      {groupCodesByKind(items).map((group) => (
        <section key={`code-${group.kind}`} className="import-group" aria-label={`${group.title}: ${group.items.length}`}>
          <div className="import-group-head">
            <h4>
              {group.title} <span className="import-group-count">({group.items.length})</span>
            </h4>
          </div>
          <p className="export-hint">{CODE_KIND_EXPLANATION[group.kind]}</p>
          <ul className="import-list">
            {group.items.map((item) => {
              const replaced = replacedNameNote(item);
              return (
                <li key={item.id} className="import-item import-code-item">
                  {item.applies ? (
                    <input
                      type="checkbox"
                      id={`import-${item.id}`}
                      checked={accepted.has(item.id)}
                      disabled={busy}
                      aria-label={acceptCodeLabel(item)}
                      onChange={(event) => setMany([item.id], event.target.checked)}
                    />
                  ) : (
                    <span className="import-item-spacer" aria-hidden="true" />
                  )}
                  <label htmlFor={item.applies ? `import-${item.id}` : undefined} className="import-item-body">
                    <span className="import-item-citation import-code-path">{item.path}</span>
                    {item.previousPath !== null && <span className="import-item-note">Now: {item.previousPath}</span>}
                    {item.description !== '' && (
                      <span className="import-item-note">
                        {item.definitionChanged ? 'New definition: ' : 'Definition: '}
                        {quoteExcerpt(item.description, 200)}
                      </span>
                    )}
                    {item.reason && <span className="import-item-reason">{item.reason}</span>}
                    {replaced && <span className="import-item-reason">{replaced}</span>}
                  </label>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
