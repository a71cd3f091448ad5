/**
 * SHA-256 of a string as lowercase hex. node:crypto is used (not a JS implementation):
 * it is native, already part of Node, and hashes a 5 KB text in microseconds.
 */

import { createHash } from 'node:crypto';

/** Returns the lowercase hex SHA-256 digest of `text` encoded as UTF-8 (64 hex digits). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
