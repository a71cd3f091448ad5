/**
 * Decoding by an encoding that is settled (override, byte order mark, NUL pattern): the
 * bytes are not second-guessed, and invalid sequences become U+FFFD with a problem line.
 */
import { countReplacements, decodeLossy, decodeStrict } from './decode-bytes.ts';
import type { DecodedText } from './decoded-text.ts';

/** Returns `bytes` decoded as `encoding`, appending a problem to `problems` when invalid sequences had to be replaced. */
export function decodeTrusted(bytes: Uint8Array, encoding: string, problems: string[]): DecodedText {
  const text = decodeStrict(bytes, encoding);
  if (text !== undefined) return { text, encoding, problems };
  return decodeReplacing(bytes, encoding, problems);
}

/** Returns `bytes` decoded as `encoding` with U+FFFD for invalid sequences, appending a problem line that counts them. */
export function decodeReplacing(bytes: Uint8Array, encoding: string, problems: string[]): DecodedText {
  const text = decodeLossy(bytes, encoding);
  const replaced = Math.max(1, countReplacements(text));
  problems.push(`${replaced} invalid byte sequence${replaced === 1 ? '' : 's'} in ${encoding} replaced with U+FFFD`);
  return { text, encoding, problems };
}
