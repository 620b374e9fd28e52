/**
 * Factline in the browser: progressive enhancement of server-rendered pages. Without this
 * script every page still works through links and forms.
 */
import { whoAmI } from './api';
import { enhanceOverlay } from './overlay';
import { Popover } from './popover';
import { ReviewPanel } from './review-panel';
import { selectionSpan, sentenceSpan } from './selection';
import { el } from './dom';

function floatingButton(onActivate: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'check-this', hidden: true }, 'Check this claim');
  button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  button.addEventListener('click', onActivate);
  document.body.append(button);
  return button;
}

async function start(): Promise<void> {
  const article = document.querySelector<HTMLElement>('article.article[data-article-slug]');
  if (!article) return;
  const slug = article.dataset.articleSlug!;
  const popover = new Popover();
  const me = await whoAmI().catch(() => null);
  enhanceOverlay(article, popover, { sentencesOpenPopover: !me });
  if (!me) return;

  const panel = new ReviewPanel(article, slug, me.user);
  await panel.refreshMarkers();
  article.classList.add('reviewing');

  const button = floatingButton(() => {
    const span = selectionSpan(article, window.getSelection());
    button.hidden = true;
    if (span) void panel.openForSpan(span, firstSentenceAt(span.start) ?? button);
  });
  const firstSentenceAt = (offset: number) => [...article.querySelectorAll<HTMLElement>('.sentence')].find((s) => Number(s.dataset.end) > offset) ?? null;

  const placeButton = () => {
    const selection = window.getSelection();
    const span = selectionSpan(article, selection);
    if (!span || !selection) {
      button.hidden = true;
      return;
    }
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    button.hidden = false;
    button.style.top = `${rect.bottom + window.scrollY + 6}px`;
    button.style.left = `${Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - 170)}px`;
  };
  document.addEventListener('selectionchange', () => window.requestAnimationFrame(placeButton));

  for (const sentence of article.querySelectorAll<HTMLElement>('.sentence')) {
    sentence.tabIndex = 0;
    sentence.setAttribute('role', 'button');
    sentence.setAttribute('aria-haspopup', 'dialog');
    const open = () => void panel.openForSpan(sentenceSpan(sentence), sentence);
    sentence.addEventListener('click', () => {
      if (window.getSelection()?.isCollapsed !== false) open();
    });
    sentence.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
