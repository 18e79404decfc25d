/**
 * Tracker changes (issue 14) as the card and the Recommendations view make them
 * and as undo and redo repeat them: links between an annotation and a
 * recommendation or another annotation, and a recommendation's title, status
 * and rationale. Each goes to the service; once acknowledged it is recorded in
 * the same undo history as annotation edits, the annotation views it touched
 * are updated, and `trackerVersion` moves on so the tracker asks again.
 */
import { useMemo } from 'react';
import type { AnnotationView, LinkInput, RecommendationView } from '../../preload/contract';
import type { FieldmarkClient } from '../api/client';
import type { AnnotationStore } from './annotation-store';
import { changeFailure } from './change-failure';
import { hasOutLink, otherEndAfter } from './links/link-ends';
import { describeTrackerEntry, linkEntry, recommendationEntry, trackerOperationFor, type RecommendationFields, type TrackerEntry } from './link-undo';
import type { UndoHistory } from './undo-history';
import { ValueStore } from './value-store';

export type TrackerResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface LinkChanges {
  /** Moves on after every tracker change (made here, undone or redone). */
  trackerVersion: ValueStore<number>;
  link(input: LinkInput): Promise<TrackerResult<AnnotationView>>;
  unlink(input: LinkInput): Promise<TrackerResult<AnnotationView>>;
  updateRecommendation(before: RecommendationView, patch: RecommendationFields): Promise<TrackerResult<RecommendationView>>;
  /** Runs an undo or redo step of a tracker entry. */
  performTracker(entry: TrackerEntry, direction: 'undo' | 'redo'): Promise<void>;
}

export interface LinkChangeDeps {
  client: FieldmarkClient;
  store: AnnotationStore;
  history: UndoHistory;
  announce(message: string): void;
}

async function attempt<T>(run: () => Promise<T>): Promise<TrackerResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: changeFailure(error) };
  }
}

function bind(deps: LinkChangeDeps, trackerVersion: ValueStore<number>): LinkChanges {
  const { client, store, history } = deps;
  const bump = () => trackerVersion.set(trackerVersion.get() + 1);
  /** Sends a link or unlink and shows its answer on both ends. */
  const sendLink = async (input: LinkInput, present: boolean): Promise<AnnotationView> => {
    const view = present ? await client.linkAnnotation(input) : await client.unlinkAnnotation(input);
    store.upsert(view);
    const other = 'annotation' in input.to ? store.get(input.to.annotation) : null;
    const updated = other ? otherEndAfter(other, view, input, present) : null;
    if (updated) store.upsert(updated);
    bump();
    return view;
  };
  const changeLink = (input: LinkInput, present: boolean) => {
    const held = store.get(input.from);
    // Linking what is linked (or unlinking what is not) writes nothing, so it is no step to undo.
    const changes = !held || hasOutLink(held, input) !== present;
    return history.track(
      attempt(async () => {
        const view = await sendLink(input, present);
        if (changes) history.record(linkEntry(input, present));
        return view;
      }),
    );
  };
  return {
    trackerVersion,
    link: (input) => changeLink(input, true),
    unlink: (input) => changeLink(input, false),
    updateRecommendation: (before, patch) => {
      const entry = recommendationEntry(before, patch);
      if (!entry) return Promise.resolve({ ok: true, value: before });
      return history.track(
        attempt(async () => {
          const view = await client.updateRecommendation({ id: before.id, ...patch });
          history.record(entry);
          bump();
          return view;
        }),
      );
    },
    performTracker: async (entry, direction) => {
      const op = trackerOperationFor(entry, direction);
      if (op.method === 'updateRecommendation') {
        await client.updateRecommendation(op.input);
        bump();
      } else await sendLink(op.input, op.method === 'linkAnnotation');
      deps.announce(describeTrackerEntry(entry, direction));
    },
  };
}

export function useLinkChanges(deps: LinkChangeDeps): LinkChanges {
  const { client, store, history, announce } = deps;
  const trackerVersion = useMemo(() => new ValueStore(0), []);
  return useMemo(() => bind({ client, store, history, announce }, trackerVersion), [client, store, history, announce, trackerVersion]);
}
