import { el } from './dom';
import type { Popover } from './popover';

const STORAGE_KEY = 'factline:overlay';

/** The reader overlay: popovers on highlighted sentences and badges, and a remembered on/off toggle. */
export function enhanceOverlay(article: HTMLElement, popover: Popover, options: { sentencesOpenPopover: boolean }): void {
  const factCheckContent = (claimId: string): Node[] => {
    const item = document.getElementById(`fc-${claimId}`);
    if (!item) return [];
    const copy = item.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
    copy.querySelector('.factcheck-links')?.remove();
    return [...copy.childNodes, el('p', {}, el('a', { href: `/claims/${claimId}` }, 'Full fact-check'))];
  };

  const openFor = (trigger: HTMLElement, claimId: string | undefined) => {
    if (claimId) popover.open(trigger, 'Fact-check', factCheckContent(claimId));
  };

  for (const badge of article.querySelectorAll<HTMLAnchorElement>('a.verdict-badge[data-claim-id]')) {
    badge.setAttribute('aria-haspopup', 'dialog');
    badge.setAttribute('aria-expanded', 'false');
    badge.addEventListener('click', (event) => {
      event.preventDefault();
      openFor(badge, badge.dataset.claimId);
    });
  }

  if (options.sentencesOpenPopover) {
    for (const sentence of article.querySelectorAll<HTMLElement>('.sentence.has-verdict')) {
      const badge = sentence.nextElementSibling as HTMLElement | null;
      const claimId = badge?.dataset.claimId;
      sentence.tabIndex = 0;
      sentence.setAttribute('role', 'button');
      sentence.setAttribute('aria-haspopup', 'dialog');
      sentence.setAttribute('aria-expanded', 'false');
      if (badge?.textContent) sentence.setAttribute('aria-description', `Fact-checked: ${badge.textContent.replace('Fact-check: ', '')}`);
      sentence.addEventListener('click', () => openFor(sentence, claimId));
      sentence.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          openFor(sentence, claimId);
        }
      });
    }
  }

  setUpToggle(article);
}

function setUpToggle(article: HTMLElement): void {
  const toggles = [...document.querySelectorAll<HTMLAnchorElement>('[data-overlay-toggle]')];
  const apply = (on: boolean) => {
    article.classList.toggle('overlay-hidden', !on);
    for (const toggle of toggles) {
      toggle.textContent = on ? 'Hide highlights' : 'Show highlights';
      toggle.setAttribute('aria-pressed', String(!on));
      toggle.setAttribute('role', 'button');
    }
  };
  const serverOn = article.classList.contains('overlay-on');
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  let on = serverOn && stored !== 'off';
  if (serverOn) apply(on);
  for (const toggle of toggles) {
    toggle.addEventListener('click', (event) => {
      if (!serverOn) return; // the server rendered without highlights: let the link reload with them
      event.preventDefault();
      on = !on;
      apply(on);
      try {
        window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
      } catch {
        /* storage may be disabled; the toggle still works for this page */
      }
    });
  }
}
