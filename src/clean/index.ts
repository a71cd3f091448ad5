/**
 * clean/ owns turning article HTML as received into HTML to store and show: the step
 * pipeline, rule packs, learned boilerplate, the sanitizer (last), and the text and Markdown
 * forms. It must not import fetch/, parse/, store/, ingest/, extract/ or anything above.
 */
export { cleanArticle, type CleanArticleOptions, type CleanedArticle } from './clean-article.ts';
export { cleanHtml, CLEAN_STEPS } from './clean-html.ts';
export type { CleanOptions, CleanResult, Explanation, StepName } from './clean-types.ts';
export {
  formatLearnedRule,
  learnBoilerplate,
  LEARN_DEFAULTS,
  type LearnBoilerplateOptions,
  type LearnedRule,
} from './learn-boilerplate.ts';
export {
  loadRulePackFile,
  loadRulePacks,
  loadShippedRulePacks,
  SHIPPED_RULES_DIR,
  type LoadedRulePacks,
} from './load-rule-packs.ts';
export { type PackRule, type PackTest, type RulePack, validateRulePack } from './rule-pack.ts';
export { runPackTests, type PackTestOutcome } from './run-pack-tests.ts';
export { sanitizeHtml } from './sanitize-html.ts';
export { findBodySelector, selectRulePacks } from './select-rule-packs.ts';
export { LEARNED_MAX_SHARE } from './steps/strip-learned-boilerplate.ts';
export { toMarkdown } from './to-markdown.ts';
export { toText } from './to-text.ts';
export { MAX_RENDERED_HTML, readingPart, type ReadingPart } from './reading-part.ts';
