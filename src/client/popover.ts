import { el, focusables } from './dom';

/**
 * A non-modal dialog anchored to the element that opened it. Escape or the close button closes
 * it and returns focus to that element; Tab stays inside while it is open.
 */
export class Popover {
  private element: HTMLElement | null = null;
  private trigger: HTMLElement | null = null;

  constructor() {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.element) {
        event.preventDefault();
        this.close();
      }
    });
    document.addEventListener('click', (event) => {
      if (this.element && !this.element.contains(event.target as Node) && !this.trigger?.contains(event.target as Node)) this.close(false);
    });
  }

  get isOpen(): boolean {
    return this.element !== null;
  }

  open(trigger: HTMLElement, title: string, body: Node[]): void {
    this.close(false);
    const heading = el('h2', { class: 'popover-title', id: 'popover-title', tabindex: -1 }, title);
    const close = el('button', { type: 'button', class: 'popover-close', 'aria-label': 'Close the fact-check' }, '×');
    close.addEventListener('click', () => this.close());
    const popover = el(
      'div',
      { class: 'popover', role: 'dialog', 'aria-labelledby': 'popover-title' },
      el('div', { class: 'popover-header' }, heading, close),
      ...body,
    );
    popover.addEventListener('keydown', (event) => this.trapTab(event, popover));
    document.body.append(popover);
    this.place(popover, trigger);
    this.element = popover;
    this.trigger = trigger;
    trigger.setAttribute('aria-expanded', 'true');
    heading.focus();
  }

  close(returnFocus = true): void {
    if (!this.element) return;
    this.element.remove();
    this.element = null;
    this.trigger?.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.trigger?.focus();
    this.trigger = null;
  }

  private place(popover: HTMLElement, trigger: HTMLElement): void {
    if (window.innerWidth <= 600) {
      popover.classList.add('popover-sheet');
      return;
    }
    const rect = trigger.getBoundingClientRect();
    const width = Math.min(380, window.innerWidth - 24);
    const left = Math.max(12, Math.min(rect.left + window.scrollX, window.scrollX + window.innerWidth - width - 12));
    popover.style.width = `${width}px`;
    popover.style.left = `${left}px`;
    popover.style.top = `${rect.bottom + window.scrollY + 8}px`;
  }

  private trapTab(event: KeyboardEvent, popover: HTMLElement): void {
    if (event.key !== 'Tab') return;
    const items = focusables(popover);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
}
