// web/pages/ owns the reader's server-rendered pages (one file per page), the page shell,
// the security headers and the actions behind its forms. It imports context, store types,
// search, clean, ingest/accounts use cases, web/auth, web/diff, web/assets and web/metrics (search latency); never cli/.
export { securityHeaders, CONTENT_SECURITY_POLICY } from './security-headers.ts';
export { homeRedirect, timelinePage, TIMELINE_PAGE_SIZE } from './timeline-page.ts';
export { articlePage, articleBody } from './article-page.ts';
export type { ArticleView } from './article-page.ts';
export { revisionsPage, compareRevisions } from './revisions-page.ts';
export { markReadAction, starAction, markManyReadAction, markAllReadAction } from './article-actions.ts';
export { searchPage, saveSearchAction, deleteSavedSearchAction } from './search-page.ts';
export {
  subscriptionsPage,
  addSubscriptionAction,
  importOpmlAction,
  exportOpmlAction,
  MAX_OPML_BYTES,
} from './subscriptions-page.ts';
export {
  feedSettingsPage,
  saveFeedSettingsAction,
  unsubscribeAction,
  parseFeedSettings,
} from './feed-settings-page.ts';
export { healthPage, HEALTH_DAYS } from './health-page.ts';
export { refreshFeedAction } from './feed-refresh.ts';
export { renderSparkline } from './sparkline.ts';
export { settingsPage, saveSettingsAction, saveThemeAction } from './settings-page.ts';
export { helpPage } from './help-page.ts';
export { SHORTCUTS } from './keyboard-help.ts';
export { loadReaderSettings, saveReaderSettings, DEFAULT_READER_SETTINGS } from './reader-settings.ts';
export type { ReaderSettings, MarkReadMode, PagingMode, Theme } from './reader-settings.ts';
export { serveAsset, serveFavicon, assetUrl } from '../assets/assets.ts';
