import { parseHTML } from 'linkedom';
import { articleBlocks, lineText } from '../../src/extraction/article-blocks';
import type { DomElement } from '../../src/extraction/dom';

const content = (html: string) =>
  parseHTML(`<!doctype html><html><body><div id="c">${html}</div></body></html>`).document.querySelector('#c') as unknown as DomElement;
const blocks = (html: string) => articleBlocks(content(html));

describe('article content as blocks, the way a reader sees it', () => {
  test('when a paragraph has line breaks, then each line is a block of its own and no words run together', () => {
    expect(blocks('<p>Not just social media<br>A web editor<br/><br>said so.</p>')).toEqual([
      { kind: 'paragraph', text: 'Not just social media' },
      { kind: 'paragraph', text: 'A web editor' },
      { kind: 'paragraph', text: 'said so.' },
    ]);
  });

  test('when inline elements such as <span> and <a> carry parts of a sentence, then they never start a block', () => {
    expect(blocks('<div><span>A</span> <span>22</span>-year-old <a href="/x">man</a> was <em>arrested</em>.</div>')).toEqual([
      { kind: 'paragraph', text: 'A 22-year-old man was arrested.' },
    ]);
  });

  test('when the markup breaks a line inside a sentence, then it reads as a space, not as a line break', () => {
    expect(blocks('<p>One <a href="/x">linked\n      phrase</a> here.</p>')).toEqual([{ kind: 'paragraph', text: 'One linked phrase here.' }]);
  });

  test('when a block quote holds paragraphs, a list and preformatted text, then all of it is kept as quote, line by line', () => {
    expect(blocks('<blockquote><p>First.</p><ul><li>Item</li></ul><pre>line one\nline two</pre>Loose words</blockquote>')).toEqual([
      { kind: 'quote', text: 'First.' },
      { kind: 'quote', text: 'Item' },
      { kind: 'quote', text: 'line one' },
      { kind: 'quote', text: 'line two' },
      { kind: 'quote', text: 'Loose words' },
    ]);
  });

  test('when content is only headings and lists, then they are blocks of their kinds, nested lists included', () => {
    expect(blocks('<h2>What changes</h2><ul><li>Fares <b>rise</b><ul><li>by a fifth</li></ul></li><li>Timetables shrink</li></ul>')).toEqual([
      { kind: 'heading', text: 'What changes' },
      { kind: 'list-item', text: 'Fares rise' },
      { kind: 'list-item', text: 'by a fifth' },
      { kind: 'list-item', text: 'Timetables shrink' },
    ]);
  });

  test('when text sits beside block elements in one container, then it is a block of its own, in reading order', () => {
    expect(blocks('Lead words <p>A paragraph.</p> tail words <table><tr><td>Cell one</td><td>Cell two</td></tr></table>')).toEqual([
      { kind: 'paragraph', text: 'Lead words' },
      { kind: 'paragraph', text: 'A paragraph.' },
      { kind: 'paragraph', text: 'tail words' },
      { kind: 'paragraph', text: 'Cell one' },
      { kind: 'paragraph', text: 'Cell two' },
    ]);
  });

  test('when a figure has a caption with a credit, then the caption is a block with its credit apart; media and scripts are not text', () => {
    expect(
      blocks('<figure><img alt="x"><figcaption>The quay. <span class="credit">Photo: J. Doe</span></figcaption></figure><script>x()</script><p>Body.</p>'),
    ).toEqual([
      { kind: 'caption', text: 'The quay.', credit: 'Photo: J. Doe' },
      { kind: 'paragraph', text: 'Body.' },
    ]);
  });

  test('when an element’s text is read on one line, then its line breaks read as spaces', () => {
    expect(lineText(content('<p>By<br>Ana   Lima</p>'))).toBe('By Ana Lima');
  });
});
