/**
 * Imports between groups go one way (issue 11). main/core's groups are layered
 * from validation up to hosting; common/ is pure and imports only itself and
 * the contract; the renderer's features never import the shell (renderer/app).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, importSpecifiers, readTree, type LayerRule } from '../../support/import-direction';

const repo = path.resolve(import.meta.dirname, '../../..');

/** main/core, lowest group first. README "Architecture" draws the same picture. */
export const CORE: LayerRule = {
  root: 'main/core',
  layers: ['validation', 'report', 'anchoring', 'store', 'exchange', 'service', 'hosting'],
  forbidden: ['main/web', 'main/electron', 'renderer', 'test'],
};

export const COMMON: LayerRule = {
  root: 'common',
  layers: [],
  forbidden: ['main', 'renderer', 'test', 'preload/index', 'preload/bridge'],
};

/**
 * The renderer, lowest first: the shell (app/) sits on top and nothing imports it.
 * The reading settings sit above annotations: they set what the highlights use
 * (colour keys, the default sensitivity) and only the shell imports them.
 */
export const RENDERER: LayerRule = {
  root: 'renderer',
  layers: ['styles', 'api', 'text', 'app-state', 'sheet', 'reader', 'annotations', 'settings', 'search', 'export', 'codebook', 'matrix', 'recommendations', 'print', 'briefing', 'protection', 'app'],
  forbidden: ['main', 'test', 'preload/index'],
};

describe('import direction', () => {
  it('reads static, dynamic and re-export specifiers', () => {
    const source = `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nconst d = await import('../d');\nimport './e.css';\nimport z from 'zod';`;
    expect(importSpecifiers(source)).toEqual(['./a', '../b', './c', '../d', './e.css']);
  });

  it('flags an upward arrow, a forbidden target and a file outside the layers (made-up tree)', () => {
    const files = new Map([
      ['main/core/store/store.ts', `import { x } from '../service/service';`],
      ['main/core/service/service.ts', `import { y } from '../store/store';`],
      ['main/core/anchoring/re-anchor.ts', `import { z } from '../../electron/app';`],
      ['main/core/misc/loose.ts', `import { w } from '../store/store';`],
    ]);
    const found = checkImports(CORE, files).map((v) => `${v.file} -> ${v.imports}`);
    expect(found).toEqual([
      'main/core/store/store.ts -> main/core/service/service',
      'main/core/anchoring/re-anchor.ts -> main/electron/app',
      'main/core/misc/loose.ts -> main/core/store/store',
    ]);
  });

  it('flags a renderer feature importing the shell', () => {
    const files = new Map([['renderer/reader/Reader.tsx', `import { App } from '../app/App';`]]);
    expect(checkImports(RENDERER, files)).toHaveLength(1);
  });

  it.each([
    ['main/core', CORE],
    ['common', COMMON],
    ['renderer', RENDERER],
  ])('%s imports only downwards', (dir, rule) => {
    expect(checkImports(rule, readTree(repo, dir))).toEqual([]);
  });
});
