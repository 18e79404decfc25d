import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetsDirCandidates, findAssetsDir } from '../../../../main/core/hosting/assets-dir';

const repo = path.resolve(import.meta.dirname, '../../../..');

describe('assets folder', () => {
  it('finds the repository assets from the built host folder (out/main)', () => {
    expect(findAssetsDir(assetsDirCandidates(path.join(repo, 'out', 'main')))).toBe(path.join(repo, 'assets'));
  });

  it('finds the repository assets from the source host folder (main/web)', () => {
    expect(findAssetsDir(assetsDirCandidates(path.join(repo, 'main', 'web')))).toBe(path.join(repo, 'assets'));
  });

  it("prefers the packaged app's resources folder when it holds the report", () => {
    const resources = '/opt/Fieldmark/resources';
    const exists = (file: string) => file === path.join(resources, 'assets', 'report', 'tip-2021-japan.txt');
    expect(findAssetsDir(assetsDirCandidates('/opt/Fieldmark/resources/app.asar/out/main', resources), exists)).toBe(
      path.join(resources, 'assets'),
    );
  });

  it('names every folder it looked in when the report is missing', () => {
    expect(() => findAssetsDir(['/nowhere/a', '/nowhere/b'], () => false)).toThrow(/\/nowhere\/a, \/nowhere\/b.*npm run build/);
  });
});
