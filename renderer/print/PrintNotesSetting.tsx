/**
 * Whether a printed report carries the notes as numbered endnotes after each
 * section (Settings `printNotes`, on unless turned off). Shown in the Briefing
 * view, where printing is chosen; it applies to Ctrl/Cmd+P and File → Print…
 * with the view closed.
 */
import { useApp } from '../app-state/app-context';
import { printsNotes } from './print-notes';

export function PrintNotesSetting() {
  const { settings, updateSettings } = useApp();
  return (
    <fieldset className="bf-fieldset">
      <legend>Printing the report</legend>
      <label className="bf-choice">
        <input type="checkbox" checked={printsNotes(settings)} onChange={(e) => void updateSettings({ printNotes: e.target.checked })} /> Notes as endnotes
        after each section
      </label>
    </fieldset>
  );
}
