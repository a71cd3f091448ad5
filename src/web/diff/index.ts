// web/diff/ owns the revision diff: tokens (words, or characters for Chinese and Japanese), a
// bounded Myers diff, and its HTML. It imports only web/html.ts and util/; nothing here knows the store.
export { diffText } from './diff-text.ts';
export type { DiffPart, TextDiff } from './diff-text.ts';
export { diffToHtml } from './diff-to-html.ts';
export { diffSequences } from './myers-diff.ts';
export type { DiffOp, DiffBudget } from './myers-diff.ts';
export { tokenizeForDiff } from './tokenize-diff.ts';
