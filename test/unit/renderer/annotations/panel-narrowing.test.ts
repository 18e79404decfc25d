import { describe, expect, it } from 'vitest';
import type { AnnotationView, ColorId } from '../../../../preload/contract';
import type { PanelFilter } from '../../../../renderer/annotations/annotation-filter';
import { AnnotationStore } from '../../../../renderer/annotations/annotation-store';
import { panelView, refines, type PanelSource, type TextPass } from '../../../../renderer/annotations/panel-view';
import { prng } from '../../../support/store-fixtures';
import { view } from './fixtures';
import { referenceColorCounts, referenceShown, referenceTagCounts } from './panel-of';

const WORDS = ['victim', 'victims', 'vict', 'visa', 'intern', 'shelter', 'raid', 'labour'];
const COLORS: ColorId[] = ['key', 'gap', 'progress'];

function randomViews(seed: number, count: number): AnnotationView[] {
  const rand = prng(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(rand() * 400);
    return view({
      color: pick(COLORS),
      exact: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
      note: rand() < 0.4 ? pick(WORDS) : '',
      tags: rand() < 0.3 ? [pick(['Labour', 'Labour/TITP', 'visa'])] : [],
      start,
      end: start + 5,
    });
  });
}

const filterOf = (text: string, colors: ColorId[] = []): PanelFilter => ({ colors, tags: [], section: null, text });

describe('narrowing the panel filter as a word is typed', () => {
  it('counts a filter as refining another only when each old term lies inside a new one', () => {
    expect(refines(['vict'], ['vic'])).toBe(true);
    expect(refines(['vic', 'raid'], ['vic'])).toBe(true);
    expect(refines(['vi'], ['vic'])).toBe(false);
    expect(refines(['visa'], ['vic'])).toBe(false);
    expect(refines(['vic'], [])).toBe(true);
  });

  it('gives, from the previous pass, exactly what a full pass gives, key by key and for typing, deleting and other facets', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const store = new AnnotationStore();
      store.replaceAll(randomViews(seed, 150));
      const s = store.getSnapshot();
      const source: PanelSource = { live: s.live, ordered: s.live, index: s.index, tallies: s.tallies };
      const steps = ['v', 'vi', 'vic', 'vict', 'victi', 'vict', 'victim raid', 'x', ''];
      const colors: ColorId[] = seed % 2 === 0 ? ['key'] : [];
      let last: TextPass | null = null;
      for (const text of steps) {
        const filter = filterOf(text, colors);
        const got = panelView(source, filter, last, `v${s.version}:${colors.join()}`);
        const full = panelView(source, filter);
        expect(got.shown.map((a) => a.id)).toEqual(full.shown.map((a) => a.id));
        expect(got.shown.map((a) => a.id)).toEqual(referenceShown(s.live, filter).map((a) => a.id));
        expect(got.colors).toEqual(referenceColorCounts(s.live, filter));
        expect(got.tags).toEqual(referenceTagCounts(s.live, filter));
        last = got.pass;
      }
    }
  });

  it('starts over when the key (store version or other facets) differs', () => {
    const store = new AnnotationStore();
    store.replaceAll(randomViews(3, 100));
    const s = store.getSnapshot();
    const source: PanelSource = { live: s.live, ordered: s.live, index: s.index, tallies: s.tallies };
    // A pass made under red alone, offered to a filter with no colour: it must not be used.
    const red = panelView(source, filterOf('vi', ['key']), null, 'red');
    const got = panelView(source, filterOf('vic'), red.pass, 'all');
    expect(got.shown.map((a) => a.id)).toEqual(referenceShown(s.live, filterOf('vic')).map((a) => a.id));
  });
});
