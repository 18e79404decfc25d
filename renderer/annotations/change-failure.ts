/**
 * What a notice says about a change the service did not make: its own message,
 * or a general sentence when the error has none.
 */
import { messageOf } from '../api/error-message';

export function changeFailure(error: unknown): string {
  return messageOf(error, 'Fieldmark could not complete this change.');
}
