import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { removeEmpty } from './remove-empty.ts';

describe('removeEmpty', () => {
  it('removes paragraphs and divs of whitespace, nbsp, zero-width spaces and <br>', () => {
    const { html, explained } = runStep(
      removeEmpty,
      '<p>&nbsp;</p><p>a</p><p> \u200b </p><div><p><br></p><span>&nbsp;</span></div><div data-selfpromo-app></div><p><strong>&nbsp;</strong></p>',
    );
    expect(html).toBe('<p>a</p>');
    expect(explained.map((e) => e.detail)).toContain('<div data-selfpromo-app></div>');
  });

  it('keeps paragraphs holding images, rules, media or text', () => {
    const html =
      '<p><img src="a.jpg"></p><div><hr></div><p><video src="v.mp4"></video></p><p>”</p><p><a href="x">link</a></p>';
    expect(runStep(removeEmpty, html).html).toBe(html);
  });

  it('turns a whitespace-only span into a space so words stay apart', () => {
    expect(runStep(removeEmpty, '<p>one<span> </span>two<span></span>2</p>').html).toBe('<p>one two2</p>');
  });
});
