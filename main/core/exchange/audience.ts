/**
 * Who a file is for (issue 16), applied once, before any format sees the data,
 * so no exporter can forget it:
 * - `self`: everything, as stored;
 * - `share`: private annotations are left out entirely, with the links from and
 *   to them (their codings go with them); sensitive annotations keep their
 *   quote, colour and codes, but not their note. A readable format (Markdown,
 *   CSV, a briefing) shows NOTE_WITHHELD in its place; an exchange format (W3C,
 *   REFI-QDA) carries no note text and marks it withheld, so an import back
 *   never takes the missing note for an emptied one.
 */
import type { Audience, AnnotationView, Sensitivity } from '../../../preload/contract';
import type { StoredLink } from '../store/store-schema';

/** What a readable shared file shows in place of a sensitive note. */
export const NOTE_WITHHELD = '[note withheld]';

/** How a format shows a withheld note: in words (readable) or not at all, with a mark (exchange). */
export type NoteStyle = 'readable' | 'exchange';

/** A record's mark; records written before issue 16 have none and are 'normal'. */
export function sensitivityOf(record: { sensitivity?: Sensitivity | undefined }): Sensitivity {
  return record.sensitivity ?? 'normal';
}

/** The audience an export input asks for; absent means 'share' (only the backup is always 'self'). */
export function audienceOf(input: { audience?: Audience | undefined } | null | undefined): Audience {
  return input?.audience ?? 'share';
}

/** Whether a file for `audience` leaves this record out. */
export function leftOut(record: { sensitivity?: Sensitivity | undefined }, audience: Audience): boolean {
  return audience === 'share' && sensitivityOf(record) === 'private';
}

/** Whether a file for `audience` withholds this record's note. */
export function noteWithheld(record: { sensitivity?: Sensitivity | undefined }, audience: Audience): boolean {
  return audience === 'share' && sensitivityOf(record) === 'sensitive';
}

export interface AudienceViews {
  /** The views the file may show, in the order given; withheld notes replaced as `style` says. */
  views: AnnotationView[];
  /** Ids of the annotations whose note is withheld. */
  withheld: ReadonlySet<string>;
  /** Ids of the annotations left out. */
  excluded: ReadonlySet<string>;
}

/** The views a file for `audience` may show (tombstones included when given). */
export function viewsForAudience(views: readonly AnnotationView[], audience: Audience, style: NoteStyle): AudienceViews {
  if (audience === 'self') return { views: [...views], withheld: new Set(), excluded: new Set() };
  const excluded = new Set(views.filter((v) => leftOut(v, audience)).map((v) => v.id));
  const withheld = new Set<string>();
  const kept: AnnotationView[] = [];
  for (const view of views) {
    if (excluded.has(view.id)) continue;
    const links = view.links.filter((l) => !('annotation' in l.to) || !excluded.has(l.to.annotation));
    if (!noteWithheld(view, audience)) {
      kept.push(links.length === view.links.length ? view : { ...view, links });
      continue;
    }
    withheld.add(view.id);
    const note = style === 'readable' && view.note !== '' ? NOTE_WITHHELD : '';
    kept.push({ ...view, note, links });
  }
  return { views: kept, withheld, excluded };
}

/** The stored links a file for `audience` may carry: none from or to a left-out annotation. */
export function linksForAudience(links: readonly StoredLink[], excluded: ReadonlySet<string>): StoredLink[] {
  if (excluded.size === 0) return [...links];
  return links.filter((l) => !excluded.has(l.from) && !('annotation' in l.to && excluded.has(l.to.annotation)));
}
