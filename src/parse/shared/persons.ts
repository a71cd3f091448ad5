/**
 * Persons as feeds write them: RSS `author` ("email (Name)", "Name <email>", a bare
 * address or a bare name), Dublin Core and iTunes names, Atom person constructs.
 */
import type { Person } from '../../domain/parsed-feed.ts';
import { NS } from '../xml/namespaces.ts';
import { textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { toPlainText } from './text.ts';

const EMAIL_THEN_NAME = /^([^\s()<>]+@[^\s()<>]+)\s*\((.*)\)$/;
const NAME_THEN_EMAIL = /^(.*?)\s*<(?:mailto:)?([^\s<>]+@[^\s<>]+)>$/;
const NAME_THEN_EMAIL_IN_PARENS = /^(.*?)\s*\((?:mailto:)?([^\s()<>]+@[^\s()<>]+)\)$/;
const BARE_EMAIL = /^(?:mailto:)?([^\s@<>()]+@[^\s@<>()]+)$/;
const QUOTED = /^"(.*)"$/;
const MAX_PERSON_LENGTH = 512;

/** Returns the person an RSS-style author string names, or undefined when it is empty. */
export function parsePersonString(raw: string): Person | undefined {
  const s = toPlainText(raw);
  if (s === undefined) return undefined;
  // Only a plausible length is worth the regexes (they backtrack on long runs of '@').
  if (s.length <= MAX_PERSON_LENGTH && s.indexOf('@') !== -1) {
    let m = EMAIL_THEN_NAME.exec(s);
    if (m !== null) return withName({ email: m[1] }, m[2]);
    m = NAME_THEN_EMAIL.exec(s);
    if (m !== null) return withName({ email: m[2] }, m[1]);
    m = NAME_THEN_EMAIL_IN_PARENS.exec(s);
    if (m !== null) return withName({ email: m[2] }, m[1]);
    m = BARE_EMAIL.exec(s);
    if (m !== null) return { email: m[1] };
  }
  return { name: s };
}

function withName(person: Person, name: string): Person {
  const trimmed = name.trim().replace(QUOTED, '$1');
  return trimmed === '' ? person : { name: trimmed, ...person };
}

/** Returns the person an element's text names (RSS author, dc:creator, itunes:author). */
export function readPersonText(el: XmlElement): Person | undefined {
  return parsePersonString(textContent(el));
}

/** Reads an Atom person construct (name, email, uri; Atom 0.3 `url`), or undefined when it has none. */
export function readAtomPerson(el: XmlElement, coreNs: string): Person | undefined {
  const person: Person = {};
  for (const child of el.children) {
    if (typeof child === 'string' || (child.ns !== coreNs && child.ns !== '' && child.ns !== NS.ATOM10)) continue;
    const value = textContent(child).trim();
    if (value === '') continue;
    if (child.local === 'name') person.name = toPlainText(value) ?? value;
    else if (child.local === 'email') person.email = value;
    else if (child.local === 'uri' || child.local === 'url' || child.local === 'homepage')
      person.url = resolveUrl(value, child.base);
  }
  if (person.name === undefined && person.email === undefined && person.url === undefined) {
    // Seen in the wild: <author>Jane Doe</author> with no name element.
    return hasChildElement(el) ? undefined : parsePersonString(textContent(el));
  }
  return person;
}

function hasChildElement(el: XmlElement): boolean {
  for (const child of el.children) if (typeof child !== 'string') return true;
  return false;
}

/** Appends `person` to `list` when defined. */
export function pushPerson(list: Person[], person: Person | undefined): void {
  if (person !== undefined) list.push(person);
}
