/**
 * Chinese word segmentation for long query runs, with @node-rs/jieba (native, the jieba
 * dictionary built in, far faster than a JavaScript port). Only queries use it: the index
 * stores characters, which already find any string exactly, so words would add size without
 * adding recall. The segmenter (a 5 MB dictionary) is loaded on first use only.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** Returns the words of a Chinese run (jieba's precise mode with HMM for unknown words), in order. */
export function segmentWords(run: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(run, true).filter((word) => word.trim() !== '');
}
