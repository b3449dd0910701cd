/**
 * Where the services that own annotations and tags ask before changing the project, and report
 * after: a project that shares its corpus with a group refuses what the group's rules refuse
 * (a reader's edit, another member's note) before the store changes, and sends on what was saved.
 */
import type { LocalChange } from '../../../core/share/model.ts';

/** The check before a change and the record after it. */
export interface ChangeGate {
  /** Throws the refusal (a `ShareError` naming the role or the author) when `change` may not be made. */
  check(change: LocalChange): void;
  /** Hands on `change`, now saved in the project. */
  record(change: LocalChange): void;
}

/** The gate of a project that shares nothing: every change may be made. */
export const OPEN_GATE: ChangeGate = {
  check() {},
  record() {},
};

/** The id a change is checked under before the store has given the new annotation or tag its own. */
export const DRAFT_ID = '00000000-0000-4000-8000-000000000000';
