/**
 * The lenient XML tree the feed parser builds: small, allocation-light, and already
 * namespace-resolved, so format adapters match on (namespace URI, local name).
 */

/** A node: an element or a run of decoded character data (text and CDATA alike). */
export type XmlNode = XmlElement | string;

/** One element. Attribute values and text are entity-decoded. */
export interface XmlElement {
  /** The qualified name as written, e.g. `content:encoded`. */
  readonly name: string;
  /** The local name, e.g. `encoded`. */
  readonly local: string;
  /** The namespace URI (canonical form, see namespaces.ts), or '' for none. */
  readonly ns: string;
  /** Attributes keyed by qualified name as written (`xml:base`, `rdf:about`, `href`). */
  readonly attrs: Readonly<Record<string, string>>;
  /** Child nodes in document order. */
  readonly children: XmlNode[];
  /** The absolute base URL in effect for this element (xml:base resolved against the
   *  document URL and the ancestors' bases), or undefined when there is none. */
  readonly base: string | undefined;
  /** The parent element, or null for the root. */
  readonly parent: XmlElement | null;
}

/** Limits that keep hostile input linear in time and memory. */
export interface XmlLimits {
  /** Elements nested deeper than this are dropped (their text is kept). Default 256. */
  maxDepth: number;
  /** Attributes per element beyond this are dropped. Default 256. */
  maxAttributes: number;
  /** Total characters produced by expanding internal DTD entities. Default 1 MiB. */
  maxEntityExpansion: number;
  /** Longer attribute values are cut to this many characters. Default 256 KiB. */
  maxAttributeLength: number;
  /** Characters of the document read at most; the rest is dropped. Default 128 MiB. */
  maxDocumentLength: number;
}

/** Options of parseXml. */
export interface ParseXmlOptions {
  /** The document's own URL: the outermost base for xml:base and relative links. */
  baseUrl?: string;
  /** When given, the input is the Latin-1 view of these UTF-8 bytes, decoded slice by slice (xml/text-slicer.ts). */
  utf8?: Uint8Array;
  limits?: Partial<XmlLimits>;
}

/** The result of parseXml; it never throws. */
export interface XmlDocument {
  /** The document element, or null when no element could be found at all. */
  root: XmlElement | null;
  /** False when anything had to be recovered. */
  wellFormed: boolean;
  /** What was recovered, one short line each (deduplicated, capped). */
  problems: string[];
  /** The `encoding` pseudo-attribute of the XML declaration, if any. */
  declaredEncoding?: string;
  /** The DOCTYPE's name and identifiers, if the document has one. */
  doctype?: { name?: string; publicId?: string; systemId?: string };
}
