/**
 * The sentence a notice shows for a failed request: the error's own message
 * (the service's messages say what happened and what to do), or the caller's
 * fallback when the error carries none.
 */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
