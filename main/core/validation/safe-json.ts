/**
 * Reading untrusted JSON files (imports, backups) without letting them hurt us:
 * a size cap, a nesting limit checked by a linear scan BEFORE JSON.parse (so a
 * 100,000-deep file cannot exhaust the stack in the parser or in our walks), and
 * refusal of the keys that reach prototypes (`__proto__`, `constructor`,
 * `prototype`), so no later copy or merge can pollute Object.prototype.
 * Every refusal is a FieldmarkError('INVALID_IMPORT') naming the problem.
 */
import { Buffer } from 'node:buffer';
import { MAX_IMPORT_BYTES } from '../../../preload/contract';
import { FieldmarkError } from '../../../preload/rpc';

/** Deepest nesting of arrays and objects accepted; our files need fewer than 10 levels. */
export const MAX_JSON_DEPTH = 64;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fail(message: string): never {
  throw new FieldmarkError('INVALID_IMPORT', message);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Deepest nesting of `[`/`{` outside strings, stopping as soon as it passes `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Throws if any object in the tree has a key that could reach a prototype. Iterative: no recursion. */
function assertNoPrototypeKeys(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        fail(`The file contains a key named "${key}", which annotation files never use; it was refused to keep Fieldmark safe. Nothing was imported.`);
      }
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
}

/** Parses untrusted JSON text after checking size and depth, and refuses prototype keys. */
export function parseUntrustedJson(content: string, what = 'The file'): unknown {
  if (typeof content !== 'string') fail(`${what} could not be read as text.`);
  if (content.length > MAX_IMPORT_BYTES || Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) {
    fail(`${what} is ${megabytes(Buffer.byteLength(content, 'utf8'))}, larger than the ${megabytes(MAX_IMPORT_BYTES)} Fieldmark accepts. Nothing was imported.`);
  }
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text.trim() === '') fail(`${what} is empty. Nothing was imported.`);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    fail(`${what} is nested more than ${MAX_JSON_DEPTH} levels deep, which no annotation file is. Nothing was imported.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message.slice(0, 120).replace(/\p{Cc}|\p{Cs}/gu, ' ')})` : '';
    fail(`${what} is not valid JSON${detail}. Choose a .jsonld or .json file exported by Fieldmark or Hypothesis.`);
  }
  assertNoPrototypeKeys(value);
  return value;
}
