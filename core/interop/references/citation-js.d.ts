// The parts of Citation.js that Apparatus calls; the library ships no type declarations.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Parses `input` as exactly the format `type` (one step, no type detection). */
      data(input: unknown, type: string): unknown;
      /** Parses `input` step by step down to CSL-JSON. */
      chain(input: unknown, options: { forceType?: string; generateGraph?: boolean; target?: string }): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
