/**
 * Value checks for our W3C Web Annotation MUST rules (test/support/w3c-model-rules.ts):
 * URIs, xsd:dateTime, single values. Written from RFC 3986 §3 and XML Schema
 * Part 2 §3.2.7 (dateTime).
 */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property's values: absent is none, an array is its items, anything else is one value. */
export function valuesOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** "Exactly 1" in JSON-LD's compact form: present and not a list. */
export function isSingle(value: unknown): boolean {
  return value !== undefined && !Array.isArray(value);
}

/** The `type` values of a resource that are strings. */
export function typesOf(resource: Json): string[] {
  return valuesOf(resource.type).filter((t): t is string => typeof t === 'string');
}

// RFC 3986 §3: scheme ":" hier-part [ "?" query ] [ "#" fragment ], ASCII only.
const UNRESERVED_OR_SUB = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED_OR_SUB}:@]|${PCT})`;
const REG_NAME = `(?:[${UNRESERVED_OR_SUB}]|${PCT})*`;
const IP_LITERAL = '\\[[0-9A-Fa-f:.vV]+\\]';
const USERINFO = `(?:(?:[${UNRESERVED_OR_SUB}:]|${PCT})*@)?`;
const AUTHORITY = `${USERINFO}(?:${IP_LITERAL}|${REG_NAME})(?::[0-9]*)?`;
const HIER_PART = `(?://${AUTHORITY}(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*|)`;
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${HIER_PART}(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`);

/** An absolute URI (RFC 3986 `URI` production). */
export function isUri(value: unknown): boolean {
  return typeof value === 'string' && URI.test(value);
}

// XML Schema dateTime: -?YYYY-MM-DDThh:mm:ss(.s+)? then a time zone, which the
// W3C suite's `date-time` format (RFC 3339) requires, so we require it too.
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** An xsd:dateTime with a time zone, with every field in range. */
export function isDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  const zoneOk = m[7] === 'Z' || (Number(m[8]) <= 14 && Number(m[9]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 && zoneOk;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isNonNegativeInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Absent, or exactly one value that passes `check`. */
export function optionalSingle(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || (isSingle(value) && check(value));
}
