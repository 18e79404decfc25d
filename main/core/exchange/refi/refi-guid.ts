/**
 * REFI-QDA GUIDs. The schemas' GUIDType accepts 8-4-4-4-12 hex digits, with or
 * without surrounding braces (Project.xsd and Codebook.xsd, simpleType GUIDType);
 * tools write both, in either case. Fieldmark keeps one form: lower case, no braces.
 */
import { createHash } from 'node:crypto';

const HEX_GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The GUIDType pattern, whole value. */
export const GUID_PATTERN = new RegExp(`^(?:${HEX_GUID}|\\{${HEX_GUID}\\})$`, 'u');

/** The canonical form of a REFI GUID, or null when the value is not one. */
export function normalizeGuid(raw: string): string | null {
  const value = raw.trim();
  if (!GUID_PATTERN.test(value)) return null;
  return value.replace(/[{}]/gu, '').toLowerCase();
}

/**
 * A GUID derived from its parts (SHA-256, shaped as a version-8 UUID, RFC 9562 §5.8),
 * so the same export writes the same GUIDs: a coding, a note or the report source
 * keeps its identity from one export to the next.
 */
export function derivedGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
