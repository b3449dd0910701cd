/**
 * The IPC contract: every call the renderer can make to the main process, with the schema its
 * input must satisfy and the type of its result. `electron/ipc.ts` registers exactly these calls,
 * `electron/preload.ts` exposes exactly these as `window.apparatus`, and `renderer/bridge.ts` is
 * the only renderer module that uses them. Adding a call here is the only way to add one.
 */
import * as v from 'valibot';
import type { Reliability } from './corpus/model.ts';

/** Every channel name starts with this prefix, so main can refuse anything else. */
export const CHANNEL_PREFIX = 'apparatus:';

/** Why a call failed, as a code the renderer can branch on. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'forbidden-sender'
  | 'not-found'
  | 'corpus-unreadable'
  | 'internal';

/** A failure that crosses the process boundary as a value; `message` is written for the user. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** For `invalid-input`: what was wrong with the payload, one line per problem. */
  issues?: string[];
}

/** What every call resolves to: exceptions never cross a process. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** One source as the library lists it. */
export interface SourceSummary {
  id: string;
  title: string;
  /** Title as Chicago's shortened notes give it; falls back to the title. */
  shortTitle: string;
  /** Authors for display ("Geri Pilaca and Alban Nako"), or null when the source names none. */
  authors: string | null;
  /** Year of publication as printed, or null when undated. */
  year: string | null;
  reliability: Reliability;
  /** The source this one paraphrases or translates, when it is derivative. */
  derivativeOf: { id: string; title: string; derivation: string | null } | null;
}

/**
 * Every call name, in a fixed order. The name's first segment is the namespace under
 * `window.apparatus` (`corpus.list` → `window.apparatus.corpus.list(input)`). Kept apart from the
 * schemas so the preload bundles the names alone.
 */
export const callNames = ['corpus.list'] as const;

/** The name of a call in the contract. */
export type CallName = (typeof callNames)[number];

interface CallSpec {
  input: v.GenericSchema;
  output: unknown;
}

const NoInput = v.optional(v.strictObject({}), {});

/** Each call's input schema and (for types only: the value is null) its result. */
export const contract = {
  'corpus.list': { input: NoInput, output: null as unknown as SourceSummary[] },
} satisfies Record<CallName, CallSpec>;

/** What a call accepts, before validation (what the renderer may pass). */
export type CallInput<N extends CallName> = v.InferInput<(typeof contract)[N]['input']>;

/** What a call's handler receives, after validation and defaults. */
export type ValidInput<N extends CallName> = v.InferOutput<(typeof contract)[N]['input']>;

/** What a call resolves to on success. */
export type CallOutput<N extends CallName> = (typeof contract)[N]['output'];

/** The IPC channel that carries a call. */
export function channelFor(name: CallName): string {
  return CHANNEL_PREFIX + name;
}

type Namespace<N> = N extends `${infer A}.${string}` ? A : never;

/** The shape of `window.apparatus`, derived from the contract. */
export type ApparatusApi = {
  [NS in Namespace<CallName>]: {
    [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (
      input?: CallInput<N>,
    ) => Promise<Result<CallOutput<N>>>;
  };
};
