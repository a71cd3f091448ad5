/**
 * The English words common enough to get grams: only "the", the most frequent word of running
 * English text (about 5 % of it) and in over half of English articles. Two adjacent words of
 * which one is in this list are also stored as one *gram* token (`the_government`, `said_the`),
 * Lucene's CommonGrams: a phrase of common words that are rarely next to each other is then
 * answered from the gram's short list instead of checking positions in every article that holds
 * both words (index-tokens.ts). The ten most frequent words (the, of, and, to, a, in, is, that,
 * for, it) made the full-text index noticeably bigger than "the" alone and indexing slower, and
 * a 50-word list far bigger (docs/search.md, "How Chinese (and Japanese and Korean) is indexed"). Part of the
 * index format: changing this list needs a reindex (a migration that queues every article).
 */
const COMMON = ['the'];

/** The common words, folded (lower case), for membership tests. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(COMMON);
