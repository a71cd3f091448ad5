import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { dropNonContent } from './drop-non-content.ts';

describe('dropNonContent', () => {
  it('drops scripts, styles and frames with their content, and comments', () => {
    expect(
      runStep(
        dropNonContent,
        '<p>a<script>x()</script><style>p{}</style><!-- c -->b</p><iframe src="https://ads.example/x"></iframe>',
      ).html,
    ).toBe('<p>ab</p>');
  });

  it('drops hidden elements', () => {
    expect(
      runStep(
        dropNonContent,
        '<p>seen</p><div hidden>seo</div><span style="color:red; display: none !important">x</span><p style="visibility:hidden">y</p>',
      ).html,
    ).toBe('<p>seen</p>');
  });

  it('keeps a video player as a link to the video', () => {
    const { html, explained } = runStep(
      dropNonContent,
      '<iframe src="https://www.youtube.com/embed/abc" title="Launch"></iframe>',
    );
    expect(html).toBe('<a href="https://www.youtube.com/embed/abc">Launch</a>');
    expect(explained).toHaveLength(1);
  });

  it('keeps visible styled elements', () => {
    expect(runStep(dropNonContent, '<p style="display:block">kept</p>').html).toBe('<p style="display:block">kept</p>');
  });
});
