/**
 * RSSHub's `opencc` parameter: the output converted between Simplified (`t2s`) and
 * Traditional (`s2t`) Chinese with opencc-js (OpenCC's dictionaries, phrase-aware; the
 * Tidings search folds variants with the same dictionaries). The package is 1 MB of
 * dictionaries, so it is loaded on the first request that asks, and each converter is
 * built once per process. Markup passes through unchanged: only CJK characters convert.
 */

/** The conversions offered. */
export type ChineseConversion = 's2t' | 't2s';

/** Returns true when `value` names a conversion. */
export function isChineseConversion(value: unknown): value is ChineseConversion {
  return value === 's2t' || value === 't2s';
}

type Convert = (text: string) => string;

const converters = new Map<ChineseConversion, Promise<Convert>>();

async function buildConverter(conversion: ChineseConversion): Promise<Convert> {
  const OpenCC = await import('opencc-js');
  return conversion === 's2t' ? OpenCC.Converter({ from: 'cn', to: 't' }) : OpenCC.Converter({ from: 't', to: 'cn' });
}

/** Returns the converter for `conversion`, built on first use. */
export function chineseConverter(conversion: ChineseConversion): Promise<Convert> {
  let converter = converters.get(conversion);
  if (converter === undefined) {
    converter = buildConverter(conversion);
    converters.set(conversion, converter);
  }
  return converter;
}
