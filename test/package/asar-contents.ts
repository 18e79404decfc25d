/**
 * What app.asar may and must hold. The rules are pure functions of the list of
 * packed files, so each one names the file and the reason it fails.
 */

/** A file in the archive: its path from the archive root ("out/main/electron.js") and size. */
export interface PackedFile {
  path: string;
  size: number;
}

/** Files the desktop app cannot start without (the entry itself comes from package.json "main"). */
export const REQUIRED_FILES = ['package.json', 'out/preload/index.cjs', 'out/renderer/index.html'] as const;

/** Each rule: a file it matches must not be shipped, for the reason given. */
export const FORBIDDEN: ReadonlyArray<{ reason: string; test: (path: string) => boolean }> = [
  { reason: 'a test file', test: (p) => /(^|\/)(test|tests|__tests__)\//.test(p) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(p) },
  { reason: 'TypeScript source', test: (p) => /\.[cm]?tsx?$/.test(p) },
  { reason: 'a source folder', test: (p) => /^(main|preload|renderer|common|assets|scripts)\//.test(p) },
  { reason: 'a source map', test: (p) => p.endsWith('.map') },
  { reason: 'an .env file', test: (p) => /(^|\/)\.env(\.|$)/.test(p) },
  { reason: 'user data', test: (p) => /(^|\/)(fieldmark\.(json|journal|lock)|desktop-state\.json|backups\/)/.test(p) || /\.(corrupt|unreadable)-/.test(p) },
  { reason: 'repository tooling', test: (p) => /^(\.git|\.ci|dist|test-results|playwright-report)\//.test(p) || /^(electron-builder\.|vite\.|vitest\.|playwright\.|eslint\.|tsconfig)/.test(p) },
  { reason: 'the browser host or the dev launcher (not used by the desktop app)', test: (p) => p === 'out/main/web.js' || p === 'out/main/start-desktop.js' },
];

/** Top-level entries the package is made of: the build, package.json and (if ever needed) production dependencies. */
const ALLOWED_TOP = new Set(['out', 'package.json', 'node_modules']);

export interface ContentFinding {
  path: string;
  reason: string;
}

/** Every packed file that breaks a rule, with the rule. */
export function forbiddenFiles(files: readonly PackedFile[], devDependencies: readonly string[]): ContentFinding[] {
  const findings: ContentFinding[] = [];
  for (const { path } of files) {
    const top = path.split('/')[0]!;
    if (!ALLOWED_TOP.has(top)) findings.push({ path, reason: 'not part of the build (only out/, package.json and production dependencies belong)' });
    const dev = devDependencies.find((name) => path.startsWith(`node_modules/${name}/`));
    if (dev) findings.push({ path, reason: `from the dev dependency ${dev}` });
    for (const rule of FORBIDDEN) if (rule.test(path)) findings.push({ path, reason: rule.reason });
  }
  return findings;
}

/** Required files that are missing. */
export function missingFiles(files: readonly PackedFile[], mainEntry: string | null): string[] {
  const present = new Set(files.map((f) => f.path));
  const required = [...REQUIRED_FILES, ...(mainEntry ? [mainEntry] : [])];
  const missing = required.filter((p) => !present.has(p));
  if (!files.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f.path))) missing.push('out/renderer/assets/*.js');
  return missing;
}

/** The packages under node_modules/ (scoped ones as "@scope/name"). */
export function packedPackages(files: readonly PackedFile[]): string[] {
  const names = new Set<string>();
  for (const { path } of files) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m) names.add(m[1]!);
  }
  return [...names].sort();
}

/** Files and bytes per folder two levels down ("out/main", "out/renderer"), for the summary. */
export function summarise(files: readonly PackedFile[]): Array<{ folder: string; files: number; bytes: number }> {
  const groups = new Map<string, { files: number; bytes: number }>();
  for (const f of files) {
    const parts = f.path.split('/');
    const folder = parts.length > 2 ? parts.slice(0, 2).join('/') : parts.length === 2 ? parts[0]! : f.path;
    const g = groups.get(folder) ?? { files: 0, bytes: 0 };
    g.files++;
    g.bytes += f.size;
    groups.set(folder, g);
  }
  return [...groups].map(([folder, g]) => ({ folder, ...g })).sort((a, b) => a.folder.localeCompare(b.folder));
}
