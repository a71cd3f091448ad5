/**
 * A DOM check run inside the page (by `page.evaluate`, so it is self-contained: no imports,
 * no closures, no inner named functions, which a transpiler may wrap in helpers the page
 * lacks): everything in the rendered document that could run code or load a foreign
 * resource on its own. The reader's own shell is allowed exactly: its stylesheet and
 * script and icon from /assets/, its meta tags without http-equiv, the health page's
 * sparkline drawings (`<svg class="sparkline">`; a script or link inside would still be
 * found). Anything else found is a hole in the sanitizing or the escaping, whether or not
 * the CSP would have blocked it.
 */

interface DomElement {
  tagName: string;
  getAttribute(name: string): string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  textContent: string | null;
}

/** Returns a line per runnable thing in the current document (run in the page). */
export function findRunnableMarkup(): string[] {
  const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<DomElement> } }).document;
  const found: string[] = [];
  const forbidden = new Set([
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'svg',
    'math',
    'style',
    'template',
    'portal',
    'isindex',
  ]);
  const urlAttributes = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'xlink:href',
    'background',
    'srcset',
    'codebase',
    'cite',
  ]);
  const all = doc.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const tag = el.tagName.toLowerCase();
    const ownSparkline =
      tag === 'svg' && el.getAttribute('class') === 'sparkline' && el.getAttribute('data-testid') === 'sparkline';
    if (forbidden.has(tag) && !ownSparkline) found.push(`<${tag}> element`);
    if (
      tag === 'script' &&
      (!(el.getAttribute('src') ?? '').startsWith('/assets/') || (el.textContent ?? '').trim() !== '')
    )
      found.push(`script ${el.getAttribute('src') ?? (el.textContent ?? '').slice(0, 80)}`);
    if (
      tag === 'link' &&
      !(
        (el.getAttribute('rel') === 'stylesheet' || el.getAttribute('rel') === 'icon') &&
        (el.getAttribute('href') ?? '').startsWith('/assets/')
      )
    )
      found.push(`<link rel=${el.getAttribute('rel')} href=${el.getAttribute('href')}>`);
    if (tag === 'meta' && el.getAttribute('http-equiv') !== null)
      found.push(`<meta http-equiv=${el.getAttribute('http-equiv')} content=${el.getAttribute('content')}>`);
    for (let j = 0; j < el.attributes.length; j++) {
      const { name: rawName, value } = el.attributes[j];
      const name = rawName.toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      if (name === 'style' || name === 'srcdoc') found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      // Browsers drop C0 controls and spaces inside a URL's scheme, so compare without them.
      const compact = value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
      const scriptable =
        /(^|,)(javascript|vbscript|livescript):/.test(compact) ||
        (compact.startsWith('data:') && !(tag === 'img' && /^data:image\/(png|gif|jpeg|webp)[;,]/.test(compact)));
      if (urlAttributes.has(name) && scriptable) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
    }
  }
  return found;
}
