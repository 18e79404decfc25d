import { describe, expect, it } from 'vitest';
import type { AnnotationView, ColorId, SectionId } from '../../../../preload/contract';
import { foldSearchText } from '../../../../common/annotation-filter';
import { tagKeys } from '../../../../common/tag-identity';
import { EMPTY_FILTER, type PanelFilter, type SortOrder } from '../../../../renderer/annotations/annotation-filter';
import { AnnotationStore } from '../../../../renderer/annotations/annotation-store';
import { FilterIndex } from '../../../../renderer/annotations/filter-index';
import { panelView } from '../../../../renderer/annotations/panel-view';
import { byDocumentOrder, byNewest } from '../../../../renderer/annotations/sorted-list';
import { prng } from '../../../support/store-fixtures';
import { view } from './fixtures';
import {
  referenceColorCounts as colorCounts,
  referenceSectionCounts as sectionCounts,
  referenceShown as filterAnnotations,
  referenceTagCounts as tagCounts,
} from './panel-of';

const sortAnnotations = (list: readonly AnnotationView[], order: SortOrder) => [...list].sort(order === 'newest' ? byNewest : byDocumentOrder);

const COLORS: ColorId[] = ['key', 'gap', 'progress', 'statistic', 'question'];
const SECTIONS: SectionId[] = ['protection', 'prosecution', 'prevention', 'profile'] as SectionId[];
const TAGS = ['Labor', 'labor', 'labor/TITP', 'TITP', 'ＴＩＴＰ', 'children', 'legal/visa', 'legal'];
const WORDS = ['intern', 'visa', 'shelter', 'police', 'Labor', 'children', 'quota', 'raid'];

function randomViews(seed: number, count: number): AnnotationView[] {
  const rand = prng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(rand() * 500);
    return view({
      color: pick(COLORS),
      section: rand() < 0.1 ? null : pick(SECTIONS),
      tags: [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(TAGS)))],
      exact: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
      note: rand() < 0.5 ? `${pick(WORDS)} note` : '',
      start,
      end: start + 1 + Math.floor(rand() * 40),
      createdAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 1e9)).toISOString(),
    });
  });
}

function randomFilter(seed: number): PanelFilter {
  const rand = prng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return {
    colors: rand() < 0.4 ? [pick(COLORS)] : [],
    tags: rand() < 0.4 ? [pick(['labor', 'legal', 'TITP', 'nothing'])] : [],
    section: rand() < 0.3 ? pick(SECTIONS) : null,
    text: rand() < 0.5 ? pick(['', 'in', 'VISA note', 'labor', 'zzz']) : '',
  };
}

describe('panel view from the store, index and tallies', () => {
  it('shows the same list and counts as the reference filter, for random annotations and filters', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const views = randomViews(seed, 120);
      const store = new AnnotationStore();
      store.replaceAll(views);
      const s = store.getSnapshot();
      const filter = randomFilter(seed * 7);
      for (const sort of ['document', 'newest'] as const) {
        const got = panelView({ live: s.live, ordered: sort === 'newest' ? s.newest : s.live, index: s.index, tallies: s.tallies }, filter);
        const reference = sortAnnotations(filterAnnotations(s.live, filter), sort);
        expect(got.shown.map((a) => a.id)).toEqual(reference.map((a) => a.id));
        expect(got.colors).toEqual(colorCounts(s.live, filter));
        expect(new Map([...got.sections].filter(([, n]) => n > 0))).toEqual(sectionCounts(s.live, filter));
        expect(got.tags).toEqual(tagCounts(s.live, filter));
      }
    }
  });

  it('keeps counts right through edits, deletions and restores, one change at a time', () => {
    const views = randomViews(99, 80);
    const store = new AnnotationStore();
    store.replaceAll(views.slice(0, 40));
    const rand = prng(5);
    const current = new Map(views.slice(0, 40).map((v) => [v.id, v]));
    for (let step = 0; step < 200; step++) {
      const base = views[Math.floor(rand() * views.length)]!;
      const held = current.get(base.id) ?? base;
      const updatedAt = new Date(Date.UTC(2025, 0, 1) + step * 1000).toISOString();
      const roll = rand();
      const next: AnnotationView =
        roll < 0.3
          ? { ...held, updatedAt, deletedAt: held.deletedAt ? null : updatedAt }
          : roll < 0.6
            ? { ...held, updatedAt, color: COLORS[step % 5]!, tags: step % 3 ? ['Labor/visa'] : [] }
            : { ...held, updatedAt, note: `visa ${step}`, start: held.start + 1, end: held.end + 1 };
      store.upsert(next);
      current.set(next.id, next);
      const s = store.getSnapshot();
      const live = sortAnnotations([...current.values()].filter((a) => a.deletedAt === null), 'document');
      expect(s.live.map((a) => a.id)).toEqual(live.map((a) => a.id));
      expect(s.newest.map((a) => a.id)).toEqual(sortAnnotations(live, 'newest').map((a) => a.id));
      const filter = { ...EMPTY_FILTER, text: step % 2 ? 'visa' : '' };
      const got = panelView({ live: s.live, ordered: s.live, index: s.index, tallies: s.tallies }, filter);
      expect(got.shown.map((a) => a.id)).toEqual(filterAnnotations(live, filter).map((a) => a.id));
      expect(got.colors).toEqual(colorCounts(live, filter));
      expect(got.tags).toEqual(tagCounts(live, filter));
    }
  });
});

describe('store', () => {
  it('ignores a reply older than the version it holds', () => {
    const a = view({ updatedAt: '2025-01-02T00:00:00.000Z', note: 'new' });
    const store = new AnnotationStore();
    store.replaceAll([a]);
    store.upsert({ ...a, updatedAt: '2025-01-01T00:00:00.000Z', note: 'old' });
    expect(store.get(a.id)?.note).toBe('new');
  });

  it('tells subscribers of each change and moves deleted annotations to the trash, newest deletion first', () => {
    const a = view();
    const b = view();
    const store = new AnnotationStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.replaceAll([a, b]);
    store.upsert({ ...a, updatedAt: '2025-01-01T00:00:00.000Z', deletedAt: '2025-01-01T00:00:00.000Z' });
    store.upsert({ ...b, updatedAt: '2025-01-02T00:00:00.000Z', deletedAt: '2025-01-02T00:00:00.000Z' });
    expect(calls).toBe(3);
    const s = store.getSnapshot();
    expect(s.live).toEqual([]);
    expect(s.deleted.map((v) => v.id)).toEqual([b.id, a.id]);
    expect(s.tallies.colors.key).toBe(0);
  });

  it('keeps, on the first load, what was made or changed while the list was on its way, and only then', () => {
    const listed = view({ updatedAt: '2025-01-01T00:00:00.000Z', note: 'listed' });
    const store = new AnnotationStore();
    const made = view({ start: 9 });
    const edited = { ...listed, updatedAt: '2025-01-03T00:00:00.000Z', note: 'edited meanwhile' };
    store.upsert(made);
    store.upsert(edited);
    store.replaceAll([listed], { keepNewerHeld: true });
    expect(store.get(made.id)).toEqual(made);
    expect(store.get(listed.id)?.note).toBe('edited meanwhile');
    expect(store.getSnapshot().live).toHaveLength(2);
    expect(store.getSnapshot().tallies.colors[made.color]).toBeGreaterThan(0);
    // A reload after an import or restore is the whole truth: nothing held survives it.
    store.replaceAll([listed]);
    expect(store.get(made.id)).toBeNull();
    expect(store.get(listed.id)?.note).toBe('listed');
  });

  it('lists orphans apart, in document order, and never counts them', () => {
    const lost = view({ start: 50, anchor: { status: 'orphan', score: 0 } });
    const store = new AnnotationStore();
    store.replaceAll([lost, view({ start: 5 })]);
    const s = store.getSnapshot();
    expect(s.orphans).toEqual([lost]);
    expect(s.live).toHaveLength(1);
    expect(Object.values(s.tallies.colors).reduce((x, y) => x + y)).toBe(1);
  });
});

describe('filter index', () => {
  it('folds quote, note and tags once and re-folds only the annotation that changed', () => {
    const index = new FilterIndex();
    const a = view({ exact: 'Technical Intern', note: 'Visa', tags: ['Labor/TITP'] });
    index.put(a);
    expect(index.textOf(a)).toBe(foldSearchText(a));
    expect(index.textOf(a)).toContain('labor/titp');
    index.put({ ...a, note: 'Shelter' });
    expect(index.textOf(a)).toContain('shelter');
    expect(index.textOf(a)).not.toContain('visa');
  });
});

describe('tag keys', () => {
  it('counts a tag toward itself and each parent, once per annotation', () => {
    expect([...tagKeys(['Legal/Visa/Renewal', 'legal'])].sort()).toEqual(['legal', 'legal/visa', 'legal/visa/renewal']);
  });
});
