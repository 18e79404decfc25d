/**
 * hosting/ (top group of main/core): what both hosts (main/electron and
 * main/web) need to serve the app — the built renderer's files (this file), the
 * Content-Security-Policy, and where the assets and the data folder are.
 */
/**
 * Serving the built renderer safely, shared by the app:// protocol and the
 * browser host. A request path is checked on its raw (still percent-encoded)
 * form and again after decoding, so `..`, `%2e%2e`, backslashes, encoded
 * slashes and NUL bytes are refused before any file-system call; the resolved
 * file must then lie inside the root and be a regular file (no symlinks).
 */
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';

export type StaticPath = { ok: true; segments: string[] } | { ok: false; status: 400 | 403 | 404; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name (application/octet-stream when unknown). */
export function mimeType(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

// Encoded '/', '\', '.', NUL and '%' (double encoding): never needed by our own file names.
const ENCODED_DANGER = /%(2f|5c|2e|00|25)/i;
// Control characters, backslash and ':' (drive letters, alternate data streams) after decoding.
// eslint-disable-next-line no-control-regex
const DECODED_DANGER = /[\u0000-\u001f\u007f\\:]/;

/**
 * Checks a raw URL path (no query or fragment) and splits it into safe segments.
 * `/` means index.html; any other path must name a file exactly.
 */
export function parseStaticPath(rawPath: string): StaticPath {
  if (!rawPath.startsWith('/')) return { ok: false, status: 400, reason: 'The path must start with /.' };
  if (rawPath === '/') return { ok: true, segments: ['index.html'] };
  if (rawPath.includes('\\') || ENCODED_DANGER.test(rawPath)) {
    return { ok: false, status: 403, reason: 'The path contains an encoded or backslash separator.' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'The path is not valid percent-encoding.' };
  }
  if (DECODED_DANGER.test(decoded)) return { ok: false, status: 403, reason: 'The path contains a forbidden character.' };
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return { ok: false, status: 403, reason: 'The path leaves its folder.' };
    if (segment === '') return { ok: false, status: 404, reason: 'No such file.' };
  }
  return { ok: true, segments };
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads `segments` under `root`; null when there is no such regular file inside
 * the root. Symbolic links are not followed: the build output has none.
 */
export async function readStaticFile(root: string, segments: readonly string[]): Promise<StaticFile | null> {
  const absoluteRoot = path.resolve(root);
  const file = path.resolve(absoluteRoot, ...segments);
  const relative = path.relative(absoluteRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  try {
    const info = await lstat(file);
    if (!info.isFile()) return null;
    return { body: await readFile(file), contentType: mimeType(file) };
  } catch {
    return null;
  }
}
