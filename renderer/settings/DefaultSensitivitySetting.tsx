/**
 * The sensitivity new highlights get (issue 16, Settings.defaultSensitivity):
 * someone working through a case file can make every new highlight private
 * until they decide what may be shared.
 */
import { SENSITIVITY_LABELS, Sensitivity } from '../../preload/contract';
import { useApp } from '../app-state/app-context';

export function DefaultSensitivitySetting() {
  const { settings, updateSettings } = useApp();
  return (
    <select
      className="toolbar-select"
      aria-label="Default sensitivity"
      title="Sensitivity of new highlights"
      value={settings.defaultSensitivity}
      onChange={(event) => void updateSettings({ defaultSensitivity: event.target.value as Sensitivity })}
    >
      {Sensitivity.options.map((mark) => (
        <option key={mark} value={mark}>
          {`New: ${SENSITIVITY_LABELS[mark]}`}
        </option>
      ))}
    </select>
  );
}
