/**
 * Reading the file a user picked for an import or a restore: the input is
 * emptied (so picking the same file again fires again), an empty or oversized
 * file is refused before it is read, and a read error says nothing changed.
 */
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
