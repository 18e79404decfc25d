/** The colour keys in force (issue 17): the settings' own, or the defaults for settings stored before they existed. */
import type { ColorKeys } from '../../preload/contract';
import { useApp } from '../app-state/app-context';
import { colorKeysOf } from '../../common/color-keys';

export function useColorKeys(): ColorKeys {
  return colorKeysOf(useApp().settings);
}
