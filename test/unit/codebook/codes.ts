/** A small codebook in listCodes' tree order, for the codebook view's pure logic. */
import type { CodeView } from '../../../preload/contract';

function code(n: number, name: string, parent: CodeView | null, fields: Partial<CodeView> = {}): CodeView {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, name, path: parent ? `${parent.path}/${name}` : name, parentId: parent?.id ?? null, description: '', color: null, codable: true, count: 0, totalCount: 0, ...fields };
}

/**
 * Labour
 *   TITP
 *     Debt bondage
 *   Wages
 * Victims
 */
export function sampleCodes() {
  const labour = code(1, 'Labour', null, { codable: false, totalCount: 5 });
  const titp = code(2, 'TITP', labour, { count: 2, totalCount: 4 });
  const debt = code(3, 'Debt bondage', titp, { count: 2, totalCount: 2, description: 'Workers owe recruitment fees.' });
  const wages = code(4, 'Wages', labour, { count: 1, totalCount: 1 });
  const victims = code(5, 'Victims', null);
  return { labour, titp, debt, wages, victims, all: [labour, titp, debt, wages, victims] };
}
