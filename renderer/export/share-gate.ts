/**
 * Who the dialog's files are for (issue 16), shared by every export section:
 * the audience the user chose, and the check each export runs before it
 * writes (for 'share', the personal-data review; for 'self', nothing more, the
 * choice itself was confirmed). Outside the export dialog the defaults hold:
 * shared files, no review.
 */
import { createContext, useContext } from 'react';
import type { Audience } from '../../preload/contract';

export interface ShareGate {
  audience: Audience;
  /** Resolves true to go on writing the file, false when the user went back. */
  check(): Promise<boolean>;
}

export const ShareGateContext = createContext<ShareGate>({ audience: 'share', check: () => Promise.resolve(true) });

export function useShareGate(): ShareGate {
  return useContext(ShareGateContext);
}

/** "3 private annotations will not be included; 2 sensitive notes will be withheld" (or that nothing is left out). */
export function shareSummary(review: { privateCount: number; sensitiveNoteCount: number }): string {
  const parts: string[] = [];
  const { privateCount: p, sensitiveNoteCount: s } = review;
  if (p > 0) parts.push(`${p} private annotation${p === 1 ? '' : 's'} will not be included`);
  if (s > 0) parts.push(`${s} sensitive note${s === 1 ? '' : 's'} will be withheld`);
  return parts.length === 0 ? 'Nothing is marked private or sensitive: everything will be included.' : `${parts.join('; ')}.`;
}
