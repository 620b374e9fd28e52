/**
 * embed.js: Factline's fact-checks on a publisher's own article page. One line in the page:
 *   <script src="https://FACTLINE_HOST/embed.js" async [data-article="SLUG or URL"]></script>
 * It finds the article (data-article, else the page's canonical address, og:url or address,
 * looked up on Factline), reads the published verdicts (public, CORS, never with cookies),
 * anchors each quote in the page's own text and wraps it in <mark data-factline-claim>; the
 * popover and the summary badge live in a Shadow DOM. It never evaluates text.
 */
import { sameNumbersAndNegations } from '../lib/claim-words';
import { findQuote, readText, wrapSpan } from './text-anchor';
import { OverlayUi, type Verdict } from './ui';

const MARK_COLOURS: Record<string, string> = {
  false: '#fde7e5',
  'mostly-false': '#fdeee0',
  mixed: '#fbf3d3',
  'mostly-true': '#e5f3e8',
  true: '#d7ecd8',
  unverifiable: '#ececf1',
};
const UNDERLINE: Record<string, string> = {
  false: '#b3261e',
  'mostly-false': '#a3440f',
  mixed: '#735700',
  'mostly-true': '#2b6a3f',
  true: '#1b5e20',
  unverifiable: '#4a4a55',
};

async function getJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  return response.ok ? ((await response.json()) as T) : null;
}

function pageAddress(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  const og = document.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.content;
  return canonical || og || window.location.href;
}

async function articleSlug(base: string, script: HTMLScriptElement): Promise<string | null> {
  const given = script.dataset.article?.trim();
  if (given && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(given)) return given;
  const address = given || pageAddress();
  const found = await getJson<{ slug: string }>(`${base}/api/v1/lookup?url=${encodeURIComponent(address)}`);
  return found?.slug ?? null;
}

/** Paints a mark so the page's own `mark` styles cannot hide it (important inline CSSOM values, allowed under a strict CSP). */
function paint(mark: HTMLElement, verdict: string, on: boolean): void {
  const set = (name: string, value: string) => (on ? mark.style.setProperty(name, value, 'important') : mark.style.removeProperty(name));
  set('background', MARK_COLOURS[verdict] ?? '#ececf1');
  set('color', '#1d1c1a'); // dark ink on the light highlight: readable whatever colour the page gives its text or links
  set('box-shadow', `inset 0 -2px 0 ${UNDERLINE[verdict] ?? '#4a4a55'}`);
  set('cursor', 'pointer');
  set('display', 'inline');
  set('font', 'inherit');
  set('padding', '0');
}

async function start(script: HTMLScriptElement): Promise<void> {
  const base = new URL(script.src).origin;
  const slug = await articleSlug(base, script);
  if (!slug) return;
  const feed = await getJson<{ verdicts: Verdict[] }>(`${base}/api/v1/articles/${slug}/verdicts`);
  if (!feed || feed.verdicts.length === 0) return;
  const ui = new OverlayUi();
  const byId = new Map(feed.verdicts.map((v) => [String(v.claimId), v]));
  const marks: HTMLElement[] = [];
  const unanchored: Verdict[] = [];
  const skip = (element: Element) => element === ui.host || element.hasAttribute('data-factline-root');
  for (const verdict of feed.verdicts) {
    const text = readText(document.body, skip);
    const span = verdict.anchor?.status === 'orphaned' ? null : findQuote(text, verdict.target);
    // Never a verdict on words that say something else than the words checked: the page's text
    // (found exactly or approximately) must have the same numbers and negations as the quote as checked.
    const asChecked = verdict.anchor?.previousQuote ?? verdict.target.exact;
    if (!span || !sameNumbersAndNegations(text.text.slice(span.start, span.end), asChecked)) {
      unanchored.push(verdict);
      continue;
    }
    const made = wrapSpan(readText(document.body, skip), span, () => {
      const mark = document.createElement('mark');
      mark.setAttribute('data-factline-claim', String(verdict.claimId));
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.setAttribute('aria-expanded', 'false');
      mark.setAttribute('aria-description', `Fact-checked: ${verdict.label}`);
      paint(mark, verdict.verdict, true);
      return mark;
    });
    marks.push(...made);
  }
  const open = (mark: HTMLElement) => {
    // Every claim whose mark holds this one (nested marks are overlapping claims).
    const ids: string[] = [];
    for (let node: HTMLElement | null = mark; node; node = node.parentElement?.closest<HTMLElement>('mark[data-factline-claim]') ?? null)
      ids.unshift(node.dataset.factlineClaim!);
    ui.open(mark, ids.map((id) => byId.get(id)!).filter(Boolean), base);
  };
  for (const mark of marks) {
    mark.addEventListener('click', (event) => {
      event.stopPropagation();
      open(mark);
    });
    mark.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open(mark);
      }
    });
  }
  ui.badge({
    total: feed.verdicts.length,
    unanchored,
    articleUrl: `${base}/articles/${slug}#fact-checks`,
    base,
    onToggle: (on) => {
      for (const mark of marks) {
        paint(mark, byId.get(mark.dataset.factlineClaim!)?.verdict ?? '', on);
        if (on) mark.tabIndex = 0;
        else mark.removeAttribute('tabindex');
      }
    },
  });
}

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) {
  const run = () => void start(script).catch(() => undefined); // a failure leaves the publisher's page as it was
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
}
