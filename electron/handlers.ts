import * as v from 'valibot';
import {
  callNames,
  contract,
  type CallName,
  type CallOutput,
  type Result,
  type ValidInput,
} from '../core/api.ts';
import { toApiError } from './errors.ts';
import type { CorpusService } from './services/corpus-service.ts';

/** The services the handlers delegate to; tests pass real ones over temporary folders. */
export interface Services {
  corpus: CorpusService;
}

/** A handler as the IPC layer calls it: any payload in, a Result out, never a rejection. */
export type Handler = (payload: unknown) => Promise<Result<unknown>>;

type Implementations = { [N in CallName]: (input: ValidInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

function implementations(services: Services): Implementations {
  return {
    'corpus.list': () => services.corpus.list(),
  };
}

/**
 * One validating handler per contract call. Payloads are checked against the call's schema before
 * any service sees them; failures and exceptions come back as typed errors.
 */
export function createHandlers(services: Services, log: (error: unknown) => void = console.error): Record<CallName, Handler> {
  const impl = implementations(services);
  const handlers = {} as Record<CallName, Handler>;
  for (const name of callNames) {
    handlers[name] = async (payload) => {
      const parsed = v.safeParse(contract[name].input, payload);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-input',
            message: `Apparatus refused a malformed request (${name}).`,
            issues: parsed.issues.map(describeIssue),
          },
        };
      }
      try {
        const run = impl[name] as (input: unknown) => unknown;
        return { ok: true, value: await run(parsed.output) };
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'internal') log(error);
        return { ok: false, error: apiError };
      }
    };
  }
  return handlers;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
