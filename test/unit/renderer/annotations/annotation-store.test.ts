import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../../renderer/annotations/annotation-store';
import { view } from './fixtures';

const T0 = '2024-01-01T00:00:00.000Z';
const T1 = '2024-01-01T00:00:01.000Z';
const T2 = '2024-01-01T00:00:02.000Z';

function storeWith(...views: ReturnType<typeof view>[]): AnnotationStore {
  const store = new AnnotationStore();
  store.replaceAll(views);
  return store;
}

describe('AnnotationStore proposals (changes shown before the service answers)', () => {
  it('shows a proposed colour at once, in the lists and the tallies', () => {
    const a = view({ color: 'key', updatedAt: T0 });
    const store = storeWith(a);
    const token = store.propose(a.id, { color: 'gap' });
    expect(token).not.toBeNull();
    expect(store.get(a.id)?.color).toBe('gap');
    const snap = store.getSnapshot();
    expect(snap.live.map((v) => v.color)).toEqual(['gap']);
    expect(snap.tallies.colors.gap).toBe(1);
    expect(snap.tallies.colors.key).toBe(0);
  });

  it('keeps the answer when the proposal is settled with one', () => {
    const a = view({ color: 'key', updatedAt: T0 });
    const store = storeWith(a);
    const token = store.propose(a.id, { color: 'gap' })!;
    store.settle(token, { ...a, color: 'gap', updatedAt: T1 });
    expect(store.get(a.id)).toMatchObject({ color: 'gap', updatedAt: T1 });
  });

  it('shows the acknowledged version again when a proposal is refused', () => {
    const a = view({ color: 'key', updatedAt: T0 });
    const store = storeWith(a);
    const token = store.propose(a.id, { deletedAt: T1 })!;
    expect(store.getSnapshot().live).toHaveLength(0);
    expect(store.getSnapshot().deleted.map((v) => v.id)).toEqual([a.id]);
    store.settle(token);
    expect(store.get(a.id)).toBe(a);
    expect(store.getSnapshot().live.map((v) => v.id)).toEqual([a.id]);
    expect(store.getSnapshot().deleted).toHaveLength(0);
  });

  it('keeps an acknowledged version that arrives meanwhile under the proposal, and shows it after a refusal', () => {
    const a = view({ note: '', updatedAt: T0 });
    const store = storeWith(a);
    const token = store.propose(a.id, { deletedAt: T1 })!;
    // The note typed before the delete is saved while the delete is in flight.
    store.upsert({ ...a, note: 'typed', updatedAt: T1 });
    expect(store.get(a.id)).toMatchObject({ note: 'typed', deletedAt: T1 });
    expect(store.getSnapshot().live).toHaveLength(0);
    store.settle(token);
    expect(store.get(a.id)).toMatchObject({ note: 'typed', deletedAt: null });
  });

  it('applies proposals to one annotation in order and drops only the refused one', () => {
    const a = view({ color: 'key', updatedAt: T0 });
    const store = storeWith(a);
    const first = store.propose(a.id, { color: 'gap' })!;
    const second = store.propose(a.id, { color: 'progress' })!;
    expect(store.get(a.id)?.color).toBe('progress');
    store.settle(second);
    expect(store.get(a.id)?.color).toBe('gap');
    store.settle(first, { ...a, color: 'gap', updatedAt: T1 });
    expect(store.get(a.id)?.color).toBe('gap');
  });

  it('does not take an answer older than the version held', () => {
    const a = view({ color: 'key', updatedAt: T2 });
    const store = storeWith(a);
    const token = store.propose(a.id, { color: 'gap' })!;
    store.settle(token, { ...a, color: 'gap', updatedAt: T1 });
    expect(store.get(a.id)).toBe(a);
  });

  it('proposes nothing for an annotation it does not hold, and keeps proposals across a reload', () => {
    const a = view({ color: 'key', updatedAt: T0 });
    const store = storeWith(a);
    expect(store.propose('00000000-0000-4000-8000-ffffffffffff', { color: 'gap' })).toBeNull();
    const token = store.propose(a.id, { color: 'gap' })!;
    store.replaceAll([a]);
    expect(store.get(a.id)?.color).toBe('gap');
    store.settle(token);
    expect(store.get(a.id)?.color).toBe('key');
  });

  it('tells subscribers about each change shown, and nothing when settling changes nothing', () => {
    const a = view({ updatedAt: T0 });
    const store = storeWith(a);
    let calls = 0;
    store.subscribe(() => calls++);
    const token = store.propose(a.id, { color: 'gap' })!;
    store.settle(token);
    store.settle(token);
    expect(calls).toBe(2);
  });
});
