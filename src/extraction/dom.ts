/**
 * The little of the DOM that extraction uses, as structural types: the server is compiled
 * without the browser's DOM library, and linkedom's documents have these members.
 */
export interface DomElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<DomElement>;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  cloneNode(deep: boolean): unknown;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}
