/**
 * The briefing the preview shows: asked of the service (getBriefing) a moment
 * after the options or the annotations last changed; an answer that arrives
 * after a newer question is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { Briefing, BriefingOptions } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { useAnnotationsSelector } from '../annotations/annotations-context';
import { messageOf } from '../api/error-message';

const ASK_AFTER_MS = 250;

export interface BriefingModel {
  briefing: Briefing | null;
  error: string | null;
  /** True while an answer for the current options is awaited. */
  pending: boolean;
}

export function useBriefingModel(options: BriefingOptions | null): BriefingModel {
  const { client } = useApp();
  const version = useAnnotationsSelector((s) => s.version);
  const [state, setState] = useState<BriefingModel>({ briefing: null, error: null, pending: true });
  const asked = useRef(0);
  const key = options === null ? null : JSON.stringify(options);

  useEffect(() => {
    if (key === null) return;
    const ticket = ++asked.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = window.setTimeout(() => {
      client.getBriefing(JSON.parse(key) as BriefingOptions).then(
        (briefing) => ticket === asked.current && setState({ briefing, error: null, pending: false }),
        (error: unknown) => ticket === asked.current && setState((s) => ({ ...s, error: messageOf(error, 'The preview could not be made. Try again in a moment.'), pending: false })),
      );
    }, ASK_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [client, key, version]);

  return state;
}
