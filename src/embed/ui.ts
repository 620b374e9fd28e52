/**
 * The overlay's own interface on a publisher's page: a popover and a summary badge inside one
 * Shadow DOM, so the page's CSS cannot reach them and theirs cannot reach the page. Styles are a
 * constructed stylesheet (allowed under a strict CSP); every text is set with textContent.
 */
export interface Verdict {
  claimId: number;
  url: string;
  statement: string | null;
  label: string;
  verdict: string;
  summary: string;
  sources: { url: string; domain: string; title: string | null; stance: string }[];
  target: { exact: string; prefix: string; suffix: string };
  anchor?: { status: string; previousQuote?: string };
  /** What readers must know when the article changed under the fact-check (the words as checked are in quoteAsChecked). */
  note?: string | null;
  quoteAsChecked?: string | null;
}

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.popover { position: absolute; z-index: 2147483647; width: min(24rem, calc(100vw - 16px)); background: #fff; color: #1d1c1a; border: 1px solid #8a8780;
  border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 8px 14px 12px; font-size: 15px; line-height: 1.45; text-align: left; }
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
h2 { font-size: 15px; margin: 4px 0; }
button { font: inherit; cursor: pointer; border: 1px solid #8a8780; background: #fff; color: #1d1c1a; border-radius: 4px; padding: 2px 8px; }
button:focus-visible, a:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
.badge-label { display: inline-block; color: #fff; font-weight: 700; font-size: 12px; text-transform: uppercase; border-radius: 3px; padding: 1px 7px; }
.v-false { background: #b3261e; } .v-mostly-false { background: #a3440f; } .v-mixed { background: #735700; }
.v-mostly-true { background: #2b6a3f; } .v-true { background: #1b5e20; } .v-unverifiable { background: #4a4a55; }
p { margin: 6px 0; } ul { margin: 4px 0; padding-left: 18px; } a { color: #0b5cad; }
.summary-badge { position: fixed; z-index: 2147483646; right: 12px; bottom: 12px; max-width: min(22rem, calc(100vw - 24px)); background: #fff; color: #1d1c1a;
  border: 1px solid #8a8780; border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.2); padding: 8px 12px; font-size: 14px; line-height: 1.4; }
.summary-badge p { margin: 2px 0; }
`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

export class OverlayUi {
  readonly host = element('div', { 'data-factline-root': '' });
  private readonly root: ShadowRoot;
  private popover: HTMLElement | null = null;
  private opener: HTMLElement | null = null;

  constructor() {
    // Inline and important: the page's own rules for `div` (even !important ones) cannot move or restyle it.
    this.host.style.setProperty('all', 'initial', 'important');
    this.host.style.setProperty('position', 'absolute', 'important');
    this.host.style.setProperty('top', '0', 'important');
    this.host.style.setProperty('left', '0', 'important');
    this.root = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    this.root.adoptedStyleSheets = [sheet];
    document.body.append(this.host);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.popover) this.close();
    });
    document.addEventListener('click', (event) => {
      if (this.popover && !event.composedPath().includes(this.host) && !event.composedPath().includes(this.opener as EventTarget)) this.close();
    });
  }

  /** A verdict: label as text, summary, sources, a link to the fact-check on Factline. */
  private content(verdict: Verdict, base: string): Node[] {
    const sources = verdict.sources
      .slice(0, 5)
      .map((source) =>
        element(
          'li',
          {},
          element('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer nofollow ugc' }, source.title || source.domain),
          ` (${source.stance})`,
        ),
      );
    return [
      element('p', {}, element('span', { class: `badge-label v-${verdict.verdict}` }, verdict.label)),
      ...(verdict.statement ? [element('p', {}, element('strong', {}, `Claim: ${verdict.statement}`))] : []),
      element('p', {}, verdict.summary),
      ...(verdict.note ? [element('p', {}, verdict.note)] : []),
      ...(verdict.quoteAsChecked ? [element('p', {}, `The passage as checked: “${verdict.quoteAsChecked}”`)] : []),
      ...(sources.length ? [element('p', {}, 'Sources:'), element('ul', {}, ...sources)] : []),
      element('p', {}, element('a', { href: `${base}${verdict.url}`, target: '_blank', rel: 'noopener' }, 'Read the fact-check')),
    ];
  }

  open(opener: HTMLElement, verdicts: Verdict[], base: string): void {
    this.close();
    this.opener = opener;
    const title = verdicts.length === 1 ? 'Fact-check' : `${verdicts.length} fact-checks`;
    const close = element('button', { type: 'button', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.close());
    const popover = element(
      'div',
      { class: 'popover', role: 'dialog', 'aria-label': title },
      element('div', { class: 'head' }, element('h2', {}, title), close),
    );
    for (const verdict of verdicts) popover.append(...this.content(verdict, base));
    const box = opener.getBoundingClientRect();
    popover.style.top = `${box.bottom + window.scrollY + 6}px`;
    popover.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 400))}px`;
    this.root.append(popover);
    this.popover = popover;
    opener.setAttribute('aria-expanded', 'true');
    close.focus();
  }

  close(): void {
    if (!this.popover) return;
    this.popover.remove();
    this.popover = null;
    this.opener?.setAttribute('aria-expanded', 'false');
    this.opener?.focus();
  }

  /** "Fact-checked: N claims", the ones not shown on this page, a link to all, and the highlight toggle. */
  badge(options: { total: number; unanchored: Verdict[]; articleUrl: string; base: string; onToggle: (on: boolean) => void }): void {
    const toggle = element('button', { type: 'button', 'aria-pressed': 'false' }, 'Hide highlights');
    let on = true;
    toggle.addEventListener('click', () => {
      on = !on;
      toggle.textContent = on ? 'Hide highlights' : 'Show highlights';
      toggle.setAttribute('aria-pressed', String(!on));
      options.onToggle(on);
    });
    const badge = element(
      'aside',
      { class: 'summary-badge', 'aria-label': 'Fact-checks' },
      element('p', {}, element('strong', {}, `Fact-checked: ${options.total} claim${options.total === 1 ? '' : 's'}`)),
    );
    if (options.unanchored.length) {
      badge.append(element('p', {}, `Not shown on this page (the text differs): ${options.unanchored.length}`));
      badge.append(
        element(
          'ul',
          { class: 'unanchored' },
          ...options.unanchored.map((v) =>
            element(
              'li',
              {},
              element('a', { href: `${options.base}${v.url}`, target: '_blank', rel: 'noopener' }, `“${v.target.exact.slice(0, 80)}” (${v.label})`),
            ),
          ),
        ),
      );
    }
    badge.append(element('p', {}, element('a', { href: options.articleUrl, target: '_blank', rel: 'noopener' }, 'All fact-checks'), ' ', toggle));
    this.root.append(badge);
  }
}
