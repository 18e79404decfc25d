/**
 * A scan of note text for likely personal data before a file is shared (issue
 * 16): e-mail addresses, phone numbers, web addresses and long digit runs such
 * as passport or case numbers. It flags for a person to review, never blocks,
 * so it leans towards what people write in notes about trafficking cases, and
 * away from what a report's figures look like: dates, years and year ranges,
 * money, and thousands written with commas ("145,520") are not hits.
 *
 * Phone numbers are recognised by shape, not by a national numbering plan:
 * an international form (`+81 90-1234-5678`, `+44 20 7946 0958`), a national
 * form with the trunk 0 that Japan, the UK, the Philippines and Viet Nam use
 * (`090-1234-5678`, `020 7946 0958`, `0917 123 4567`, `028 3822 1234`), or the
 * North American form (`(212) 555-0147`). Pure.
 */

export type PersonalDataKind = 'email' | 'phone' | 'url' | 'digits';

export interface PersonalDataHit {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the text: `text.slice(start, end) === match`. */
  start: number;
  end: number;
  match: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/giu;
/** A run of digits with the separators phone numbers are written with (no commas: thousands use them). */
const PHONE = /(?<![\p{L}\p{N}+]|\d[.,])(?:\+\s?)?\(?\d[\d ()\-.]{5,}\d(?![\p{L}\p{N}])/gu;
/** A digit run of an identifier, with up to three letters before it and one after (`TZ1234567`, `P1234567A`, `2021-0045123`). */
const DIGITS = /(?<![\p{L}\p{N}\-/]|\d[.,])\p{L}{0,3}\d[\d\-/]*\d\p{L}?(?![\p{L}\p{N}\-/])/gu;

const CURRENCY_BEFORE = /[$¥€£₱₫₩]\s?$|\b(?:USD|JPY|PHP|VND|GBP|EUR|yen|dollars?)\s?$/iu;
const CURRENCY_AFTER = /^\s?(?:yen|dollars?|USD|JPY|PHP|VND|GBP|EUR|pesos?|dong|million|billion|円)\b/iu;
const NORTH_AMERICAN = /^\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]\d{4}$/u;
const YEAR = '(?:19|20)\\d{2}';
const DATE_OR_YEARS = new RegExp(
  `^(?:${YEAR}(?:[-/.]${YEAR})+|${YEAR}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:${YEAR}|\\d{2})|${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))$`,
  'u',
);

const digitCount = (s: string) => s.replace(/\D/gu, '').length;

function isMoney(text: string, start: number, end: number): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || CURRENCY_AFTER.test(text.slice(end, end + 10));
}

function isPhone(candidate: string): boolean {
  const digits = digitCount(candidate);
  if (digits < 9 || digits > 15 || DATE_OR_YEARS.test(candidate)) return false;
  // Doubled separators are two numbers side by side (a table row), not one.
  if (/[ .-]{2}/u.test(candidate)) return false;
  if (candidate.startsWith('+')) return true;
  const separated = /[\s().-]/u.test(candidate);
  if (/^\(?0/u.test(candidate)) return separated || digits === 10 || digits === 11;
  return NORTH_AMERICAN.test(candidate);
}

function isIdentifier(candidate: string): boolean {
  if (digitCount(candidate) < 7 || DATE_OR_YEARS.test(candidate)) return false;
  // An identifier has one long run; "2019-2020-2021" or "10-20-30-40" is a list of small numbers.
  return /\d{5,}/u.test(candidate);
}

/** Trailing punctuation ends a sentence, not a web address. */
function trimUrl(match: string): string {
  return match.replace(/[.,;:!?]+$/u, '');
}

/** The likely personal data in `text`, in order, without overlaps (an e-mail's digits are not a second hit). */
export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  const taken = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  const collect = (kind: PersonalDataKind, pattern: RegExp, accept: (m: string, start: number, end: number) => string | null) => {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const match = accept(m[0], start, start + m[0].length);
      if (match === null || match === '') continue;
      const end = start + match.length;
      if (!taken(start, end)) hits.push({ kind, start, end, match });
    }
  };
  collect('email', EMAIL, (m) => m);
  collect('url', URL, (m) => trimUrl(m));
  collect('phone', PHONE, (m, s, e) => (isPhone(m) && !isMoney(text, s, e) ? m : null));
  collect('digits', DIGITS, (m, s, e) => (isIdentifier(m) && !isMoney(text, s, e) ? m : null));
  return hits.sort((a, b) => a.start - b.start);
}
