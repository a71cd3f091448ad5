// web/api/ owns the JSON API under /api/v1: handlers (one file per resource), input readers,
// the JSON shapes and the OpenAPI document. It imports context, accounts, ingest, search, store types, web/auth and web/metrics; never pages.
export {
  listFeedsRoute,
  addFeedRoute,
  getFeedRoute,
  updateFeedRoute,
  removeFeedRoute,
  refreshFeedRoute,
} from './feed-routes.ts';
export {
  listArticlesRoute,
  searchArticlesRoute,
  getArticleRoute,
  updateArticleRoute,
  markArticlesReadRoute,
  markAllReadRoute,
  unreadCountsRoute,
  MAX_MARK_IDS,
} from './article-routes.ts';
export { exportOpmlRoute, importOpmlRoute, MAX_OPML_BYTES } from './opml-routes.ts';
export type { OpmlImportEntry } from './opml-routes.ts';
export {
  listSavedSearchesRoute,
  createSavedSearchRoute,
  deleteSavedSearchRoute,
  savedSearchArticlesRoute,
} from './saved-search-routes.ts';
export {
  meRoute,
  listTokensRoute,
  createTokenRoute,
  revokeTokenRoute,
  listUsersRoute,
  createUserRoute,
  updateUserRoute,
  deleteUserRoute,
} from './account-routes.ts';
export { OPENAPI_DOCUMENT, openApiRoute } from './openapi.ts';
export { isoTime, feedStatus } from './api-shapes.ts';
