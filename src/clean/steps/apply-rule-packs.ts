/**
 * Step 8: applies the rule packs that matched the article (rule-pack.ts, docs/rules.md), each
 * pack's rules in the order written. Leading and trailing rules look at the article's edge
 * blocks (blocks.ts) and remove them while they match, at most ten per rule; a block longer
 * than the rule's `maxLength` never matches, so a rule cannot take the article with it.
 */
import { type Edge, edgeBlocks, normalizeText, removeAndPrune, removeBlock } from '../blocks.ts';
import type { CleanStep, StepContext } from '../clean-types.ts';
import { selectAll } from '../css-selector.ts';
import { isElement, isText, type ParentNode, removeNode, renderNodes, shorten, textOf } from '../dom.ts';
import type { PackRule } from '../rule-pack.ts';

const MAX_EDGE_REMOVALS = 10;

type Explain = StepContext['explain'];

function removeEdge(
  root: ParentNode,
  rule: Extract<PackRule, { action: 'remove-leading' | 'remove-trailing' }>,
  name: string,
  explain: Explain,
): void {
  const edge: Edge = rule.action === 'remove-leading' ? 'leading' : 'trailing';
  for (let i = 0; i < MAX_EDGE_REMOVALS; i++) {
    const block = edgeBlocks(root, edge).next().value;
    if (!block || block.text.length > rule.maxLength || !rule.pattern.test(block.text)) return;
    explain?.({ step: 'rule-packs', rule: name, action: 'removed', detail: shorten(renderNodes(block.nodes)) });
    removeBlock(block, edge);
  }
}

function replaceText(parent: ParentNode, pattern: RegExp, replacement: string): boolean {
  let changed = false;
  for (const child of parent.children.slice()) {
    if (isText(child)) {
      const next = child.data.replace(pattern, replacement);
      if (next === child.data) continue;
      changed = true;
      if (next === '') removeNode(child);
      else child.data = next;
    } else if (isElement(child) && child.name !== 'pre' && replaceText(child, pattern, replacement)) changed = true;
  }
  return changed;
}

function applyRule(root: ParentNode, rule: PackRule, name: string, explain: Explain): void {
  switch (rule.action) {
    case 'remove':
      for (const element of selectAll(root, rule.selector)) {
        if (!element.parent) continue;
        if (rule.textPattern && !rule.textPattern.test(normalizeText(textOf(element)))) continue;
        explain?.({ step: 'rule-packs', rule: name, action: 'removed', detail: shorten(renderNodes(element)) });
        removeAndPrune(element);
      }
      return;
    case 'remove-leading':
    case 'remove-trailing':
      removeEdge(root, rule, name, explain);
      return;
    case 'replace':
      if (rule.attribute !== undefined && rule.selector !== undefined) {
        for (const element of selectAll(root, rule.selector)) {
          const before = element.attribs[rule.attribute];
          if (before === undefined) continue;
          const after = before.replace(rule.pattern, rule.replacement);
          if (after === before) continue;
          element.attribs[rule.attribute] = after;
          explain?.({
            step: 'rule-packs',
            rule: name,
            action: 'changed',
            detail: `${rule.attribute}: ${before} → ${after}`,
          });
        }
        return;
      }
      for (const scope of rule.selector ? selectAll(root, rule.selector) : [root]) {
        const before = explain ? shorten(textOf(scope)) : '';
        if (replaceText(scope, rule.pattern, rule.replacement)) {
          explain?.({
            step: 'rule-packs',
            rule: name,
            action: 'changed',
            detail: `${before} → ${shorten(textOf(scope))}`,
          });
        }
      }
      return;
    case 'drop-attributes':
      for (const element of selectAll(root, rule.selector)) {
        for (const attribute of rule.attributes) {
          if (element.attribs[attribute] === undefined) continue;
          explain?.({
            step: 'rule-packs',
            rule: name,
            action: 'removed',
            detail: `${attribute}="${shorten(element.attribs[attribute])}" on <${element.name}>`,
          });
          delete element.attribs[attribute];
        }
      }
  }
}

/** Applies the rules of every matched pack, in order. */
export const applyRulePacks: CleanStep = (root, context) => {
  for (const pack of context.packs) {
    for (const rule of pack.rules) applyRule(root, rule, `${pack.name}#${rule.id}`, context.explain);
  }
};
