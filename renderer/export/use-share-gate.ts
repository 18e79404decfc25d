/**
 * The dialog's share gate (share-gate.ts): the audience, the review's counts
 * for the dialog's sentence, and the review of likely personal data that a
 * shared export waits on (Continue writes the file, Go back does not).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Audience, ShareReview } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { ShareGate } from './share-gate';

export interface ShareGateState {
  gate: ShareGate;
  setAudience(audience: Audience): void;
  /** The counts and hits as last asked; null until the first answer. */
  review: ShareReview | null;
  refresh(): Promise<void>;
  /** The review waiting for the user's answer, or null. */
  pending: ShareReview | null;
  answer(go: boolean): void;
}

export function useShareGateState(client: FieldmarkClient): ShareGateState {
  const [audience, setAudience] = useState<Audience>('share');
  const [review, setReview] = useState<ShareReview | null>(null);
  const [pending, setPending] = useState<ShareReview | null>(null);
  const resolver = useRef<((go: boolean) => void) | null>(null);

  const refresh = useCallback(async () => {
    const next = await client.reviewShare(undefined);
    setReview(next);
    setPending((shown) => (shown === null ? null : next));
  }, [client]);

  const check = useCallback(async () => {
    if (audience === 'self') return true;
    const next = await client.reviewShare(undefined);
    setReview(next);
    if (next.hits.length === 0) return true;
    setPending(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, [audience, client]);

  const answer = useCallback((go: boolean) => {
    setPending(null);
    resolver.current?.(go);
    resolver.current = null;
  }, []);

  const gate = useMemo(() => ({ audience, check }), [audience, check]);
  return { gate, setAudience, review, refresh, pending, answer };
}
