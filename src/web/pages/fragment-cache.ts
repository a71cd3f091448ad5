/**
 * Rendered page fragments kept while what they were rendered from stays the same object:
 * the sidebar's 400 feeds with their unread counts, the search form's feed list. The store
 * hands out a user's subscription labels and unread counts as frozen objects, the same
 * object until the database changes (store/sqlite/change-marker.ts), so "same frozen
 * inputs" means "same markup" and a changed database means new objects and a new render:
 * never a stale count. Inputs that are not frozen (a store without that memo) are rendered
 * every time. Entries live in WeakMaps keyed by the inputs, so they go with them.
 */
import type { SafeHtml } from '../html.ts';

/** A cache of fragments rendered from frozen objects (one or more) and a string key (the view, the filter). */
export type FragmentCache = (inputs: readonly object[], key: string, render: () => SafeHtml) => SafeHtml;

interface Level {
  next: WeakMap<object, Level>;
  variants?: Map<string, SafeHtml>;
}

// Variants kept per pair of inputs (views × filters a user opens between two changes of the database).
const MAX_VARIANTS = 32;

/** Returns an empty fragment cache. */
export function createFragmentCache(): FragmentCache {
  const root: Level = { next: new WeakMap() };
  return (inputs, key, render) => {
    if (inputs.length === 0 || !inputs.every((input) => Object.isFrozen(input))) return render();
    let level = root;
    for (const input of inputs) {
      let next = level.next.get(input);
      if (next === undefined) level.next.set(input, (next = { next: new WeakMap() }));
      level = next;
    }
    const variants = (level.variants ??= new Map());
    const hit = variants.get(key);
    if (hit !== undefined) return hit;
    const rendered = render();
    if (variants.size >= MAX_VARIANTS) variants.clear();
    variants.set(key, rendered);
    return rendered;
  };
}
