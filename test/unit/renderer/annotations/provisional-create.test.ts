/**
 * Creating a highlight shows it at once (issue 12): a provisional view under a
 * temporary id that the saved view replaces when the service answers, or that
 * goes again, with the alert and Retry, when the service refuses. The undo entry
 * is recorded only with the saved id.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationView, ColorId, Report } from '../../../../preload/contract';
import type { FieldmarkClient } from '../../../../renderer/api/client';
import { AnnotationStore } from '../../../../renderer/annotations/annotation-store';
import { ProvisionalIds } from '../../../../renderer/annotations/provisional-ids';
import { isProvisionalId, provisionalView } from '../../../../renderer/annotations/provisional-view';
import { UndoHistory } from '../../../../renderer/annotations/undo-history';
import type { UndoEntry } from '../../../../renderer/annotations/undo-stack';
import { createHighlight, type ChangeDeps } from '../../../../renderer/annotations/use-annotation-changes';
import { view } from './fixtures';

const TEXT = 'Title line. The government identified victims of trafficking in 2020 and referred them to care.';
const V = TEXT.indexOf('victims');
const REPORT: Pick<Report, 'text' | 'blocks' | 'sha256'> = {
  text: TEXT,
  sha256: 'a'.repeat(64),
  blocks: [
    { id: 'title', kind: 'title', section: null, sectionTitle: null, paragraph: null, start: 0, end: 11 },
    { id: 'protection-p1', kind: 'paragraph', section: 'protection', sectionTitle: 'Protection', paragraph: 1, start: 12, end: 60 },
    { id: 'protection-p2', kind: 'paragraph', section: 'protection', sectionTitle: 'Protection', paragraph: 2, start: 60, end: TEXT.length },
  ],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The deps of one creation, with the service's answer held until the test gives it. */
function setup() {
  const answer = deferred<AnnotationView>();
  const store = new AnnotationStore();
  store.replaceAll([]);
  const history = new UndoHistory();
  const ids = new ProvisionalIds();
  const calls: string[] = [];
  const deps: ChangeDeps = {
    client: { createAnnotation: vi.fn(() => answer.promise) } as unknown as FieldmarkClient,
    store,
    history,
    ids,
    notify: vi.fn(() => 1),
    announce: vi.fn(),
    refreshTags: vi.fn(async () => {}),
    commitNote: vi.fn(async () => true),
    adoptNote: vi.fn(),
    openCard: vi.fn((id: string) => calls.push(`open ${id}`)),
    forget: vi.fn((id: string) => calls.push(`forget ${id}`)),
    rename: vi.fn((from: string, to: string) => calls.push(`rename ${from} ${to}`)),
    draft: (id: string, start: number, end: number, color: ColorId) => provisionalView(REPORT, { id, start, end, color, now: '2024-01-01T00:00:05.000Z' }),
  };
  return { answer, store, history, ids, deps, calls };
}

/** The entry the next undo would take (and puts it back). */
async function nextUndo(history: UndoHistory): Promise<UndoEntry | null> {
  let taken: UndoEntry | null = null;
  await history.step('undo', {
    perform: async (entry) => {
      taken = entry;
      throw new Error('only looking');
    },
    nothing: () => {},
    failed: () => {},
  });
  return taken;
}

describe('provisionalView', () => {
  it('quotes and cites the range as the service would', () => {
    const v = provisionalView(REPORT, { id: 'provisional-1', start: V, end: V + 7, color: 'gap', now: 'T' });
    expect(v).toMatchObject({ exact: 'victims', color: 'gap', note: '', tags: [], deletedAt: null, citation: 'Protection ¶1', section: 'protection', paragraph: 1 });
    expect(v.prefix).toBe(TEXT.slice(V - 32, V));
    expect(v.suffix).toBe(TEXT.slice(V + 7, V + 39));
    expect(provisionalView(REPORT, { id: 'p', start: 50, end: 70, color: 'key', now: 'T' }).citation).toBe('Protection ¶1–¶2');
  });
});

describe('creating a highlight', () => {
  it('shows it and opens its card at once, before the service answers, and records nothing for undo yet', async () => {
    const { store, history, deps, calls } = setup();
    const done = createHighlight(deps, V, V + 7, 'gap');
    const shown = store.getSnapshot().live;
    expect(shown).toHaveLength(1);
    expect(isProvisionalId(shown[0]!.id)).toBe(true);
    expect(shown[0]).toMatchObject({ exact: 'victims', color: 'gap' });
    expect(store.getSnapshot().tallies.colors.gap).toBe(1);
    expect(calls).toEqual([`open ${shown[0]!.id}`]);
    expect(await nextUndo(history)).toBeNull();
    void done;
  });

  it('replaces it with the saved view when the service answers, moves the card to the saved id and records the creation', async () => {
    const { answer, store, history, ids, deps, calls } = setup();
    const done = createHighlight(deps, V, V + 7, 'gap');
    const temp = store.getSnapshot().live[0]!.id;
    const saved = view({ start: V, end: V + 7, exact: 'victims', color: 'gap' });
    answer.resolve(saved);
    expect(await done).toBe(saved);
    expect(store.getSnapshot().live).toEqual([saved]);
    expect(store.get(temp)).toBeNull();
    expect(store.getSnapshot().tallies.colors.gap).toBe(1);
    expect(calls).toEqual([`open ${temp}`, `rename ${temp} ${saved.id}`]);
    expect(await ids.resolve(temp)).toBe(saved.id);
    expect(await nextUndo(history)).toEqual({ kind: 'create', id: saved.id });
  });

  it('takes it away again with an alert and Retry when the service refuses, and records nothing', async () => {
    const { answer, store, history, ids, deps, calls } = setup();
    const done = createHighlight(deps, V, V + 7, 'gap');
    const temp = store.getSnapshot().live[0]!.id;
    answer.reject(new Error('The disk is full.'));
    expect(await done).toBeNull();
    expect(store.getSnapshot().live).toHaveLength(0);
    expect(store.getSnapshot().tallies.colors.gap).toBe(0);
    expect(calls).toEqual([`open ${temp}`, `forget ${temp}`]);
    expect(await ids.resolve(temp)).toBeNull();
    expect(await nextUndo(history)).toBeNull();
    const [message, options] = vi.mocked(deps.notify).mock.calls[0]!;
    expect(message).toContain('The highlight was not saved.');
    expect(options).toMatchObject({ kind: 'error', action: { label: 'Retry' } });
  });

  it('keeps a highlight being created across a reload of the list', () => {
    const { store, deps } = setup();
    void createHighlight(deps, V, V + 7, 'gap');
    const other = view({ start: 0, end: 5 });
    store.replaceAll([other]);
    expect(store.getSnapshot().live.map((v) => v.id)).toEqual([other.id, expect.stringMatching(/^provisional-/)]);
  });
});
