/**
 * Which modules the packed main-process code loads at run time. Vite bundles
 * every dependency today, so the answer should be only Node built-ins,
 * `electron` and the bundle's own chunks; a package marked external in
 * vite.main.config.ts would show up here as a bare import that app.asar must
 * then contain. TypeScript's own scanner finds the specifiers (static and
 * dynamic `import`, `export … from`, and `require`).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const BUILTINS = new Set(builtinModules);

/**
 * Module specifiers `source` loads, read from TypeScript's syntax tree. (Its
 * quick `preProcessFile` scanner took minified code such as `e==="import"&&f(n)`
 * for an import statement once the main bundle was minified.)
 */
export function importSpecifiers(source: string): string[] {
  const file = ts.createSourceFile('bundle.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const [first] = node.arguments;
      const loads = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
      if (loads && first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The npm package a bare specifier names ("@scope/pkg/sub" → "@scope/pkg"); null for built-ins, electron and relative paths. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  if (name === 'electron' || BUILTINS.has(name)) return null;
  return name;
}

export interface UnresolvedImport {
  from: string;
  specifier: string;
}

/**
 * Imports in `files` (archive paths → source) that the archive cannot satisfy:
 * a package missing from node_modules/, or a relative file that was not packed.
 */
export function unresolvedImports(files: ReadonlyMap<string, string>, packed: ReadonlySet<string>, packages: ReadonlySet<string>): UnresolvedImport[] {
  const problems: UnresolvedImport[] = [];
  for (const [from, source] of files) {
    for (const specifier of importSpecifiers(source)) {
      if (specifier.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
        if (!packed.has(target)) problems.push({ from, specifier });
        continue;
      }
      const pkg = packageOf(specifier);
      if (pkg !== null && !packages.has(pkg)) problems.push({ from, specifier });
    }
  }
  return problems;
}
