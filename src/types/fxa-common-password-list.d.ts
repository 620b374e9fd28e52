declare module 'fxa-common-password-list' {
  /** True when the password is on Mozilla's list of common passwords. */
  export function test(password: string): boolean;
  const list: { test: typeof test };
  export default list;
}

/** The list itself, front-coded (one password per line); read once to build a set. */
declare module 'fxa-common-password-list/src/encoded-passwords' {
  const encoded: string;
  export = encoded;
}

declare module 'incremental-encoder' {
  const codec: { Decoder: new () => { decode(lines: string[]): string[] } };
  export default codec;
}
