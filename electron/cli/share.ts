import { statSync } from 'node:fs';
import type { ShareStatus, ShareView } from '../../core/api.ts';
import { DomainError } from '../../core/errors.ts';
import { TOKEN_VARIABLE } from '../services/sync/share-config.ts';
import { CliUsageError, parseCommandArgs, type CliCommand } from './command.ts';
import { withServices } from './services.ts';

const USAGE = `Usage:
  apparatus share --server URL --group GROUP --token TOKEN [--user NAME] [--corpus DIR] [--project DIR]
  apparatus share --leave [--project DIR]

Joins this project to a research group on a sync server (see apparatus serve): the server
checks the token, the group's annotations, tags and sources come in, and this project's go out.
The group's corpus is the union of its members' sources: a source this corpus lacks is added to
it, and a source of the same id with a different text keeps the group's copy while this one is
set aside in the corpus folder's set-aside/ folder (nothing is deleted). The token may be given
in $${TOKEN_VARIABLE} instead of --token; it is kept beside the project in a file only your account
can read, and never printed. With --user, joining is refused unless the token is that user's.
Afterwards, apparatus sync exchanges what changed. --leave stops sharing: the project keeps
everything it holds.`;

/** `apparatus share`: joins the project to a group on a sync server, or leaves it. */
export const shareCommand: CliCommand = {
  name: 'share',
  summary: 'join this project to a research group on a sync server, or leave it',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {
      server: { type: 'string' },
      group: { type: 'string' },
      token: { type: 'string' },
      user: { type: 'string' },
      leave: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new CliUsageError(`share takes no arguments besides its options, not "${positionals[0]}"`);
    if (values.leave) {
      return withServices(values, context, 'write', async ({ sync }) => {
        const was = sync.view();
        await sync.leave();
        return { code: 0, stdout: was.joined ? `This project no longer shares its corpus with “${was.group}”; it keeps everything it holds.\n` : 'This project shared nothing.\n', stderr: '' };
      });
    }
    if (!values.server) throw new CliUsageError('share needs the sync server’s address: --server URL');
    if (!values.group) throw new CliUsageError('share needs the group’s name: --group GROUP');
    const token = values.token ?? context.env[TOKEN_VARIABLE];
    if (!token) throw new CliUsageError(`share needs your token: --token TOKEN (or $${TOKEN_VARIABLE})`);
    const { server, group } = values;
    return withServices(values, context, 'write', async ({ sync, corpus }) => {
      requireCorpusFolder(corpus.folder);
      const notices: string[] = [];
      const stop = sync.onNotice((message) => notices.push(message));
      try {
        const view = await sync.join({ server, group, token, ...(values.user ? { user: values.user } : {}) });
        return { code: 0, stdout: describeJoined(view), stderr: notices.map((notice) => `${notice}\n`).join('') };
      } finally {
        stop();
      }
    });
  },
};

/**
 * Refuses a corpus folder that is not there before anything is exchanged: joining went ahead, then
 * failed on the group's sources, leaving the project joined although the command said it failed.
 */
export function requireCorpusFolder(folder: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Missing or unreadable: said below.
  }
  if (!isFolder) {
    throw new DomainError('not-found', `There is no corpus folder at ${folder}: create it (an empty folder receives the group's sources), or name the corpus with --corpus DIR.`);
  }
}

function describeJoined(view: ShareView): string {
  if (!view.joined) return 'This project shares nothing.\n';
  const role = view.role ? ` (${view.role})` : '';
  // Joining exchanged everything and disconnected: only what still waits is worth saying.
  const outcome = view.status.waiting === 0 && view.status.state !== 'error' ? 'everything is exchanged; apparatus sync sends what changes next.' : describeStatus(view.status);
  return `Joined “${view.group}” on ${view.server} as ${view.user}${role}: ${outcome}\n`;
}

/** A status as one sentence for the command line. */
export function describeStatus(status: ShareStatus): string {
  const waiting = `${status.waiting} change${status.waiting === 1 ? '' : 's'}`;
  switch (status.state) {
    case 'synced':
      return 'in step with the group.';
    case 'syncing':
      return `syncing, ${waiting} waiting to be sent.`;
    case 'offline':
      return `offline, ${waiting} waiting to be sent${status.reason ? ` (${status.reason.replace(/\.$/, '')})` : ''}.`;
    case 'error':
      return `not syncing: ${status.reason}${status.waiting > 0 ? ` ${waiting} waiting.` : ''}`;
  }
}
