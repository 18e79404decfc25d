/**
 * Who the dialog's files are for (issue 16): "For sharing" (the default:
 * private annotations left out, sensitive notes withheld, as the sentence
 * below says before anything is written) or "For me (everything)", which
 * takes a deliberate second step: the choice only holds once "Include
 * everything" is pressed. The backup is always everything.
 */
import { useEffect, useId, useState } from 'react';
import type { Audience } from '../../preload/contract';
import { shareSummary } from './share-gate';
import type { ShareGateState } from './use-share-gate';

export function AudienceChoice({ state, disabled }: { state: ShareGateState; disabled: boolean }) {
  const name = useId();
  const [asking, setAsking] = useState(false);
  const { gate, setAudience, review, refresh } = state;
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);
  const shown: Audience = asking ? 'self' : gate.audience;
  const choose = (audience: Audience) => {
    setAsking(false);
    setAudience(audience);
  };

  return (
    <section className="export-section" aria-label="Who the files are for">
      <fieldset className="export-fieldset">
        <legend>Audience</legend>
        <label className="export-choice">
          <input type="radio" name={name} checked={shown === 'share'} disabled={disabled} onChange={() => choose('share')} /> For sharing
        </label>
        <label className="export-choice">
          <input type="radio" name={name} checked={shown === 'self'} disabled={disabled} onChange={() => setAsking(true)} /> For me (everything)
        </label>
      </fieldset>
      {asking ? (
        <div role="group" aria-label="Include everything?" className="export-confirm-inline">
          <p>Files for you include private annotations and sensitive notes. Keep them on this machine; do not send them to anyone.</p>
          <div className="export-actions">
            <button type="button" className="export-button" onClick={() => choose('self')}>
              Include everything
            </button>
            <button type="button" className="export-button" onClick={() => setAsking(false)}>
              Keep it for sharing
            </button>
          </div>
        </div>
      ) : (
        <p className="export-hint" role="status">
          {gate.audience === 'self' ? 'Everything will be included, private annotations and sensitive notes too.' : review ? shareSummary(review) : ''}
        </p>
      )}
    </section>
  );
}
