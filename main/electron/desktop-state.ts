/**
 * The desktop app's own small memory, kept in the data folder next to the
 * store: the window's bounds and the folder last used in a File dialog. It is
 * a convenience, so a missing or damaged file just means defaults.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const DESKTOP_STATE_FILE = 'desktop-state.json';

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const DesktopState = z.object({
  window: WindowBounds.nullable().catch(null),
  lastFolder: z.string().min(1).nullable().catch(null),
});
export type DesktopState = z.infer<typeof DesktopState>;

export const DEFAULT_DESKTOP_STATE: DesktopState = { window: null, lastFolder: null };

/** Reads the state; any problem (missing, unreadable, not JSON, wrong shape) gives the defaults. */
export async function loadDesktopState(dataDir: string): Promise<DesktopState> {
  try {
    const parsed = DesktopState.safeParse(JSON.parse(await readFile(path.join(dataDir, DESKTOP_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_DESKTOP_STATE };
  } catch {
    return { ...DEFAULT_DESKTOP_STATE };
  }
}

/** Writes the state through a temporary file and a rename, so a crash leaves the old or the new file. */
export async function saveDesktopState(dataDir: string, state: DesktopState): Promise<void> {
  const target = path.join(dataDir, DESKTOP_STATE_FILE);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(DesktopState.parse(state), null, 2)}\n`, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
