import { clear, el } from './dom';
import type { Popover } from './popover';

const STORAGE_KEY = 'factline:overlay';

interface PublicSource {
  url: string;
  title: string | null;
  domain: string;
  stance: string;
  quote: string | null;
}

/**
 * The sources of the article's published fact-checks, fetched once, when a reader first opens a
 * popover (the page lists each fact-check without them, to stay light; the claim page has them
 * too). The public verdicts feed, which is cached and sent gzipped.
 */
function sourcesLoader(slug: string): () => Promise<Map<string, PublicSource[]>> {
  let loading: Promise<Map<string, PublicSource[]>> | null = null;
  return () =>
    (loading ??= fetch(`/api/v1/articles/${encodeURIComponent(slug)}/verdicts`, { headers: { accept: 'application/json' }, credentials: 'omit' })
      .then((response) => (response.ok ? (response.json() as Promise<{ verdicts: { claimId: number; sources: PublicSource[] }[] }>) : { verdicts: [] }))
      .then((body) => new Map(body.verdicts.map((v) => [String(v.claimId), v.sources])))
      .catch(() => {
        loading = null; // offline for a moment: try again on the next popover
        return new Map<string, PublicSource[]>();
      }));
}

function sourceList(sources: PublicSource[]): Node[] {
  if (sources.length === 0) return [];
  return [
    el('h3', { class: 'sources-heading' }, 'Sources'),
    el(
      'ul',
      { class: 'sources' },
      ...sources.map((source) =>
        el(
          'li',
          { class: `source stance-${source.stance}` },
          el('a', { href: source.url, rel: 'noopener noreferrer nofollow ugc' }, source.title || source.domain),
          ' ',
          el('span', { class: 'domain' }, `(${source.domain})`),
          ' ',
          el('span', { class: 'stance' }, source.stance),
          source.quote ? el('blockquote', { class: 'source-quote' }, source.quote) : null,
        ),
      ),
    ),
  ];
}

/** The reader overlay: popovers on highlighted quotes and badges, and a remembered on/off toggle. */
export function enhanceOverlay(article: HTMLElement, popover: Popover, options: { sentencesOpenPopover: boolean }): void {
  const loadSources = sourcesLoader(article.dataset.articleSlug ?? '');
  const factCheckContent = (claimId: string): Node[] => {
    const item = document.getElementById(`fc-${claimId}`);
    if (!item) return [];
    const copy = item.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[id]').forEach((node) => node.removeAttribute('id'));
    // The server's link: a claim shown with an earlier fact-check's verdict links to that fact-check.
    const href = copy.querySelector<HTMLAnchorElement>('.factcheck-links a:last-child')?.getAttribute('href') ?? `/claims/${claimId}`;
    copy.querySelector('.factcheck-links')?.remove();
    const sources = el('div', { class: 'popover-sources', 'aria-live': 'polite' });
    if (Number(item.dataset.sourceCount ?? 0) > 0) {
      sources.append(el('p', { class: 'loading' }, 'Loading the sources…'));
      void loadSources().then((bySource) => {
        clear(sources);
        const found = bySource.get(claimId) ?? [];
        sources.append(...(found.length ? sourceList(found) : [el('p', {}, 'The sources are on the full fact-check.')]));
      });
    }
    return [...copy.childNodes, sources, el('p', {}, el('a', { href }, 'Full fact-check'))];
  };

  /** One claim's fact-check, or each of several when the highlight is covered by more than one claim. */
  const openFor = (trigger: HTMLElement, claimIds: string[]) => {
    if (claimIds.length === 0) return;
    if (claimIds.length === 1) return popover.open(trigger, 'Fact-check', factCheckContent(claimIds[0]));
    const content = claimIds.flatMap((id, i) => [el('h3', { class: 'popover-part' }, `Fact-check ${i + 1} of ${claimIds.length}`), ...factCheckContent(id)]);
    popover.open(trigger, `${claimIds.length} fact-checks`, content);
  };

  for (const badge of article.querySelectorAll<HTMLAnchorElement>('a.verdict-badge[data-claim-id]')) {
    badge.setAttribute('aria-haspopup', 'dialog');
    badge.setAttribute('aria-expanded', 'false');
    badge.addEventListener('click', (event) => {
      event.preventDefault();
      openFor(badge, badge.dataset.claimId ? [badge.dataset.claimId] : []);
    });
  }

  if (options.sentencesOpenPopover) {
    for (const mark of article.querySelectorAll<HTMLElement>('mark.claim-mark[data-claim-ids]')) {
      const claimIds = (mark.dataset.claimIds ?? '').split(' ').filter(Boolean);
      const labels = claimIds.map((id) => article.querySelector(`a.verdict-badge[data-claim-id="${id}"]`)?.textContent?.replace('Fact-check: ', '') ?? '');
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.setAttribute('aria-expanded', 'false');
      mark.setAttribute('aria-description', `Fact-checked: ${labels.filter(Boolean).join(', ')}`);
      mark.addEventListener('click', () => openFor(mark, claimIds));
      mark.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          openFor(mark, claimIds);
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
