/**
 * The CRC-32 that seals snapshots and journal lines, as 8 lower-case hex
 * digits: one spelling, so a seal written by one codec reads in the other.
 */
import { crc32 } from 'node:zlib';

/** CRC-32 of `data` (continuing from `initial`, as zlib does), 8 hex digits. */
export function crc32Hex(data: Buffer, initial?: number): string {
  return crc32(data, initial).toString(16).padStart(8, '0');
}
