/**
 * A user's reader settings: when articles are marked read (on open, or also when scrolled
 * past in a list), paged or infinite lists, and the theme. Stored as the user's
 * preferences (store key/value rows under `reader.*`); unknown or missing values read as
 * the defaults, so a bad row can never break a page.
 */
import type { Store } from '../../store/index.ts';

/** When articles become read: `open` only when opened; `scroll` also when scrolled past in a list. */
export type MarkReadMode = 'open' | 'scroll';
/** How lists continue: an "older" link, or that link loaded automatically (it stays the fallback). */
export type PagingMode = 'paged' | 'infinite';
/** `system` follows the browser's prefers-color-scheme. */
export type Theme = 'system' | 'light' | 'dark';

/** The reader settings of one user. */
export interface ReaderSettings {
  markRead: MarkReadMode;
  paging: PagingMode;
  theme: Theme;
}

/** What a user has before changing anything. */
export const DEFAULT_READER_SETTINGS: Readonly<ReaderSettings> = { markRead: 'open', paging: 'paged', theme: 'system' };

/** The allowed values of each setting, in the order the settings page lists them. */
export const READER_SETTING_VALUES = {
  markRead: ['open', 'scroll'],
  paging: ['paged', 'infinite'],
  theme: ['system', 'light', 'dark'],
} as const satisfies { [K in keyof ReaderSettings]: readonly ReaderSettings[K][] };

const KEYS = Object.keys(READER_SETTING_VALUES) as Array<keyof ReaderSettings>;

function isValue<K extends keyof ReaderSettings>(key: K, value: unknown): value is ReaderSettings[K] {
  return (READER_SETTING_VALUES[key] as readonly unknown[]).includes(value);
}

/** Returns the settings found in `values` (form fields or stored preferences), each invalid or missing one left out. */
export function pickReaderSettings(values: Record<string, unknown>, prefix = ''): Partial<ReaderSettings> {
  const picked: Partial<Record<keyof ReaderSettings, string>> = {};
  for (const key of KEYS) {
    const value = values[prefix + key];
    if (isValue(key, value)) picked[key] = value;
  }
  return picked as Partial<ReaderSettings>;
}

/** Returns the user's settings, defaults filling what is unset. */
export async function loadReaderSettings(
  store: Pick<Store, 'getUserPreferences'>,
  userId: number,
): Promise<ReaderSettings> {
  return { ...DEFAULT_READER_SETTINGS, ...pickReaderSettings(await store.getUserPreferences(userId), 'reader.') };
}

/** Stores the given settings of the user (the others keep their values). */
export async function saveReaderSettings(
  store: Pick<Store, 'setUserPreferences'>,
  userId: number,
  settings: Partial<ReaderSettings>,
): Promise<void> {
  const values = Object.fromEntries(Object.entries(settings).map(([key, value]) => [`reader.${key}`, String(value)]));
  if (Object.keys(values).length > 0) await store.setUserPreferences(userId, values);
}
