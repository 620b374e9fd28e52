import { api, ApiFailure } from './api';
import { checkForm, type CheckValue } from './check-form';
import { clear, el } from './dom';
import { unwrapAll, wrapArticleRange } from './ranges';
import { claimResult, similarClaims, type ClaimJson, type SimilarClaimJson } from './review-view';
import type { Span } from './selection';

interface ClaimListItem {
  id: number;
  statement: string | null;
  target: { start: number; end: number; sentenceIds: string[] };
  anchor?: { status: string };
  checkedByMe: boolean;
  checks: number | null;
  status: string | null;
}

/**
 * The reviewer's side panel (a bottom sheet on narrow screens): the claim, the check form,
 * and, once the reviewer has filed, everyone's checks and the aggregate. Markers on the
 * article show which claims the reviewer still has to check and which are disputed.
 */
export class ReviewPanel {
  private readonly sheet: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private trigger: HTMLElement | null = null;
  private claims: ClaimListItem[] = [];
  private articleText: string | null = null;

  constructor(
    private readonly article: HTMLElement,
    private readonly slug: string,
    private readonly me: { id: number },
  ) {
    const close = el('button', { type: 'button', class: 'popover-close', 'aria-label': 'Close the check panel' }, '×');
    close.addEventListener('click', () => this.close());
    this.body = el('div', { class: 'review-sheet-body' });
    this.status = el('div', { class: 'panel-status', role: 'alert' });
    this.sheet = el(
      'aside',
      { class: 'review-sheet', role: 'dialog', 'aria-labelledby': 'review-sheet-title', hidden: true },
      el('div', { class: 'popover-header' }, el('h2', { id: 'review-sheet-title', tabindex: -1 }, 'Check this claim'), close),
      this.status,
      this.body,
    );
    // At document level: after a re-render the focused control may be gone, and Escape must still close.
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen && !document.querySelector('.popover')) {
        event.preventDefault();
        this.close();
      }
    });
    document.body.append(this.sheet);
  }

  get isOpen(): boolean {
    return !this.sheet.hidden;
  }

  /**
   * The reviewer's view of the claims: each claim's exact quote underlined by its state (to
   * check, checked by you, disputed), and one label after the sentence where it ends.
   */
  async refreshMarkers(): Promise<void> {
    this.claims = (await api<{ claims: ClaimListItem[] }>('GET', `/api/v1/articles/${this.slug}/claims`)).data.claims;
    this.article.querySelectorAll('.review-marker').forEach((marker) => marker.remove());
    unwrapAll(this.article, 'mark.review-range');
    const state = new Map<string, 'disputed' | 'to-check' | 'checked'>();
    const rank = { disputed: 3, 'to-check': 2, checked: 1 };
    for (const claim of this.claims) {
      if (claim.anchor?.status === 'orphaned' || claim.target.sentenceIds.length === 0) continue; // its words are no longer in the article
      const mine = claim.status === 'disputed' ? 'disputed' : claim.checkedByMe ? 'checked' : 'to-check';
      wrapArticleRange(this.article, claim.target.start, claim.target.end, () =>
        el('mark', { class: `review-range review-${mine}`, 'data-review-claim': String(claim.id) }),
      );
      const last = claim.target.sentenceIds[claim.target.sentenceIds.length - 1];
      if (!state.has(last) || rank[mine] > rank[state.get(last)!]) state.set(last, mine);
    }
    this.showProgress();
    const labels = { disputed: 'Disputed', 'to-check': 'To check', checked: 'Checked' };
    for (const [id, value] of state) {
      document.getElementById(id)?.after(el('span', { class: `review-marker review-marker-${value}`, 'data-overlay': 'review' }, labels[value]));
    }
  }

  /** Keeps the "Reviewing this article" box current without a reload. */
  private showProgress(): void {
    const box = document.querySelector('.review-panel');
    if (!box) return;
    box.querySelector('.review-claims, .review-empty')?.remove();
    let line = box.querySelector<HTMLElement>('.review-progress');
    if (!line) {
      line = el('p', { class: 'review-progress', role: 'status' });
      box.append(line);
    }
    const toCheck = this.claims.filter((c) => !c.checkedByMe).length;
    const disputed = this.claims.filter((c) => c.status === 'disputed').length;
    line.textContent =
      this.claims.length === 0
        ? 'No claims on this article yet. Select text or click a sentence to check a claim.'
        : `${this.claims.length} claim${this.claims.length === 1 ? '' : 's'} on this article: ${toCheck} for you to check, ${disputed} disputed among those you can see. Markers in the text show which.`;
  }

  async openForSpan(span: Span, trigger: HTMLElement): Promise<void> {
    this.trigger = trigger;
    this.sheet.hidden = false;
    document.body.classList.add('review-sheet-open');
    this.showStatus('');
    clear(this.body);
    this.body.append(el('p', { class: 'meta' }, 'Loading…'));
    (this.sheet.querySelector('#review-sheet-title') as HTMLElement).focus();
    try {
      const exact = await this.quoteFor(span);
      const existing = this.claims.find((c) => c.target.start === span.start && c.target.end === span.end);
      if (existing) await this.showClaim(existing.id, exact);
      else this.showNewClaim(span, exact);
    } catch (error) {
      this.showError(error);
    }
  }

  close(): void {
    if (this.sheet.hidden) return;
    this.sheet.hidden = true;
    document.body.classList.remove('review-sheet-open');
    this.trigger?.focus();
  }

  private async quoteFor(span: Span): Promise<string> {
    this.articleText ??= (await api<{ text: string }>('GET', `/api/v1/articles/${this.slug}`)).data.text;
    return this.articleText.slice(span.start, span.end);
  }

  private quoteBlock(exact: string): HTMLElement {
    return el('blockquote', { class: 'claim-quote' }, `“${exact}”`);
  }

  private showNewClaim(span: Span, exact: string): void {
    clear(this.body);
    const statement = el('input', { id: 'panel-statement', name: 'statement', maxlength: 500 });
    let claimId: number | null = null;
    const form = checkForm({}, 'File my check', async (value) => {
      try {
        if (claimId === null) {
          const body = { quote: { exact, start: span.start, end: span.end }, statement: statement.value.trim() || undefined };
          claimId = (await api<{ id: number }>('POST', `/api/v1/articles/${this.slug}/claims`, body)).data.id;
        }
        await this.fileAndShow(claimId, value, exact);
      } catch (error) {
        this.showError(error);
      }
    });
    const similar = el(
      'section',
      { class: 'similar-claims', 'aria-labelledby': 'panel-similar-heading', 'aria-busy': 'true' },
      el('h3', { id: 'panel-similar-heading' }, 'Checked before?'),
    );
    this.body.append(this.quoteBlock(exact), el('label', { for: 'panel-statement' }, 'The claim in your words (optional)'), statement, form, similar);
    void api<{ similar: SimilarClaimJson[] }>('GET', `/api/v1/claims/similar?text=${encodeURIComponent(exact.slice(0, 2000))}`)
      .then(({ data }) => similar.append(similarClaims(data.similar)))
      .catch(() => similar.append(el('p', { class: 'meta' }, 'Similar claims could not be loaded.')))
      .finally(() => similar.removeAttribute('aria-busy'));
  }

  private async showClaim(claimId: number, exact: string): Promise<void> {
    const claim = (await api<ClaimJson>('GET', `/api/v1/claims/${claimId}`)).data;
    clear(this.body);
    this.body.append(this.quoteBlock(exact));
    if (claim.statement) this.body.append(el('p', { class: 'claim-statement' }, `Claim: ${claim.statement}`));
    const own = claim.checks.find((c) => c.reviewer.id === this.me.id);
    if (!own) {
      // Whether others have filed is theirs to tell only after this reviewer files (read-policy.ts).
      this.body.append(el('p', { class: 'notice' }, 'You will see the other reviewers’ checks, if there are any, after you file yours.'));
      this.body.append(checkForm({}, 'File my check', (value) => void this.fileAndShow(claimId, value, exact).catch((e) => this.showError(e))));
      return;
    }
    const edit = el('button', { type: 'button', class: 'small' }, 'Edit my check');
    edit.addEventListener('click', () => {
      clear(this.body);
      this.body.append(
        this.quoteBlock(exact),
        checkForm(own, 'Save changes', async (value) => {
          try {
            await api('PATCH', `/api/v1/checks/${own.id}`, value);
            await this.showClaim(claimId, exact);
            this.showStatus('Your check was updated.');
            this.focusTitle();
          } catch (error) {
            this.showError(error);
          }
        }),
      );
    });
    this.body.append(...claimResult(claim, this.me.id), edit);
  }

  private async fileAndShow(claimId: number, value: CheckValue, exact: string): Promise<void> {
    await api('POST', `/api/v1/claims/${claimId}/checks`, value);
    await this.refreshMarkers();
    await this.showClaim(claimId, exact);
    this.showStatus('Your check was filed. The other reviewers’ checks are now shown.');
    this.focusTitle();
  }

  /** The panel's content was replaced: put focus back at its top, inside the panel. */
  private focusTitle(): void {
    (this.sheet.querySelector('#review-sheet-title') as HTMLElement).focus();
  }

  private showStatus(message: string, error = false): void {
    this.status.textContent = message;
    this.status.classList.toggle('alert', message !== '');
    this.status.classList.toggle('alert-error', error);
    this.status.classList.toggle('alert-success', message !== '' && !error);
  }

  private showError(error: unknown): void {
    this.showStatus(error instanceof ApiFailure ? error.message : 'Something went wrong; please try again.', true);
  }
}
