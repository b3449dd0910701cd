/**
 * The exceptions of the project store. Each carries a stable `code` for programs and a `message`
 * written for the historian; nothing here leaks an SQLite message or a stack trace to the user.
 */
import { DomainError, type ErrorKind } from '../../../core/errors.ts';
import type { BackupInfo } from './backups.ts';

/** Every reason the project store can refuse an action or fail to open. */
export type StoreErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'already-exists'
  | 'empty-tag-name'
  | 'tag-name-taken'
  | 'unknown-tag'
  | 'tag-cycle'
  | 'merge-into-itself'
  | 'nothing-to-restore'
  | 'read-only'
  | 'disk-full'
  | 'unwritable'
  | 'busy'
  | 'newer-version'
  | 'backup-damaged'
  | 'closed'
  | 'corrupt'
  | 'project-missing'
  | 'journal-removed'
  | 'file-replaced'
  | 'changes-lost'
  | 'recovery-pending'
  | 'io';

// What each refusal means to the page; every other code is a failure of the storage itself.
const KINDS: Partial<Record<StoreErrorCode, ErrorKind>> = {
  'invalid-input': 'invalid-input',
  'empty-tag-name': 'invalid-input',
  'tag-cycle': 'invalid-input',
  'merge-into-itself': 'invalid-input',
  'not-found': 'not-found',
  'nothing-to-restore': 'not-found',
  'unknown-tag': 'not-found',
  'already-exists': 'conflict',
  'tag-name-taken': 'conflict',
};

/** A refused or failed store action. Nothing was changed when this is thrown. */
export class StoreError extends DomainError<StoreErrorCode> {
  override name = 'StoreError';
  /** For `invalid-input`: each problem found in the input, one line each. */
  readonly issues: string[];

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { issues?: string[]; cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.issues = options.issues ?? [];
  }

  /** A refused action is the user's to fix; anything else is the disk's or the file's doing. */
  override get kind(): ErrorKind {
    return KINDS[this.code] ?? 'storage';
  }
}

/**
 * The project database is damaged. When raised while opening, the damaged file has already been
 * moved aside to `damagedFile` (never deleted) and `backups` lists the copies that can replace it,
 * newest first.
 */
export class StoreCorruptError extends StoreError {
  override name = 'StoreCorruptError';
  readonly damagedFile: string | undefined;
  readonly backups: BackupInfo[];

  constructor(
    message: string,
    options: { damagedFile?: string; backups?: BackupInfo[]; cause?: unknown } = {},
  ) {
    super('corrupt', message, { cause: options.cause });
    this.damagedFile = options.damagedFile;
    this.backups = options.backups ?? [];
  }
}

/** The reasons a project must be restored or accepted as it is before it can be used again. */
export type StoreRecoveryCode =
  | 'project-missing'
  | 'journal-removed'
  | 'file-replaced'
  | 'changes-lost'
  | 'recovery-pending';

/**
 * Another program removed or replaced the project's files, or the project file is missing where a
 * project existed. `restorable` lists the copies that can be restored, newest first (a recovery
 * copy among them when one was made); `recoveryCopy` is the path of the one this failure made.
 */
export class StoreRecoveryError extends StoreError {
  override readonly code: StoreRecoveryCode;
  readonly restorable: BackupInfo[];
  readonly recoveryCopy: string | undefined;
  /** For an open store that stopped saving: what another program did, in one sentence, without what to do next. */
  readonly happened: string | undefined;

  constructor(
    code: StoreRecoveryCode,
    message: string,
    options: { restorable?: BackupInfo[]; recoveryCopy?: string; happened?: string; cause?: unknown } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.name = 'StoreRecoveryError';
    this.code = code;
    this.restorable = options.restorable ?? [];
    this.recoveryCopy = options.recoveryCopy;
    this.happened = options.happened;
  }
}
