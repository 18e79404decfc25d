/**
 * Reading settings in the toolbar: font size (buttons and Ctrl/Cmd + − 0),
 * theme, line width, the sensitivity of new highlights and the colour keys. Every change is applied at once and persisted through
 * `updateSettings`. At the smallest and largest size the font buttons are
 * aria-disabled rather than disabled, so keyboard focus stays on them.
 */
import { useEffect } from 'react';
import { onMenuEvent } from '../api/menu-events';
import { LINE_WIDTHS, Theme, type Settings } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { fontSizeShortcut, largerFontSize, MAX_FONT_SIZE, MIN_FONT_SIZE, nextFontSize, smallerFontSize, zoomToFontSizeAction, type FontSizeAction } from './font-size';
import { LINE_WIDTH_LABELS, THEME_LABELS } from '../app-state/theme';
import { ColorKeysSettings } from './ColorKeysSettings';
import { DefaultSensitivitySetting } from './DefaultSensitivitySetting';

export function ReadingSettings() {
  const { settings, updateSettings } = useApp();
  const { fontSize } = settings;

  useEffect(() => {
    const step = (action: FontSizeAction) => {
      const next = nextFontSize(action, fontSize);
      if (next !== fontSize) void updateSettings({ fontSize: next });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const action = fontSizeShortcut(event);
      if (!action) return;
      // Replaces the browser's page zoom: only the reading text changes size.
      event.preventDefault();
      step(action);
    };
    window.addEventListener('keydown', onKeyDown);
    // The desktop View menu's Zoom In / Zoom Out / Actual Size step the same font size.
    const unsubscribe = onMenuEvent((event) => {
      if (event.action === 'zoom') step(zoomToFontSizeAction(event.direction));
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe?.();
    };
  }, [fontSize, updateSettings]);

  return (
    <div className="reading-settings">
      <div className="font-size-group" role="group" aria-label="Font size">
        <button
          type="button"
          className="icon-button font-smaller"
          aria-label="Decrease font size"
          title="Decrease font size (Ctrl −)"
          aria-disabled={fontSize <= MIN_FONT_SIZE}
          onClick={() => fontSize > MIN_FONT_SIZE && void updateSettings({ fontSize: smallerFontSize(fontSize) })}
        >
          <span aria-hidden="true">A</span>
        </button>
        <output className="font-size-value" aria-label="Font size in pixels" title="Font size (Ctrl 0 resets)">
          {fontSize}
        </output>
        <button
          type="button"
          className="icon-button font-larger"
          aria-label="Increase font size"
          title="Increase font size (Ctrl +)"
          aria-disabled={fontSize >= MAX_FONT_SIZE}
          onClick={() => fontSize < MAX_FONT_SIZE && void updateSettings({ fontSize: largerFontSize(fontSize) })}
        >
          <span aria-hidden="true">A</span>
        </button>
      </div>
      <select
        className="toolbar-select"
        aria-label="Theme"
        title="Theme"
        value={settings.theme}
        onChange={(event) => void updateSettings({ theme: event.target.value as Settings['theme'] })}
      >
        {Theme.options.map((theme) => (
          <option key={theme} value={theme}>
            {THEME_LABELS[theme]}
          </option>
        ))}
      </select>
      <select
        className="toolbar-select"
        aria-label="Line width"
        title="Line width"
        value={settings.lineWidth}
        onChange={(event) => void updateSettings({ lineWidth: event.target.value as Settings['lineWidth'] })}
      >
        {LINE_WIDTHS.map((width) => (
          <option key={width} value={width}>
            {LINE_WIDTH_LABELS[width]}
          </option>
        ))}
      </select>
      <DefaultSensitivitySetting />
      <ColorKeysSettings />
    </div>
  );
}
