/**
 * The keyboard shortcuts, listed once: the `?` dialog every page carries and the /help
 * page (help-page.ts, for readers without the script) render the same table. reader-js.ts implements them.
 */
import { html, type SafeHtml } from '../html.ts';

/** The shortcuts as [keys, what they do]. */
export const SHORTCUTS: ReadonlyArray<readonly [string[], string]> = [
  [['j'], 'next article (in a list, or the next of the list an article was opened from)'],
  [['k'], 'previous article'],
  [['o', 'Enter'], 'open the selected article'],
  [['v'], 'open the original page in a new tab'],
  [['m'], 'mark read / unread'],
  [['s'], 'star / unstar'],
  [['/'], 'search'],
  [['g', 'u'], 'go to unread'],
  [['g', 'a'], 'go to all'],
  [['g', 's'], 'go to starred'],
  [['g', 'f'], 'go to feeds'],
  [['g', 'h'], 'go to feed health'],
  [['?'], 'show or hide this help'],
  [['Esc'], 'close this help, leave the search box'],
];

/** Returns the shortcut table. */
export function shortcutTable(): SafeHtml {
  const rows = SHORTCUTS.map(
    ([keys, what]) =>
      html`<tr><td>${keys.map((key, i) => html`${i > 0 ? (keys[0] === 'g' ? ' then ' : ' or ') : ''}<kbd>${key}</kbd>`)}</td><td>${what}</td></tr>`,
  );
  return html`<table class="data shortcuts"><tbody>${rows}</tbody></table>`;
}

let dialog: SafeHtml | undefined;

/** Returns the hidden dialog the `?` key shows (the same on every page: rendered once). */
export function keyboardHelpDialog(): SafeHtml {
  dialog ??= html`<div id="keyboard-help" class="help-dialog" data-testid="keyboard-help" role="dialog" aria-labelledby="keyboard-help-title" tabindex="-1" hidden>
<h2 id="keyboard-help-title">Keyboard shortcuts</h2>
${shortcutTable()}
<p><button type="button" data-close-help>Close</button></p>
</div>`;
  return dialog;
}
