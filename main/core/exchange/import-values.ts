/**
 * The small readers every part of an import file's parsing shares: type checks
 * with plain names for messages, text cleaning, dates and foreign ids. Every
 * refusal is a FieldmarkError('INVALID_IMPORT') whose message names the problem.
 */
import { createHash } from 'node:crypto';
import { FieldmarkError } from '../../../preload/rpc';

export type Obj = Record<string, unknown>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Control characters except tab (09), line feed (0A) and carriage return (0D).
const CONTROL = /[^\P{Cc}\t\n\r]/gu;
// A cheap first look (no Unicode mode): any control character or any surrogate at all.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_UNCLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function fail(message: string): never {
  throw new FieldmarkError('INVALID_IMPORT', message);
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Shortens untrusted text for a message. */
export function shown(text: string): string {
  const clean = cleanText(text).replace(/\s+/g, ' ');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

export function hasType(value: Obj, type: string): boolean {
  return toArray(value.type).includes(type) || toArray(value['@type']).includes(type);
}

/** Removes control characters (keeping tab, LF, CR) and replaces lone surrogates with U+FFFD. */
export function cleanText(text: string): string {
  if (!MAYBE_UNCLEAN.test(text)) return text;
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

export function cleanNote(text: string): string {
  return cleanText(text).replace(/\r\n?/g, '\n');
}

/** A UUID (version 8 layout) derived from a foreign id, stable across imports. */
export function uuidFromForeignId(id: string): string {
  const hex = createHash('sha256').update(`fieldmark-import\n${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function readDate(item: Obj, key: string, label: string, where: string): string | null {
  const value = item[key];
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const time = ISO_DATE.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) {
    fail(`${where} has a ${label} date that is not a valid date (${typeof value === 'string' ? `"${shown(value)}"` : kindOf(value)}).`);
  }
  return new Date(time).toISOString();
}
