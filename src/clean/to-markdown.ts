/**
 * HTML → Markdown for `tidings show --markdown` and the Markdown exports, with turndown
 * (the standard converter; configured once at module load): ATX headings, fenced code, `-`
 * bullets, `*em*` and `**strong**`, inline links. Tables, video, audio and picture stay HTML,
 * which Markdown allows and which has no lossless Markdown form without the GFM plugin.
 *
 * CJK: CommonMark only treats `**` as emphasis when it "flanks" properly, and that fails when
 * the emphasized text starts or ends with punctuation and touches a CJK letter outside:
 * `文**“引语”**文` renders the asterisks literally. In that case the element is written as
 * inline HTML (`<strong>“引语”</strong>`), which every renderer shows correctly; no spaces are
 * inserted, because spaces are not part of Chinese text.
 */
import TurndownService from 'turndown';

const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/** Returns false when CommonMark would not read delimiters around `content` as emphasis (CommonMark §6.2 flanking rules). */
function delimitersWork(content: string, before: string, after: string): boolean {
  const first = content[0] ?? '';
  const last = content[content.length - 1] ?? '';
  const opens = !PUNCTUATION.test(first) || before === '' || SPACE.test(before) || PUNCTUATION.test(before);
  const closes = !PUNCTUATION.test(last) || after === '' || SPACE.test(after) || PUNCTUATION.test(after);
  return opens && closes;
}

function neighbourText(node: TurndownService.Node, side: 'before' | 'after'): string {
  const sibling = side === 'before' ? node.previousSibling : node.nextSibling;
  const text = sibling?.textContent ?? '';
  return side === 'before' ? text.slice(-1) : text.slice(0, 1);
}

function emphasisRule(
  tags: Array<'strong' | 'b' | 'em' | 'i'>,
  delimiter: string,
  htmlTag: string,
): TurndownService.Rule {
  return {
    filter: tags,
    replacement: (content, node) => {
      if (content.trim() === '') return content;
      const before = neighbourText(node, 'before');
      const after = neighbourText(node, 'after');
      return delimitersWork(content, before, after)
        ? `${delimiter}${content}${delimiter}`
        : `<${htmlTag}>${content}</${htmlTag}>`;
    },
  };
}

const service = new TurndownService({
  headingStyle: 'atx',
  hr: '---',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
  strongDelimiter: '**',
  linkStyle: 'inlined',
});
service.keep(['table', 'video', 'audio', 'picture']);
service.addRule('cjk-strong', emphasisRule(['strong', 'b'], '**', 'strong'));
service.addRule('cjk-em', emphasisRule(['em', 'i'], '*', 'em'));

/** Returns the Markdown form of an HTML fragment (give it cleaned HTML). */
export function toMarkdown(html: string): string {
  if (html.trim() === '') return '';
  return service.turndown(html).trim();
}
