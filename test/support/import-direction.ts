/**
 * The direction of imports between the code's groups, checked from the source
 * text (issue 11). Each group may import itself and the groups below it; an
 * arrow that points upwards is a violation. The rules are data, so the unit test
 * can feed the checker a made-up tree and see it fail.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One layered area of the tree: its folders, lowest first, and what lies outside it. */
export interface LayerRule {
  /** The area's root, relative to the repository (e.g. `main/core`). */
  root: string;
  /** Sub-folders of `root` from the bottom layer up. */
  layers: string[];
  /** Paths (relative to the repository) that files in `root` must never import. */
  forbidden: string[];
}

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

/** The relative specifiers a TypeScript file imports (static, dynamic and re-exports). */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;
  for (const match of source.matchAll(pattern)) found.push(match[2]!);
  return found;
}

/**
 * Which layer of `rule` a repository-relative path falls in, or -1. A file at
 * the area's root (an entry point such as renderer/main.tsx) sits above every layer.
 */
function layerOf(rule: LayerRule, file: string): number {
  const inRoot = path.posix.relative(rule.root, file);
  if (inRoot.startsWith('..')) return -1;
  if (!inRoot.includes('/')) return rule.layers.length;
  return rule.layers.indexOf(inRoot.split('/')[0]!);
}

function isUnder(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`) || file.startsWith(`${dir}.`);
}

/** Checks one file's imports against a rule. `files` maps repository paths to source text. */
export function checkImports(rule: LayerRule, files: Map<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, source] of files) {
    const from = layerOf(rule, file);
    if (!isUnder(file, rule.root)) continue;
    for (const spec of importSpecifiers(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const banned = rule.forbidden.find((dir) => isUnder(target, dir));
      if (banned) {
        violations.push({ file, imports: target, why: `${rule.root} must not import ${banned}` });
        continue;
      }
      const to = layerOf(rule, target);
      if (from === -1 && to !== -1) violations.push({ file, imports: target, why: `a file outside the layers of ${rule.root} imports into them` });
      else if (to > from && from !== -1) {
        violations.push({ file, imports: target, why: `${rule.layers[from]} is below ${rule.layers[to]}; imports go downwards only` });
      } else if (to === -1 && from !== -1 && isUnder(target, rule.root)) {
        violations.push({ file, imports: target, why: `${target} is in no layer of ${rule.root}` });
      }
    }
  }
  return violations;
}

/** Reads every .ts/.tsx file under `dir` (repository-relative) into a map. */
export function readTree(repo: string, dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(repo, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name)) files.set(child, fs.readFileSync(path.join(repo, child), 'utf8'));
    }
  };
  walk(dir);
  return files;
}
