/** The one way a REFI-QDA reader refuses a file: INVALID_IMPORT with a message naming the problem. */
import { FieldmarkError } from '../../../../preload/rpc';

export function refuseImport(problem: string): FieldmarkError {
  return new FieldmarkError('INVALID_IMPORT', `${problem} Nothing was imported.`);
}
