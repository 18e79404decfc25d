/**
 * Scans the built renderer for URLs of any external host: absolute http(s),
 * ws(s) and ftp URLs and protocol-relative `//host` references. Anything not
 * on the reasoned allowlist (strings that are provably never requested, such
 * as XML namespace URIs) fails the check.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface UrlAllowEntry {
  pattern: string;
  reason: string;
}

export interface UrlHit {
  file: string;
  url: string;
}

const ABSOLUTE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\]+/gi;
// `//host.tld` right after a quote, `(`, `=` or white space: a protocol-relative reference.
const PROTOCOL_RELATIVE = /(?<=["'`(=\s])\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`<>()\\]*/gi;
const SCANNED = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.xml']);

/** Every URL-like reference to another host in a text. */
export function findUrls(text: string): string[] {
  return [...(text.match(ABSOLUTE) ?? []), ...(text.match(PROTOCOL_RELATIVE) ?? [])];
}

/** Whether an allowlist entry covers a URL (the pattern must match the whole URL). */
export function isAllowedUrl(url: string, allowlist: readonly UrlAllowEntry[]): boolean {
  return allowlist.some((entry) => new RegExp(entry.pattern).test(url));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))),
  );
  return nested.flat();
}

export interface RendererScan {
  files: number;
  urls: UrlHit[];
  unexpected: UrlHit[];
}

/** Scans every text file under `rendererDir`. */
export async function scanRenderer(rendererDir: string, allowlist: readonly UrlAllowEntry[]): Promise<RendererScan> {
  const files = (await listFiles(rendererDir)).filter((f) => SCANNED.has(path.extname(f).toLowerCase()));
  const urls: UrlHit[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const url of findUrls(text)) urls.push({ file: path.relative(rendererDir, file), url });
  }
  return { files: files.length, urls, unexpected: urls.filter((hit) => !isAllowedUrl(hit.url, allowlist)) };
}
