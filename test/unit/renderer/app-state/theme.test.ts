import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../../../renderer/app-state/theme';

const css = readFileSync(path.resolve(import.meta.dirname, '../../../../renderer/styles/themes.css'), 'utf8');

/** The custom properties declared for one theme's selector block. */
function tokens(theme: 'light' | 'dark' | 'sepia'): Record<string, string> {
  const block = new RegExp(`:root\\[data-theme='${theme}'\\][^{]*\\{([^}]*)\\}`).exec(css);
  if (!block) throw new Error(`no block for ${theme}`);
  const out: Record<string, string> = {};
  for (const m of block[1]!.matchAll(/(--fm-[\w-]+):\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.x contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('theme colours', () => {
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    const t = tokens(theme);
    it(`${theme}: body text is at least 7:1 on the page and the panels`, () => {
      expect(contrast(t['--fm-text']!, t['--fm-bg']!)).toBeGreaterThanOrEqual(7);
      expect(contrast(t['--fm-text']!, t['--fm-bg-elevated']!)).toBeGreaterThanOrEqual(7);
      expect(contrast(t['--fm-text']!, t['--fm-bg-input']!)).toBeGreaterThanOrEqual(7);
      expect(contrast(t['--fm-text']!, t['--fm-danger-bg']!)).toBeGreaterThanOrEqual(7);
    });

    it(`${theme}: muted text, accents and the current contents entry meet WCAG AA (4.5:1)`, () => {
      for (const bg of ['--fm-bg', '--fm-bg-elevated', '--fm-bg-hover']) {
        expect(contrast(t['--fm-text-muted']!, t[bg]!), `muted on ${bg}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(t['--fm-accent']!, t[bg]!), `accent on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(t['--fm-accent']!, t['--fm-accent-soft']!), 'accent on accent-soft').toBeGreaterThanOrEqual(4.5);
      expect(contrast(t['--fm-accent-contrast']!, t['--fm-accent']!), 'primary buttons').toBeGreaterThanOrEqual(4.5);
      expect(contrast(t['--fm-danger']!, t['--fm-danger-bg']!), 'error mark').toBeGreaterThanOrEqual(3);
    });

    it(`${theme}: decorative paragraph numbers stay visible (3:1)`, () => {
      expect(contrast(t['--fm-text-subtle']!, t['--fm-bg']!)).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('resolving the theme', () => {
  it('follows the OS for "system" and keeps an explicit choice', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('sepia', true)).toBe('sepia');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
