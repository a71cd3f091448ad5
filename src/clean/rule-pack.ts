/**
 * Rule packs: declarative cleaning rules for one publisher or feed service, one JSON file
 * each (docs/rules.md). JSON because it needs no parser dependency, every editor checks it,
 * and a pack is data, not code. This file holds the compiled form and the validator that
 * turns a parsed file into it: selectors and patterns compile once, at load, and every
 * problem is reported with the pack's file and the rule's id, never at clean time.
 */
import { compileSelector, type CssSelector } from './css-selector.ts';

/** When a pack applies: any listed condition is enough. */
export interface PackMatch {
  /** Applies to every article (for rules specific enough to be safe anywhere). */
  any: boolean;
  /** Host names (or parent domains) of the feed URL. */
  feedHosts: string[];
  /** Host names (or parent domains) of the article URL. */
  itemHosts: string[];
  /** Patterns tested against the feed's generator string. */
  generators: RegExp[];
  /** Literal strings, any of which in the raw HTML selects the pack (for mirrored feeds). */
  bodyContains: string[];
}

/** One compiled rule. */
export type PackRule =
  | { id: string; action: 'remove'; selector: CssSelector; textPattern: RegExp | undefined }
  | { id: string; action: 'remove-leading' | 'remove-trailing'; pattern: RegExp; maxLength: number }
  | {
      id: string;
      action: 'replace';
      pattern: RegExp;
      replacement: string;
      selector: CssSelector | undefined;
      attribute: string | undefined;
    }
  | { id: string; action: 'drop-attributes'; selector: CssSelector; attributes: string[] };

/** One of a pack's own tests: input HTML and what the cleaned output must and must not contain. */
export interface PackTest {
  name: string;
  html: string;
  feedUrl?: string;
  itemUrl?: string;
  generator?: string;
  contains: string[];
  notContains: string[];
}

/** A loaded, compiled rule pack. */
export interface RulePack {
  name: string;
  description: string;
  /** The file it came from ('' when built in memory). */
  source: string;
  match: PackMatch;
  rules: PackRule[];
  /** For full-text extraction: the element holding the article body on the pack's sites. */
  bodySelector: CssSelector | undefined;
  tests: PackTest[];
}

/** The outcome of validating a parsed pack file. */
export type ValidateRulePackResult = { kind: 'ok'; pack: RulePack } | { kind: 'invalid'; problems: string[] };

type Json = Record<string, unknown>;

const DEFAULT_MAX_LENGTH = 300;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Collects problems while reading one pack. */
class Reader {
  readonly problems: string[] = [];

  string(object: Json, key: string, where: string, required: boolean): string | undefined {
    const value = object[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value === '') {
      this.problems.push(`${where}: "${key}" must be a non-empty string`);
      return undefined;
    }
    return value;
  }

  strings(object: Json, key: string, where: string): string[] {
    const value = object[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
      this.problems.push(`${where}: "${key}" must be a list of non-empty strings`);
      return [];
    }
    return value as string[];
  }

  regex(source: string | undefined, flags: string | undefined, where: string, global = false): RegExp | undefined {
    if (source === undefined) return undefined;
    if (flags !== undefined && !/^[ims]*$/.test(flags)) {
      this.problems.push(`${where}: "flags" may hold only i, m and s`);
      return undefined;
    }
    try {
      return new RegExp(source, `u${flags ?? ''}${global ? 'g' : ''}`);
    } catch (error) {
      this.problems.push(`${where}: bad pattern: ${(error as Error).message}`);
      return undefined;
    }
  }

  selector(source: string | undefined, where: string): CssSelector | undefined {
    if (source === undefined) return undefined;
    const compiled = compileSelector(source);
    if (compiled.kind === 'ok') return compiled.selector;
    this.problems.push(`${where}: ${compiled.reason}`);
    return undefined;
  }
}

function readMatch(r: Reader, value: unknown): PackMatch {
  const match: PackMatch = { any: false, feedHosts: [], itemHosts: [], generators: [], bodyContains: [] };
  if (!isObject(value)) {
    r.problems.push('"match" must be an object');
    return match;
  }
  match.any = value.any === true;
  match.feedHosts = r.strings(value, 'feedHost', 'match').map((h) => h.toLowerCase());
  match.itemHosts = r.strings(value, 'itemHost', 'match').map((h) => h.toLowerCase());
  match.generators = r.strings(value, 'generator', 'match').flatMap((g) => r.regex(g, 'i', 'match.generator') ?? []);
  match.bodyContains = r.strings(value, 'bodyContains', 'match');
  const any =
    match.any ||
    match.feedHosts.length + match.itemHosts.length + match.generators.length + match.bodyContains.length > 0;
  if (!any) r.problems.push('"match" names no condition (use "any": true to apply everywhere)');
  return match;
}

function readRule(r: Reader, value: unknown, index: number): PackRule | undefined {
  if (!isObject(value)) {
    r.problems.push(`rules[${index}] must be an object`);
    return undefined;
  }
  const id = r.string(value, 'id', `rules[${index}]`, true) ?? `#${index}`;
  const where = `rule "${id}"`;
  const flags = r.string(value, 'flags', where, false);
  const action = value.action;
  if (action === 'remove') {
    const selector = r.selector(r.string(value, 'selector', where, true), where);
    const textPattern = r.regex(r.string(value, 'textPattern', where, false), flags, where);
    return selector && { id, action, selector, textPattern };
  }
  if (action === 'remove-leading' || action === 'remove-trailing') {
    const text = r.string(value, 'text', where, false);
    const source = r.string(value, 'pattern', where, false);
    if ((text === undefined) === (source === undefined))
      r.problems.push(`${where}: give exactly one of "text" and "pattern"`);
    const pattern = text !== undefined ? new RegExp(escapeRegExp(text), 'iu') : r.regex(source, flags, where);
    const maxLength = value.maxLength ?? DEFAULT_MAX_LENGTH;
    if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 1)
      r.problems.push(`${where}: "maxLength" must be a positive integer`);
    return pattern && { id, action, pattern, maxLength: Number(maxLength) };
  }
  if (action === 'replace') {
    const pattern = r.regex(r.string(value, 'pattern', where, true), flags, where, true);
    const replacement = value.replacement;
    if (typeof replacement !== 'string') r.problems.push(`${where}: "replacement" must be a string`);
    const selector = r.selector(r.string(value, 'selector', where, false), where);
    const attribute = r.string(value, 'attribute', where, false)?.toLowerCase();
    if (attribute !== undefined && selector === undefined) r.problems.push(`${where}: "attribute" needs a "selector"`);
    return pattern && typeof replacement === 'string'
      ? { id, action, pattern, replacement, selector, attribute }
      : undefined;
  }
  if (action === 'drop-attributes') {
    const selector = r.selector(r.string(value, 'selector', where, true), where);
    const attributes = r.strings(value, 'attributes', where).map((a) => a.toLowerCase());
    if (attributes.length === 0) r.problems.push(`${where}: "attributes" must list at least one attribute`);
    return selector && { id, action, selector, attributes };
  }
  r.problems.push(
    `${where}: unknown action ${JSON.stringify(action)} (remove, remove-leading, remove-trailing, replace, drop-attributes)`,
  );
  return undefined;
}

function readTest(r: Reader, value: unknown, index: number): PackTest | undefined {
  if (!isObject(value)) {
    r.problems.push(`tests[${index}] must be an object`);
    return undefined;
  }
  const name = r.string(value, 'name', `tests[${index}]`, true) ?? `#${index}`;
  const where = `test "${name}"`;
  const html = r.string(value, 'html', where, true);
  const test: PackTest = {
    name,
    html: html ?? '',
    feedUrl: r.string(value, 'feedUrl', where, false),
    itemUrl: r.string(value, 'itemUrl', where, false),
    generator: r.string(value, 'generator', where, false),
    contains: r.strings(value, 'contains', where),
    notContains: r.strings(value, 'notContains', where),
  };
  if (test.contains.length + test.notContains.length === 0)
    r.problems.push(`${where}: needs "contains" or "notContains"`);
  return html === undefined ? undefined : test;
}

/** Validates a parsed pack file and compiles it; `source` names the file in problems. */
export function validateRulePack(value: unknown, source: string): ValidateRulePackResult {
  const r = new Reader();
  if (!isObject(value)) return { kind: 'invalid', problems: ['a rule pack must be a JSON object'] };
  const name = r.string(value, 'name', 'pack', true) ?? '';
  const description = r.string(value, 'description', 'pack', false) ?? '';
  const match = readMatch(r, value.match);
  const rules = Array.isArray(value.rules) ? value.rules.flatMap((rule, i) => readRule(r, rule, i) ?? []) : [];
  if (value.rules !== undefined && !Array.isArray(value.rules)) r.problems.push('"rules" must be a list');
  const ids = new Set<unknown>();
  for (const rule of Array.isArray(value.rules) ? value.rules : []) {
    const id = isObject(rule) ? rule.id : undefined;
    if (id !== undefined && ids.has(id)) r.problems.push(`rule id "${String(id)}" is used twice`);
    ids.add(id);
  }
  let bodySelector: CssSelector | undefined;
  if (value.extract !== undefined) {
    if (isObject(value.extract))
      bodySelector = r.selector(r.string(value.extract, 'bodySelector', 'extract', true), 'extract');
    else r.problems.push('"extract" must be an object');
  }
  if (rules.length === 0 && bodySelector === undefined)
    r.problems.push('a pack needs at least one rule or an extract.bodySelector');
  const tests = Array.isArray(value.tests) ? value.tests.flatMap((test, i) => readTest(r, test, i) ?? []) : [];
  if (rules.length > 0 && tests.length === 0) r.problems.push('a pack with rules needs at least one test');
  if (r.problems.length > 0) return { kind: 'invalid', problems: r.problems.map((p) => `${source || name}: ${p}`) };
  return { kind: 'ok', pack: { name, description, source, match, rules, bodySelector, tests } };
}
