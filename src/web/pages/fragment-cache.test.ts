import { describe, expect, it } from 'vitest';
import { html } from '../html.ts';
import { createFragmentCache } from './fragment-cache.ts';

describe('createFragmentCache', () => {
  it('renders once per frozen inputs and key, and again for new inputs or another key', () => {
    const cache = createFragmentCache();
    let renders = 0;
    const render = (text: string) => () => {
      renders++;
      return html`<p>${text}</p>`;
    };
    const labels = Object.freeze([{ feedId: 1 }]);
    const counts = Object.freeze({ total: 3 });
    expect(cache([labels, counts], 'unread', render('a')).value).toBe('<p>a</p>');
    expect(cache([labels, counts], 'unread', render('b')).value).toBe('<p>a</p>');
    expect(cache([labels, counts], 'all', render('c')).value).toBe('<p>c</p>');
    expect(cache([labels, Object.freeze({ total: 2 })], 'unread', render('d')).value).toBe('<p>d</p>');
    expect(renders).toBe(3);
  });

  it('never keeps what was rendered from an object that could still change', () => {
    const cache = createFragmentCache();
    const labels = [{ feedId: 1 }];
    expect(cache([labels], '', () => html`${labels.length}`).value).toBe('1');
    labels.push({ feedId: 2 });
    expect(cache([labels], '', () => html`${labels.length}`).value).toBe('2');
  });
});
