/**
 * A feed whose content tests change on demand (new items, an edited item), with validators
 * that follow the content: the ETag is a hash of the body and Last-Modified moves forward by
 * at least one second per change (HTTP-dates have second precision, RFC 9110 §5.6.7), so a
 * conditional request after a change never gets a stale 304.
 */

import { createHash } from 'node:crypto';
import { buildRss, sampleItems, type SampleItem } from './feed-builders.ts';

/** A mutable feed served with ETag / Last-Modified by the fixture server. */
export interface FixtureFeed {
  /** The current items, newest first. */
  readonly items: readonly SampleItem[];
  readonly etag: string;
  /** An IMF-fixdate. */
  readonly lastModified: string;
  /** The current RSS document. */
  body(): string;
  /** Prepends `count` new items, numbered after the highest one so far. */
  addItems(count: number): void;
  /** Changes fields of the item at `index` (0 = newest). */
  editItem(index: number, changes: Partial<SampleItem>): void;
  /** Replaces all items. */
  setItems(items: readonly SampleItem[]): void;
}

/** Returns a fixture feed starting with `itemCount` sample items (default 3). */
export function createFixtureFeed(
  options: { itemCount?: number; chinese?: boolean; title?: string } = {},
): FixtureFeed {
  let items: SampleItem[] = sampleItems(options.itemCount ?? 3, { chinese: options.chinese });
  let nextNumber = items.length + 1;
  let xml = '';
  let etag = '';
  let modifiedAt = 0;

  function changed(): void {
    xml = buildRss({
      title: options.title ?? (options.chinese ? '样例新闻' : 'Fixture feed'),
      link: 'https://fixture.test/',
      description: 'A feed served by the Tidings test fixture server',
      items,
    });
    etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 16)}"`;
    modifiedAt = Math.max(Math.floor(Date.now() / 1000) * 1000, modifiedAt + 1000);
  }
  changed();

  return {
    get items() {
      return items;
    },
    get etag() {
      return etag;
    },
    get lastModified() {
      return new Date(modifiedAt).toUTCString();
    },
    body: () => xml,
    addItems(count) {
      items = [...sampleItems(count, { start: nextNumber, chinese: options.chinese }), ...items];
      nextNumber += count;
      changed();
    },
    editItem(index, changes) {
      items = items.map((item, i) => (i === index ? { ...item, ...changes } : item));
      changed();
    },
    setItems(next) {
      items = [...next];
      changed();
    },
  };
}
