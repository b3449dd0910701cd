import type { ShareStatus } from '../../core/api.ts';
import { DomainError } from '../../core/errors.ts';
import { CliUsageError, ok, parseCommandArgs, untilStopped, type CliCommand, type CliOutcome } from './command.ts';
import { withServices } from './services.ts';
import { describeStatus, requireCorpusFolder } from './share.ts';
import type { AppServices } from '../services/app-services.ts';

const DEFAULT_TIMEOUT_S = 30;

const USAGE = `Usage:
  apparatus sync --once [--timeout SECONDS] [--corpus DIR] [--project DIR]
  apparatus sync [--corpus DIR] [--project DIR]
  apparatus sync status [--project DIR]

Exchanges what changed with the group this project shares its corpus with (see apparatus
share): the annotations, tags and sources of the other members come in, this project's go out.
--once     connects, exchanges everything and stops; exits 0 once the server and this project
           hold the same, 1 with the reason when the server refuses (a wrong or revoked token,
           no longer a member) or when the exchange is not done within --timeout SECONDS
           (default ${DEFAULT_TIMEOUT_S}): one limit for all of it, connecting, receiving the
           group's work and sources, and the server confirming it holds this project's changes
(none)     says which server it connects to, then keeps syncing, reconnecting after a loss of
           network, and prints each change of status (in step, syncing, offline), until stopped
           with Ctrl-C or SIGTERM (exits 1 with the reason if the server refuses: a wrong or
           revoked token, no longer a member); sources imported or changed in the corpus folder
           meanwhile are shared too
status     says where syncing stands without connecting: the group, your role and how many
           changes wait to be sent`;

/** `apparatus sync`: exchanges the project's changes with its group, once, continuously, or says what waits. */
export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'exchange changes with the group this project shares its corpus with',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { once: { type: 'boolean' }, timeout: { type: 'string' } });
    const [action, ...rest] = positionals;
    if (rest.length > 0) throw new CliUsageError(`unexpected "${rest[0]}"`);
    if (action === 'status') {
      if (values.once || values.timeout !== undefined) throw new CliUsageError(`sync status takes no --${values.once ? 'once' : 'timeout'}`);
      return withServices(values, context, 'write', (services) => status(services));
    }
    if (action !== undefined) throw new CliUsageError(`unknown action "${action}": use status, or --once, or nothing to keep syncing`);
    // Syncing until stopped has no limit: a --timeout there was ignored without a word.
    if (!values.once && values.timeout !== undefined) throw new CliUsageError('--timeout goes with --once: without --once, sync keeps syncing until stopped');
    const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new CliUsageError(`--timeout needs a number of seconds, not "${values.timeout}"`);
    if (values.once) return withServices(values, context, 'write', (services) => once(services, seconds * 1000));
    return withServices(values, context, 'write', (services) => keepSyncing(services));
  },
};

function requireJoined(services: AppServices): void {
  if (!services.sync.joined()) throw new DomainError('not-found', 'This project does not share its corpus with a group: join one first with apparatus share --server URL --group GROUP --token TOKEN.');
}

function status(services: AppServices): CliOutcome {
  requireJoined(services);
  const view = services.sync.view();
  if (!view.joined) return ok('This project shares nothing.\n');
  const role = view.role ? `, as ${view.role}` : '';
  const waiting = view.status.waiting === 0 ? 'Nothing waits to be sent.' : `${view.status.waiting} change${view.status.waiting === 1 ? '' : 's'} wait${view.status.waiting === 1 ? 's' : ''} to be sent.`;
  return ok(`Shares its corpus with “${view.group}” on ${view.server} as ${view.user}${role}.\n${waiting}\n`);
}

async function once(services: AppServices, timeoutMs: number): Promise<CliOutcome> {
  requireJoined(services);
  requireCorpusFolder(services.corpus.folder);
  const notices: string[] = [];
  const stop = services.sync.onNotice((message) => notices.push(message));
  try {
    const result = await services.sync.exchange(timeoutMs);
    const stderr = notices.map((notice) => `${notice}\n`).join('');
    if (result.state === 'synced') return { code: 0, stdout: `In step with “${groupOf(services)}”.\n`, stderr };
    return { code: 1, stdout: '', stderr: `${stderr}apparatus sync: ${reasonOf(result)}\n` };
  } finally {
    stop();
  }
}

// Runs until SIGINT or SIGTERM, printing each change of status as it goes; it returns early, with
// the reason, only when syncing cannot go on by itself (the server refused this member), as
// sync --once does.
async function keepSyncing(services: AppServices): Promise<CliOutcome> {
  requireJoined(services);
  requireCorpusFolder(services.corpus.folder);
  const missing = services.sync.stoppedReason();
  if (missing) throw new DomainError('not-found', missing);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let last = '';
  let refused: (reason: string) => void = () => {};
  const refusal = new Promise<string>((resolve) => (refused = resolve));
  const stops = [
    services.sync.onView((view) => {
      if (!view.joined) return;
      // Resolved within the status change: nothing else may keep the process waiting by then.
      const stopped = services.sync.stoppedReason();
      if (stopped) return refused(stopped);
      // Offline without a reason is the first attempt still under way, not a failure: the line
      // saying where it connects stands until the attempt ends, one way or the other.
      if (last === '' && view.status.state === 'offline' && view.status.reason === undefined) return;
      const line = describeStatus(view.status);
      if (line !== last) print(`${capitalise(line)}`);
      last = line;
    }),
    services.sync.onNotice((message) => print(message)),
  ];
  print(`Syncing with “${groupOf(services)}”; stop with Ctrl-C.`);
  print(`Connecting to ${serverOf(services)}…`);
  // Sources imported (by other commands) or edited in the corpus folder meanwhile are shared too,
  // as the app shares them.
  services.corpus.watch((message) => print(message));
  services.sync.connect();
  const reason = await Promise.race([untilStopped().then(() => undefined), refusal]);
  for (const stop of stops) stop();
  if (reason !== undefined) return { code: 1, stdout: '', stderr: `apparatus sync: ${reason}\n` };
  const waiting = services.sync.status()?.waiting ?? 0;
  return ok(`Stopped syncing${waiting > 0 ? `; ${waiting} change${waiting === 1 ? '' : 's'} wait to be sent next time` : ''}.\n`);
}

function serverOf(services: AppServices): string {
  const view = services.sync.view();
  return view.joined ? view.server : '';
}

function groupOf(services: AppServices): string {
  const view = services.sync.view();
  return view.joined ? view.group : '';
}

function reasonOf(status: ShareStatus): string {
  return status.state === 'error' || status.state === 'offline' ? (status.reason ?? describeStatus(status)) : describeStatus(status);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
