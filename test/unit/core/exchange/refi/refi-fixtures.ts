/**
 * Synthetic REFI-QDA material for the tests: a small text with astral
 * characters, a three-level codebook and codings, and a builder for hand-made
 * archives shaped like other tools' output.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { RefiCode, RefiCoding, RefiProjectInput } from '../../../../../main/core/exchange/refi/refi-model';

export const ID = {
  labour: '11111111-1111-4111-8111-111111111111',
  titp: '22222222-2222-4222-8222-222222222222',
  debt: '33333333-3333-4333-8333-333333333333',
  legal: '44444444-4444-4444-8444-444444444444',
  a1: 'aaaaaaaa-0000-4000-8000-000000000001',
  a2: 'aaaaaaaa-0000-4000-8000-000000000002',
  a3: 'aaaaaaaa-0000-4000-8000-000000000003',
};

export const CODES: RefiCode[] = [
  { id: ID.labour, name: 'Labour exploitation', parentId: null, description: 'Work obtained by force,\nfraud or coercion.', color: '#AA3300', codable: false },
  { id: ID.titp, name: 'TITP', parentId: ID.labour, description: 'Technical Intern Training Program.', color: null, codable: true },
  { id: ID.debt, name: 'Debt bondage', parentId: ID.titp, description: '', color: '#0055ff', codable: true },
  { id: ID.legal, name: 'Legal & "policy" <framework>', parentId: null, description: 'Laws & rules.', color: null, codable: true },
];

/** Text with an emoji and a CJK Extension B character before the coded passages. */
export const ASTRAL_TEXT = 'Intro 😀 text. 𠀋 Interns owe brokers debts. Officials & "screening" <rules>.\nEnd.';

export function codings(text: string): RefiCoding[] {
  const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  return [
    { id: ID.a1, ...at('Interns owe brokers debts.'), codeIds: [ID.titp, ID.debt], note: 'Debt to brokers — see ¶4.\nSecond line & <b>.', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-03T00:00:00.000Z' },
    { id: ID.a2, ...at('😀'), codeIds: [ID.legal], note: '', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: null },
    { id: ID.a3, ...at('Officials & "screening" <rules>.'), codeIds: [], note: 'No code, only a note.', createdAt: '2026-01-04T00:00:00.000Z', updatedAt: null },
  ];
}

export function projectInput(text = ASTRAL_TEXT): RefiProjectInput {
  return { name: '2021 TIP Report: Japan', sourceText: text, sourceName: 'tip-2021-japan.txt', codes: CODES, codings: codings(text), exportedAt: '2026-02-01T00:00:00.000Z' };
}

/** A zip of the given files (strings as UTF-8). */
export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable);
}
