/**
 * One recommendation opened from the table: its text, an editable title, the
 * status as a radio group, the rationale, who assessed it and when, and its
 * evidence by relation. Every change goes through the undo history
 * (use-link-changes) and shows once the host has answered.
 */
import { useEffect, useId, useState } from 'react';
import { STATUS_LABELS, type RecommendationRelation, type RecommendationView } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useAnnotations } from '../annotations/annotations-context';
import type { RecommendationFields } from '../annotations/link-undo';
import { recommendationName } from '../annotations/links/link-words';
import { EvidenceList } from './EvidenceList';
import { RationaleField } from './RationaleField';
import { TitleField } from './TitleField';
import { assessedLine, STATUS_LEGEND } from './tracker-view';

interface Props {
  rec: RecommendationView;
  onBack(): void;
  onShow(rec: RecommendationView, relation: RecommendationRelation): void;
}

export function RecommendationDetail({ rec, onBack, onShow }: Props) {
  const { surface } = useApp();
  const { links, readOnly } = useAnnotations();
  const [said, setSaid] = useState('');
  // The choice shows at once; the list's next answer (or a refusal) settles it.
  const [status, setStatus] = useState(rec.status);
  useEffect(() => setStatus(rec.status), [rec.status]);
  const name = useId();
  const headingId = `${name}-heading`;

  const save = async (patch: RecommendationFields): Promise<string | null> => {
    const result = await links.updateRecommendation(rec, patch);
    return result.ok ? null : result.error;
  };

  return (
    <article className="rt-detail" aria-labelledby={headingId}>
      <button type="button" className="rt-back" onClick={onBack}>
        All recommendations
      </button>
      <h3 id={headingId} tabIndex={-1} data-tracker-start="">
        {recommendationName(rec.index, rec.title)}
      </h3>
      <blockquote className="rt-text">{rec.text}</blockquote>
      <button
        type="button"
        className="rt-link-button"
        onClick={() => surface?.scrollToOffset(rec.start, { flash: { start: rec.start, end: rec.end }, align: 'center' })}
      >
        Show in the text
      </button>
      <TitleField title={rec.title} readOnly={readOnly} onSave={(title) => save({ title })} />
      <fieldset className="rt-status-group">
        <legend>Status</legend>
        {STATUS_LEGEND.map(({ status: choice }) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${name}-status`}
              checked={status === choice}
              disabled={readOnly}
              onChange={async () => {
                setStatus(choice);
                setSaid('Saving…');
                const problem = await save({ status: choice });
                if (problem) setStatus(rec.status);
                setSaid(problem ?? `Saved: ${STATUS_LABELS[choice]}`);
              }}
            />
            {STATUS_LABELS[choice]}
          </label>
        ))}
        <span className="rt-said" aria-live="polite">
          {said}
        </span>
      </fieldset>
      <RationaleField rationale={rec.rationale} readOnly={readOnly} onSave={(rationale) => save({ rationale })} />
      <p className="rt-assessed">{assessedLine(rec)}</p>
      <EvidenceList rec={rec} onShow={onShow} />
    </article>
  );
}
