/** Why a typed colour key cannot be saved (issue 17), in words for the settings; null when it can. */
import { ColorKey, type ColorId, type ColorKeys } from '../../preload/contract';
import { sharedColorKey } from '../../common/color-keys';

export function keyProblem(keys: ColorKeys['keys'], color: ColorId, typed: string, name: (color: ColorId) => string): string | null {
  if (!ColorKey.safeParse(typed).success) return `The key for ${name(color)} must be one character, not a space.`;
  const next = { ...keys, [color]: typed };
  if (sharedColorKey(next) === null) return null;
  const other = (Object.keys(keys) as ColorId[]).find((c) => c !== color && keys[c].toLowerCase() === typed.toLowerCase())!;
  return `“${typed}” is already the key for ${name(other)}. Choose another character.`;
}
