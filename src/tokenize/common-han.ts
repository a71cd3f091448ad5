/**
 * The 100 most frequent Han characters of running Chinese text (weighted by jieba's word
 * frequencies, @node-rs/jieba/dict.txt), in Simplified form. A pair of two of them next to each
 * other is stored as an extra "pair" token, so that a query such as 人大 (two very common
 * characters, rarely adjacent) is answered from the short list of articles holding the pair
 * instead of checking positions in every article that holds both characters. Together these
 * characters are about 36 % of Chinese text and their pairs about an eighth of its character
 * pairs; a query whose characters are rarer walks a rarer character's list instead. Part of the index
 * format: changing this list needs `tidings reindex`.
 */
const COMMON =
  '的一是人了不在有大中国和为这上他个地年来我会以到时要出生学说道民家子也成行下们于后就发自之对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所';

/** The common characters, for membership tests. */
export const COMMON_HAN: ReadonlySet<string> = new Set(COMMON);
