/**
 * Reading the file a user picked for an import or a restore: the input is
 * emptied (so picking the same file again fires again), an empty or oversized
 * file is refused before it is read, and a read error says nothing changed.
 */
import type { PreviewImportInput } from '../../preload/contract';
import { reasonOf } from './use-dialog-task';
import { checkImportFile } from './import-review';

export type ChosenFile = { ok: true; name: string; content: string } | { ok: false; problem: string | null };

/** The picked file's name and text; `problem` is null when nothing was picked. */
export async function readChosenFile(input: HTMLInputElement | null): Promise<ChosenFile> {
  const file = input?.files?.[0];
  if (input) input.value = '';
  if (!file) return { ok: false, problem: null };
  const problem = checkImportFile(file);
  if (problem) return { ok: false, problem };
  try {
    return { ok: true, name: file.name, content: await file.text() };
  } catch (err) {
    return { ok: false, problem: `“${file.name}” could not be read. ${reasonOf(err)} Nothing was changed.` };
  }
}

/** Files read as bytes (a zip), sent to previewImport as base64; every other file is sent as text. */
const BINARY_IMPORT = /\.(qdpx|zip)$/iu;

export type ChosenImport = { ok: true; name: string; input: PreviewImportInput } | { ok: false; problem: string | null };

/** Base64 of `bytes`, in slices so a large file does not overflow the argument list. */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The picked import file as previewImport's input: a .qdpx as base64 bytes, anything else as text. */
export async function readChosenImport(input: HTMLInputElement | null): Promise<ChosenImport> {
  const file = input?.files?.[0];
  if (!file || !BINARY_IMPORT.test(file.name)) {
    const chosen = await readChosenFile(input);
    return chosen.ok ? { ok: true, name: chosen.name, input: { content: chosen.content } } : chosen;
  }
  if (input) input.value = '';
  const problem = checkImportFile(file);
  if (problem) return { ok: false, problem };
  try {
    return { ok: true, name: file.name, input: { contentBase64: base64Of(new Uint8Array(await file.arrayBuffer())) } };
  } catch (err) {
    return { ok: false, problem: `“${file.name}” could not be read. ${reasonOf(err)} Nothing was changed.` };
  }
}
