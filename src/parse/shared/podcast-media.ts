/**
 * Podcast and media extensions, read whole for the JSON: iTunes (Apple's podcast tags),
 * Media RSS (media:content, media:group, media:thumbnail and the metadata around them),
 * Podcasting 2.0 (podcastindex.org's podcast: namespace), Podlove Simple Chapters and
 * GeoRSS (simple and GML) with the W3C geo vocabulary. docs/parse-json.md lists the fields.
 * Each reader takes the namespace's elements in document order (extensions.ts collects them)
 * and returns undefined when there is nothing to report; a value it cannot read is left out.
 */
import type {
  Chapter,
  GeoLocation,
  ItunesCategory,
  ItunesInfo,
  MediaContent,
  MediaInfo,
  MediaMetadata,
  MediaThumbnail,
  PodcastInfo,
} from '../../domain/parsed-feed.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { NS } from '../xml/namespaces.ts';
import { textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { parseNumber } from './numbers.ts';
import { plainText, readOpenText } from './text.ts';

function text(el: XmlElement): string | undefined {
  return plainText(textContent(el));
}

function url(raw: string | undefined, el: XmlElement): string | undefined {
  const value = raw?.trim();
  return value ? resolveUrl(value, el.base) : undefined;
}

/** iTunes booleans: "yes"/"true" (explicit also "explicit"); "no", "false", "clean" are false. */
function yesNo(raw: string | undefined): boolean | undefined {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value === 'yes' || value === 'true' || value === 'explicit') return true;
  if (value === 'no' || value === 'false' || value === 'clean') return false;
  return undefined;
}

function keywords(raw: string | undefined): string[] | undefined {
  const list = (raw ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return list.length === 0 ? undefined : list;
}

/** Returns seconds for "HH:MM:SS", "MM:SS", "SS" or "1234.5"; undefined when it is none of these. */
export function parseDuration(raw: string): number | undefined {
  const parts = raw.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(?:\.\d+)?$/.test(p))) return undefined;
  let seconds = 0;
  for (const part of parts) seconds = seconds * 60 + Number(part);
  return Math.round(seconds * 1000) / 1000;
}

function itunesCategory(el: XmlElement): ItunesCategory | undefined {
  const name = el.attrs.text?.trim();
  if (!name) return undefined;
  const category: ItunesCategory = { text: name };
  const subs: ItunesCategory[] = [];
  for (const child of el.children) {
    if (typeof child === 'string' || child.local !== 'category' || child.ns !== el.ns) continue;
    const sub = itunesCategory(child);
    if (sub !== undefined) subs.push(sub);
  }
  if (subs.length > 0) category.subcategories = subs;
  return category;
}

/** Returns the iTunes tags of a channel or an item. */
export function readItunes(els: XmlElement[] | undefined): ItunesInfo | undefined {
  if (els === undefined) return undefined;
  const info: ItunesInfo = {};
  for (const el of els) {
    switch (el.local) {
      case 'author':
      case 'summary':
      case 'subtitle':
      case 'title': {
        const value = plainText(textContent(el), el.local === 'summary');
        if (value !== undefined) info[el.local] ??= value;
        break;
      }
      case 'block':
      case 'explicit':
      case 'complete': {
        const value = yesNo(textContent(el));
        if (value !== undefined) info[el.local] ??= value;
        break;
      }
      case 'category': {
        const category = itunesCategory(el);
        if (category !== undefined) (info.categories ??= []).push(category);
        break;
      }
      case 'image':
        info.image ??= url(el.attrs.href ?? el.attrs.url ?? textContent(el), el);
        break;
      case 'keywords':
        info.keywords ??= keywords(textContent(el));
        break;
      case 'owner': {
        const owner: { name?: string; email?: string } = {};
        for (const child of el.children) {
          if (typeof child === 'string') continue;
          const value = text(child);
          if (value !== undefined && (child.local === 'name' || child.local === 'email')) owner[child.local] = value;
        }
        if (Object.keys(owner).length > 0) info.owner ??= owner;
        break;
      }
      case 'type':
      case 'episodeType':
        info.type ??= text(el);
        break;
      case 'new-feed-url':
        info.newFeedUrl ??= url(textContent(el), el);
        break;
      case 'duration': {
        const raw = text(el);
        if (raw === undefined || info.durationRaw !== undefined) break;
        info.durationRaw = raw;
        const seconds = parseDuration(raw);
        if (seconds !== undefined) info.duration = seconds;
        break;
      }
      case 'episode':
      case 'season': {
        const n = parseNumber(textContent(el));
        if (n !== undefined) info[el.local] ??= n;
        break;
      }
    }
  }
  for (const key in info) if (info[key as keyof ItunesInfo] === undefined) delete info[key as keyof ItunesInfo];
  return Object.keys(info).length === 0 ? undefined : info;
}

function thumbnail(el: XmlElement): MediaThumbnail | undefined {
  const href = url(el.attrs.url, el);
  if (href === undefined) return undefined;
  const out: MediaThumbnail = { url: href };
  const width = parseNumber(el.attrs.width);
  if (width !== undefined) out.width = width;
  const height = parseNumber(el.attrs.height);
  if (height !== undefined) out.height = height;
  if (el.attrs.time?.trim()) out.time = el.attrs.time.trim();
  return out;
}

/** Reads one metadata element into `meta`; returns false when `el` is not one. */
function readMetadata(meta: MediaMetadata, el: XmlElement): boolean {
  switch (el.local) {
    case 'title':
      meta.title ??= text(el);
      return true;
    case 'description': {
      const description = readOpenText(el, true);
      if (description !== undefined && meta.description === undefined) {
        meta.description = description.value;
        meta.descriptionType = description.type;
      }
      return true;
    }
    case 'keywords':
      meta.keywords ??= keywords(textContent(el));
      return true;
    case 'credit': {
      const name = text(el);
      if (name === undefined) return true;
      const credit: { name: string; role?: string; scheme?: string } = { name };
      if (el.attrs.role?.trim()) credit.role = el.attrs.role.trim();
      if (el.attrs.scheme?.trim()) credit.scheme = el.attrs.scheme.trim();
      (meta.credits ??= []).push(credit);
      return true;
    }
    case 'player': {
      const href = url(el.attrs.url, el);
      if (href === undefined) return true;
      const player: { url: string; width?: number; height?: number } = { url: href };
      const width = parseNumber(el.attrs.width);
      if (width !== undefined) player.width = width;
      const height = parseNumber(el.attrs.height);
      if (height !== undefined) player.height = height;
      meta.player ??= player;
      return true;
    }
    case 'rating': {
      const value = text(el);
      if (value === undefined) return true;
      const rating: { value: string; scheme?: string } = { value };
      if (el.attrs.scheme?.trim()) rating.scheme = el.attrs.scheme.trim();
      (meta.ratings ??= []).push(rating);
      return true;
    }
    case 'thumbnail': {
      const thumb = thumbnail(el);
      if (thumb !== undefined) (meta.thumbnails ??= []).push(thumb);
      return true;
    }
    default:
      return false;
  }
}

const CONTENT_NUMBERS = ['fileSize', 'duration', 'bitrate', 'framerate', 'width', 'height'] as const;

function mediaContent(el: XmlElement): MediaContent {
  const content: MediaContent = {};
  const href = url(el.attrs.url, el);
  if (href !== undefined) content.url = href;
  for (const key of ['type', 'medium', 'lang', 'expression'] as const) {
    const value = el.attrs[key]?.trim();
    if (value) content[key] = value;
  }
  for (const key of CONTENT_NUMBERS) {
    const raw = el.attrs[key];
    const n = raw === undefined ? undefined : Number(raw.trim());
    if (n !== undefined && raw?.trim() !== '' && Number.isFinite(n) && n >= 0) content[key] = n;
  }
  const isDefault = yesNo(el.attrs.isDefault);
  if (isDefault !== undefined) content.isDefault = isDefault;
  for (const child of el.children) if (typeof child !== 'string' && child.ns === NS.MEDIA) readMetadata(content, child);
  return content;
}

/** Returns the Media RSS of a feed or item: contents, groups and metadata. */
export function readMediaInfo(els: XmlElement[] | undefined): MediaInfo | undefined {
  if (els === undefined) return undefined;
  const info: MediaInfo = {};
  for (const el of els) {
    if (el.local === 'content') (info.contents ??= []).push(mediaContent(el));
    else if (el.local === 'group') {
      const group: MediaMetadata & { contents: MediaContent[] } = { contents: [] };
      for (const child of el.children) {
        if (typeof child === 'string' || child.ns !== NS.MEDIA) continue;
        if (child.local === 'content') group.contents.push(mediaContent(child));
        else readMetadata(group, child);
      }
      (info.groups ??= []).push(group);
    } else readMetadata(info, el);
  }
  return Object.keys(info).length === 0 ? undefined : info;
}

/** Returns the Podcasting 2.0 tags of a channel or an item. */
export function readPodcast(els: XmlElement[] | undefined): PodcastInfo | undefined {
  if (els === undefined) return undefined;
  const info: PodcastInfo = {};
  for (const el of els) {
    switch (el.local) {
      case 'guid':
        info.guid ??= text(el);
        break;
      case 'locked': {
        const locked = yesNo(textContent(el));
        if (locked !== undefined) info.locked ??= locked;
        break;
      }
      case 'funding': {
        const href = url(el.attrs.url, el);
        if (href === undefined) break;
        const label = text(el);
        (info.funding ??= []).push(label === undefined ? { url: href } : { url: href, text: label });
        break;
      }
      case 'transcript': {
        const href = url(el.attrs.url, el);
        if (href === undefined) break;
        const transcript: { url: string; type?: string; language?: string; rel?: string } = { url: href };
        for (const key of ['type', 'language', 'rel'] as const)
          if (el.attrs[key]?.trim()) transcript[key] = el.attrs[key].trim();
        (info.transcripts ??= []).push(transcript);
        break;
      }
      case 'chapters': {
        const href = url(el.attrs.url, el);
        if (href !== undefined)
          info.chapters ??= el.attrs.type?.trim() ? { url: href, type: el.attrs.type.trim() } : { url: href };
        break;
      }
      case 'person': {
        const name = text(el);
        if (name === undefined) break;
        const person: { name: string; role?: string; group?: string; img?: string; href?: string } = { name };
        for (const key of ['role', 'group'] as const) if (el.attrs[key]?.trim()) person[key] = el.attrs[key].trim();
        const img = url(el.attrs.img, el);
        if (img !== undefined) person.img = img;
        const href = url(el.attrs.href, el);
        if (href !== undefined) person.href = href;
        (info.persons ??= []).push(person);
        break;
      }
      case 'season':
      case 'episode': {
        const n = parseNumber(textContent(el));
        if (n !== undefined) info[el.local] ??= n;
        break;
      }
    }
  }
  for (const key in info) if (info[key as keyof PodcastInfo] === undefined) delete info[key as keyof PodcastInfo];
  return Object.keys(info).length === 0 ? undefined : info;
}

/** Returns Podlove Simple Chapters (`<psc:chapters><psc:chapter start title href image/>`). */
export function readChapters(el: XmlElement | undefined): Chapter[] | undefined {
  if (el === undefined) return undefined;
  const out: Chapter[] = [];
  for (const child of el.children) {
    if (typeof child === 'string' || child.local !== 'chapter') continue;
    const start = child.attrs.start?.trim();
    if (!start) continue;
    const chapter: Chapter = { start };
    const seconds = parseDuration(start);
    if (seconds !== undefined) chapter.startSeconds = seconds;
    const title = child.attrs.title === undefined ? undefined : plainText(child.attrs.title);
    if (title !== undefined) chapter.title = title;
    const href = url(child.attrs.href, child);
    if (href !== undefined) chapter.href = href;
    const image = url(child.attrs.image, child);
    if (image !== undefined) chapter.image = image;
    out.push(chapter);
  }
  return out.length === 0 ? undefined : out;
}

/** Returns "lat lon lat lon …" as pairs; undefined when the numbers do not pair up. */
function pairs(raw: string): Array<[number, number]> | undefined {
  const numbers = raw
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (numbers.length < 2 || numbers.length % 2 !== 0 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < numbers.length; i += 2) out.push([numbers[i], numbers[i + 1]]);
  return out;
}

function gmlLocation(where: XmlElement): GeoLocation | undefined {
  for (const shape of where.children) {
    if (typeof shape === 'string') continue;
    const posList = findDescendant(shape, 'posList') ?? findDescendant(shape, 'pos');
    const coordinates = posList === undefined ? undefined : pairs(textContent(posList));
    if (coordinates === undefined) continue;
    if (shape.local === 'Point') return { type: 'point', coordinates: coordinates.slice(0, 1) };
    if (shape.local === 'LineString') return { type: 'line', coordinates };
    if (shape.local === 'Polygon') return { type: 'polygon', coordinates };
    if (shape.local === 'Envelope') {
      const lower = findDescendant(shape, 'lowerCorner');
      const upper = findDescendant(shape, 'upperCorner');
      const box = lower && upper ? pairs(`${textContent(lower)} ${textContent(upper)}`) : undefined;
      if (box !== undefined) return { type: 'box', coordinates: box };
    }
  }
  return undefined;
}

function findDescendant(el: XmlElement, local: string): XmlElement | undefined {
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    if (child.local === local) return child;
    const deeper = findDescendant(child, local);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** Returns the first location of GeoRSS Simple (point, line, polygon, box), GeoRSS GML (where) or W3C geo (lat/long, Point). */
export function readGeo(els: XmlElement[] | undefined): GeoLocation | undefined {
  if (els === undefined) return undefined;
  let lat: number | undefined;
  let lon: number | undefined;
  for (const el of els) {
    if (el.ns === NS.GEORSS) {
      const type =
        el.local === 'point' || el.local === 'line' || el.local === 'polygon' || el.local === 'box'
          ? el.local
          : undefined;
      if (type !== undefined) {
        const coordinates = pairs(textContent(el));
        if (coordinates !== undefined)
          return { type, coordinates: type === 'point' ? coordinates.slice(0, 1) : coordinates };
      } else if (el.local === 'where') {
        const location = gmlLocation(el);
        if (location !== undefined) return location;
      }
    } else if (el.local === 'lat') lat = Number(textContent(el).trim());
    else if (el.local === 'long' || el.local === 'lon') lon = Number(textContent(el).trim());
    else if (el.local === 'Point') {
      for (const child of el.children) {
        if (typeof child === 'string') continue;
        if (child.local === 'lat') lat = Number(textContent(child).trim());
        else if (child.local === 'long' || child.local === 'lon') lon = Number(textContent(child).trim());
      }
    }
  }
  if (lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon))
    return { type: 'point', coordinates: [[lat, lon]] };
  return undefined;
}
