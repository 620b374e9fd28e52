/** Small DOM helpers: elements are built with text, never with HTML strings. */
type Attributes = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export const VERDICTS = [
  ['false', 'False'],
  ['mostly-false', 'Mostly false'],
  ['mixed', 'Mixed'],
  ['mostly-true', 'Mostly true'],
  ['true', 'True'],
  ['unverifiable', 'Unverifiable'],
] as const;

export function verdictBadge(verdict: string, label: string): HTMLElement {
  return el('span', { class: `verdict-badge verdict-${verdict}` }, label);
}

/** Focusable descendants, for keeping focus inside a dialog. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]')];
}
