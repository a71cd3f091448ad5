/**
 * The wire types of JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): every field
 * the spec defines, already type-checked (a field of the wrong type is simply absent).
 */

/** An author object (1.0 `author`, 1.1 `authors`). */
export interface JsonAuthorWire {
  name?: string;
  url?: string;
  avatar?: string;
}

/** An attachment. */
export interface JsonAttachmentWire {
  url: string;
  mime_type?: string;
  title?: string;
  size_in_bytes?: number;
}

/** One item. `id` numbers are turned into strings (the spec says string; feeds send numbers). */
export interface JsonItemWire {
  id?: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  banner_image?: string;
  date_published?: string;
  date_modified?: string;
  authors: JsonAuthorWire[];
  tags: string[];
  language?: string;
  attachments: JsonAttachmentWire[];
}

/** A JSON Feed document. */
export interface JsonFeedWire {
  version?: string;
  title?: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  next_url?: string;
  icon?: string;
  favicon?: string;
  authors: JsonAuthorWire[];
  language?: string;
  hubs: Array<{ type?: string; url: string }>;
  items: JsonItemWire[];
}
