/**
 * The slow path of decodeFeedBytes, for documents whose bytes are not valid UTF-8: weigh
 * the declarations against the bytes and chardet's statistics, pick the encoding the
 * document is really in, and say in `problems` when that contradicts what was declared.
 */
import { isAsciiCompatible } from './charset-labels.ts';
import { countReplacements, decodeLossy, decodeStrict } from './decode-bytes.ts';
import type { DecodedText } from './decoded-text.ts';
import { decodeReplacing } from './decode-trusted.ts';
import { guessEncodings, isMultiByteLegacy, type EncodingGuess } from './guess-encodings.ts';

/** A charset declaration: the label as given and its WHATWG encoding name. */
export interface Declaration {
  label: string;
  encoding: string;
}

// chardet scores real CJK text near 100 and Latin text under 30 for the CJK encodings.
const CJK_OVER_SINGLE_BYTE = 50;

function isSingleByte(encoding: string): boolean {
  return (
    isAsciiCompatible(encoding) && !isMultiByteLegacy(encoding) && encoding !== 'utf-8' && encoding !== 'iso-2022-jp'
  );
}

// A mostly-UTF-8 document with a few stray bytes (a pasted windows-1252 quote, a cut
// character) keeps its many good characters; GBK or Latin-1 read as UTF-8 yields far more
// replacements than valid non-ASCII characters.
function decodeMostlyUtf8(bytes: Uint8Array): string | undefined {
  const text = decodeLossy(bytes, 'utf-8');
  const replaced = countReplacements(text);
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f && code !== 0xfffd) valid++;
  }
  return valid >= 2 * replaced ? text : undefined;
}

/** Returns the text of a document whose bytes are not valid UTF-8, decoded by the encoding that fits them best, with problems appended for a wrong declaration or replaced bytes. */
export function recoverEncoding(bytes: Uint8Array, declarations: Declaration[], problems: string[]): DecodedText {
  const first = declarations[0];
  const legacy = declarations.filter((d) => d.encoding !== 'utf-8' && isAsciiCompatible(d.encoding));
  let guesses: EncodingGuess[] | undefined;
  const getGuesses = (): EncodingGuess[] => (guesses ??= guessEncodings(bytes));

  const noteChoice = (encoding: string): void => {
    if (first !== undefined && first.encoding !== encoding) {
      problems.push(`declared encoding "${first.label}" is wrong; decoded as ${encoding}`);
    } else if (first === undefined && encoding !== 'utf-8') {
      problems.push(`no encoding declared and the bytes are not utf-8; decoded as ${encoding}`);
    }
  };
  const choose = (encoding: string, text: string): DecodedText => {
    noteChoice(encoding);
    return { text, encoding, problems };
  };

  const tryDeclared = (): DecodedText | undefined => {
    for (const declared of legacy) {
      const text = decodeStrict(bytes, declared.encoding);
      if (text === undefined) continue;
      if (isSingleByte(declared.encoding)) {
        // A single-byte charset accepts any bytes, so GBK served as "iso-8859-1" only shows statistically.
        const top = getGuesses()[0];
        if (top !== undefined && isMultiByteLegacy(top.encoding) && top.confidence >= CJK_OVER_SINGLE_BYTE) {
          for (const other of [
            ...legacy.filter((d) => isMultiByteLegacy(d.encoding)).map((d) => d.encoding),
            top.encoding,
          ]) {
            const otherText = decodeStrict(bytes, other);
            if (otherText !== undefined) return choose(other, otherText);
          }
        }
      }
      return choose(declared.encoding, text);
    }
    return undefined;
  };

  const legacyFirst = first !== undefined && legacy[0] === first;
  const declaredFit = legacyFirst ? tryDeclared() : undefined;
  if (declaredFit !== undefined) return declaredFit;
  const mostlyUtf8 = decodeMostlyUtf8(bytes);
  if (mostlyUtf8 !== undefined) {
    noteChoice('utf-8');
    return decodeReplacingText(mostlyUtf8, problems);
  }
  const laterFit = legacyFirst ? undefined : tryDeclared();
  if (laterFit !== undefined) return laterFit;

  const usable = getGuesses().filter((g) => g.encoding !== 'utf-8' && isAsciiCompatible(g.encoding));
  const top = usable[0];
  for (const guess of usable) {
    // A much weaker guess that happens to decode cleanly is worse than the strong one with a few bad bytes.
    if (top !== undefined && guess.confidence * 2 < top.confidence) break;
    const text = decodeStrict(bytes, guess.encoding);
    if (text !== undefined) return choose(guess.encoding, text);
  }
  const fallback = legacy[0]?.encoding ?? top?.encoding ?? 'utf-8';
  noteChoice(fallback);
  return decodeReplacing(bytes, fallback, problems);
}

function decodeReplacingText(text: string, problems: string[]): DecodedText {
  const replaced = countReplacements(text);
  problems.push(`${replaced} invalid byte sequence${replaced === 1 ? '' : 's'} in utf-8 replaced with U+FFFD`);
  return { text, encoding: 'utf-8', problems };
}
