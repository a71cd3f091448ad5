/**
 * The adapter half of extensions.ts: fills what the format's own elements left empty from
 * the extension slots (Dublin Core, content:encoded, xhtml:body, iTunes, Media RSS,
 * atom:updated in RSS). Format values always win; extensions only fill gaps, except
 * feedburner:origLink, which names the real article behind a FeedBurner redirect.
 */
import type { Category, ParsedFeedMeta, ParsedItem } from '../../domain/parsed-feed.ts';
import { textContent } from '../xml/query.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { setPublished, setUpdated, textOf } from './dates.ts';
import type { ExtensionWire } from './extensions.ts';
import { pushAtomCategory, pushCategory, pushTextCategory } from './links.ts';
import { hasImage, imageEnclosure, pushEnclosure, readMediaContent } from './media.ts';
import { pushPerson, readPersonText } from './persons.ts';
import { readHtml, readInlineXhtml, readLooseText, readOpenText, readTitle } from './text.ts';
import type { XmlElement } from '../xml/types.ts';
import { readChapters, readGeo, readItunes, readMediaInfo, readPodcast } from './podcast-media.ts';

type Common = ParsedFeedMeta | ParsedItem;

function applyCommon(target: Common, ext: ExtensionWire): void {
  if (target.title === undefined && ext.dcTitle !== undefined) {
    const title = readTitle(ext.dcTitle);
    if (title !== undefined) {
      target.title = title.value;
      target.titleType = title.type;
    }
  }
  if (target.id === undefined && ext.dcIdentifier !== undefined) {
    const id = textContent(ext.dcIdentifier).trim();
    if (id !== '') target.id = id;
  }
  if (target.authors.length === 0) {
    if (ext.dcCreators !== undefined) for (const el of ext.dcCreators) pushPerson(target.authors, readPersonText(el));
    if (target.authors.length === 0 && ext.itunesAuthor !== undefined)
      pushPerson(target.authors, readPersonText(ext.itunesAuthor));
  }
  if (ext.dcContributors !== undefined)
    for (const el of ext.dcContributors) pushPerson(target.contributors, readPersonText(el));
  if (ext.dcSubjects !== undefined) for (const el of ext.dcSubjects) pushTextCategory(target.categories, el);
  if (ext.atomCategories !== undefined) for (const el of ext.atomCategories) pushAtomCategory(target.categories, el);
  setPublished(target, textOf(ext.dctermsIssued)) ||
    setPublished(target, textOf(ext.dctermsCreated)) ||
    setPublished(target, textOf(ext.atomPublished));
  // dc:date is when the resource was last changed (feedparser reads it as updated, as dcterms:modified).
  setUpdated(target, textOf(ext.dcDate)) ||
    setUpdated(target, textOf(ext.dctermsModified)) ||
    setUpdated(target, textOf(ext.atomUpdated));
  if (target.language === undefined && ext.dcLanguage !== undefined) {
    const language = textContent(ext.dcLanguage).trim();
    if (language !== '') target.language = language;
  }
}

/** Fills an item's gaps from its extension elements. */
export function applyItemExtensions(item: ParsedItem, ext: ExtensionWire): void {
  applyCommon(item, ext);
  if (item.content === undefined) {
    const content =
      ext.contentEncoded !== undefined
        ? readHtml(ext.contentEncoded)
        : ext.xhtmlBody !== undefined
          ? readInlineXhtml(ext.xhtmlBody)
          : undefined;
    if (content !== undefined) {
      item.content = content;
      item.contentType = 'html';
    }
  }
  if (item.summary === undefined) {
    const el = ext.dcDescription ?? ext.itunesSummary ?? ext.itunesSubtitle ?? ext.mediaDescription;
    const summary = el === undefined ? undefined : readLooseText(el);
    if (summary !== undefined) {
      item.summary = summary.value;
      item.summaryType = summary.type;
    }
  }
  if (item.title === undefined && ext.mediaTitle !== undefined) {
    const title = readTitle(ext.mediaTitle);
    if (title !== undefined) {
      item.title = title.value;
      item.titleType = title.type;
    }
  }
  if (item.rights === undefined && ext.dcRights !== undefined) {
    const rights = readOpenText(ext.dcRights, true);
    if (rights !== undefined) {
      item.rights = rights.value;
      item.rightsType = rights.type;
    }
  }
  if (ext.mediaContents !== undefined)
    for (const el of ext.mediaContents) pushEnclosure(item.enclosures, readMediaContent(el));
  if (!hasImage(item.enclosures)) {
    const thumb = ext.mediaThumbnails?.[0] ?? ext.itunesImage;
    if (thumb !== undefined)
      pushEnclosure(item.enclosures, imageEnclosure(thumb.attrs.url ?? thumb.attrs.href, thumb.base));
  }
  const itunes = readItunes(ext.itunesElements);
  if (itunes !== undefined) item.itunes = itunes;
  const podcast = readPodcast(ext.podcastElements);
  if (podcast !== undefined) item.podcast = podcast;
  const media = readMediaInfo(ext.mediaElements);
  if (media !== undefined) item.media = media;
  const chapters = readChapters(ext.pscChapters);
  if (chapters !== undefined) item.chapters = chapters;
  const geo = readGeo(ext.geoElements);
  if (geo !== undefined) item.geo = geo;
  if (ext.feedburnerOrigLink !== undefined) {
    const link = resolveUrl(textContent(ext.feedburnerOrigLink), ext.feedburnerOrigLink.base);
    if (link !== '') item.link = link;
  }
}

/** Fills a channel's or feed's gaps from its extension elements. */
export function applyFeedExtensions(feed: ParsedFeedMeta, ext: ExtensionWire): void {
  applyCommon(feed, ext);
  if (feed.subtitle === undefined) {
    const el = ext.dcDescription ?? ext.itunesSummary ?? ext.itunesSubtitle;
    const subtitle = el === undefined ? undefined : readLooseText(el);
    if (subtitle !== undefined) {
      feed.subtitle = subtitle.value;
      feed.subtitleType = subtitle.type;
    }
  }
  if (feed.rights === undefined && ext.dcRights !== undefined) {
    const rights = readOpenText(ext.dcRights, true);
    if (rights !== undefined) {
      feed.rights = rights.value;
      feed.rightsType = rights.type;
    }
  }
  if (ext.itunesCategories !== undefined)
    for (const el of ext.itunesCategories) pushItunesCategory(feed.categories, el);
  const itunes = readItunes(ext.itunesElements);
  if (itunes !== undefined) feed.itunes = itunes;
  const podcast = readPodcast(ext.podcastElements);
  if (podcast !== undefined) feed.podcast = podcast;
  const media = readMediaInfo(ext.mediaElements);
  if (media !== undefined) feed.media = media;
  const geo = readGeo(ext.geoElements);
  if (geo !== undefined) feed.geo = geo;
  if (feed.image === undefined) {
    const el = ext.itunesImage ?? ext.mediaThumbnails?.[0];
    const raw = el === undefined ? undefined : (el.attrs.href ?? el.attrs.url);
    if (el !== undefined && raw !== undefined && raw.trim() !== '') feed.image = { url: resolveUrl(raw, el.base) };
  }
}

const ITUNES_SCHEME = 'http://www.itunes.com/';

/** iTunes categories nest (Technology > Podcasting); each level is a category of its own. */
function pushItunesCategory(list: Category[], el: XmlElement): void {
  pushCategory(list, el.attrs.text, ITUNES_SCHEME);
  for (const child of el.children) {
    if (typeof child !== 'string' && child.local === 'category' && child.ns === el.ns) pushItunesCategory(list, child);
  }
}

/**
 * feedparser's rule for items with content but no summary (content:encoded alone, an Atom
 * entry with content only): the content is the summary too. Both fields then hold the same
 * string, which consumers can compare to tell a real summary from a copy.
 */
export function fillSummaryFromContent(item: ParsedItem): void {
  if (item.summary !== undefined || item.content === undefined) return;
  item.summary = item.content;
  item.summaryType = item.contentType;
}
