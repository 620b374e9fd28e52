/**
 * The little of the DOM that extraction uses, as structural types: the server is compiled
 * without the browser's DOM library, and linkedom's documents have these members.
 */
export interface DomNode {
  /** 1 for an element, 3 for text. */
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  children: ArrayLike<DomElement>;
  parentElement: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  cloneNode(deep: boolean): unknown;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}
