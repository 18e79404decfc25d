/**
 * Applies the reading settings to the document root: `data-theme` (the resolved
 * light/dark/sepia), `data-theme-setting`, and the font size and line width as
 * CSS custom properties that styles/*.css read.
 */
import type { Settings, Theme } from '../../preload/contract';

export type ResolvedTheme = Exclude<Theme, 'system'>;

export const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark', sepia: 'Sepia' };
export const LINE_WIDTH_LABELS: Record<Settings['lineWidth'], string> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' };

/** The theme to paint: the user's choice, or the OS preference for "system". */
export function resolveTheme(theme: Theme, prefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return prefersDark ? 'dark' : 'light';
  return theme;
}

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Writes the settings that affect painting onto the root element. */
export function applySettingsToRoot(root: HTMLElement, settings: Pick<Settings, 'theme' | 'fontSize' | 'lineWidth'>, prefersDark: boolean): void {
  root.setAttribute('data-theme', resolveTheme(settings.theme, prefersDark));
  root.setAttribute('data-theme-setting', settings.theme);
  root.setAttribute('data-line-width', settings.lineWidth);
  root.style.setProperty('--fm-font-size', `${settings.fontSize}px`);
}
