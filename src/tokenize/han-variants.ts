/**
 * The Traditional → Simplified character table behind search folding, built once from
 * opencc-js's own dictionaries: Hong Kong and Taiwan variant forms → OpenCC standard
 * Traditional (HKVariantsRev, TWVariantsRev), then Traditional → Simplified (TSCharacters).
 * Character by character on purpose, never phrase by phrase: OpenCC's phrase tables convert a
 * character differently depending on its neighbours (乾隆 keeps 乾, 乾燥 becomes 干燥), and a
 * context-dependent fold would let a one-character query fold differently from the same
 * character inside a document, which is a missed hit. A per-character map folds a string and
 * every substring of it the same way, which is what exact substring search needs. Only the
 * dictionaries are used, not opencc-js's converter, so no phrase segmentation runs per article.
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

function parseDictionary(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of text.split('|')) {
    const [key, value] = entry.split(' ');
    if (key !== undefined && value !== undefined && [...key].length === 1 && key !== value) map.set(key, value);
  }
  return map;
}

/** Returns a map from every Traditional, Taiwan or Hong Kong variant character to its Simplified form (a fixed point: mapping twice changes nothing). */
export function buildHanFoldTable(): Map<string, string> {
  const steps = [parseDictionary(HKVariantsRev), parseDictionary(TWVariantsRev), parseDictionary(TSCharacters)];
  const foldOnce = (c: string): string => steps.reduce((value, step) => step.get(value) ?? value, c);
  const table = new Map<string, string>();
  const keys = new Set(steps.flatMap((step) => [...step.keys()]));
  for (const key of keys) {
    let value = key;
    for (let i = 0; i < 4; i++) {
      const next = foldOnce(value);
      if (next === value) break;
      value = next;
    }
    if (value !== key) table.set(key, value);
  }
  return table;
}
