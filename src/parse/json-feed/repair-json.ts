/**
 * A last-chance repair for JSON feeds that JSON.parse rejects, covering what real feeds
 * get wrong: raw control characters (newlines, tabs) inside strings, trailing commas, and
 * junk after the document. One linear pass; used only after JSON.parse has failed.
 */

/** Returns `text` with control characters in strings escaped, trailing commas dropped and anything after the top-level value cut. */
export function repairJson(text: string): string {
  let out = '';
  let inString = false;
  let depth = 0;
  let start = 0;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      else if (c < 32) {
        out += `${text.slice(start, i)}\\u${c.toString(16).padStart(4, '0')}`;
        start = i + 1;
      }
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 0) return out + text.slice(start, i + 1);
    } else if (c === 44 /* , */) {
      let j = i + 1;
      while (j < len && text.charCodeAt(j) <= 32) j++;
      const next = text.charCodeAt(j);
      if (next === 125 || next === 93) {
        out += text.slice(start, i);
        start = i + 1;
      }
    }
  }
  return out + text.slice(start);
}
