/**
 * Checks inputs before any back end stores them, so every back end rejects the same things
 * the same way, as an `invalid` value: an entry is refused alone without losing the rest
 * of its batch, and a bad setting typed into a form is a message, not a crash.
 */
import type { IncomingEntry } from './article-types.ts';
import type { FeedSettingsPatch } from './feed-types.ts';

/** Returns why the entry cannot be stored, or undefined when it can. */
export function checkEntry(entry: IncomingEntry): string | undefined {
  if (typeof entry.identity !== 'string' || entry.identity === '') return 'identity is empty';
  if (typeof entry.rawBody !== 'string' || typeof entry.cleanedBody !== 'string') return 'bodies must be strings';
  if (typeof entry.fingerprint !== 'string' || typeof entry.titleKey !== 'string')
    return 'fingerprint and titleKey must be strings';
  for (const name of ['publishedAt', 'updatedAt'] as const) {
    const time = entry[name];
    if (time !== undefined && !Number.isSafeInteger(time)) return `${name} is not an integer of epoch ms`;
  }
  if (!Array.isArray(entry.authors) || !Array.isArray(entry.categories) || !Array.isArray(entry.enclosures)) {
    return 'authors, categories and enclosures must be lists';
  }
  return undefined;
}

/** Returns why the settings cannot be stored, or undefined when they can. */
export function checkSettings(settings: FeedSettingsPatch): string | undefined {
  for (const name of ['minIntervalSeconds', 'maxIntervalSeconds', 'retentionDays'] as const) {
    const value = settings[name];
    if (value !== undefined && value !== null && !(Number.isSafeInteger(value) && value > 0))
      return `${name} must be a positive integer`;
  }
  const { minIntervalSeconds: min, maxIntervalSeconds: max } = settings;
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    return 'minIntervalSeconds is greater than maxIntervalSeconds';
  if (settings.fullText !== undefined && !['off', 'auto', 'always'].includes(settings.fullText))
    return `unknown full-text mode ${settings.fullText}`;
  return undefined;
}

/** Returns why a feed URL cannot be stored, or undefined when it can (the caller checks it is fetchable). */
export function checkFeedUrl(url: string): string | undefined {
  return typeof url === 'string' && url.trim() !== '' && url === url.trim()
    ? undefined
    : 'the feed URL is empty or has surrounding spaces';
}
