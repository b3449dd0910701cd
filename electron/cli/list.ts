import { existsSync } from 'node:fs';
import type { SourceSummary } from '../../core/api.ts';
import { describeUnreadable } from '../../core/corpus/problem.ts';
import { noMoreArgs, parseCommandArgs, projectFile, type CliCommand } from './command.ts';
import { withServices } from './services.ts';
import { JSON_FAILURE_HELP } from './json-error.ts';

/** `apparatus list`: the sources of the corpus, those that cannot be read included. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'the sources of the corpus',
  usage: `Usage: apparatus list [--json] [--corpus DIR] [--project DIR]

Lists the sources of the corpus: id, authors, short title, year and reliability. A file that
cannot be read is listed as such, with what is wrong and how to repair it. A project that is
damaged or missing is reported as every command reports it (exit 1, with the restore to run);
where there is no project yet, the sources are listed all the same.
  --json          print JSON instead of tab-separated lines
${JSON_FAILURE_HELP}`,
  run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    noMoreArgs(positionals, 0, 'list takes only options');
    return withServices(values, context, 'read', (services) => {
      // The sources need no project, but a damaged one is opened and reported as every other
      // command reports it: listing on with exit 0 told a script the project was well. Where
      // there is no project yet, none is made.
      if (existsSync(projectFile(values.project, context))) void services.store;
      const { corpus } = services;
      const sources = corpus.list();
      const note = describeUnreadable(corpus.unreadable());
      return {
        code: 0,
        stdout: values.json ? `${JSON.stringify(sources, null, 2)}\n` : sources.map(line).join(''),
        stderr: note === undefined ? '' : `apparatus list: ${note}\n`,
      };
    });
  },
};

function line(s: SourceSummary): string {
  const fields = s.problem
    ? [s.id, 'cannot be read', s.problem.reason, s.problem.repair]
    : [s.id, s.authors ?? '—', s.shortTitle, String(s.year ?? 'n.d.'), s.reliability];
  // One line per source, one field per column, whatever line breaks or tabs a title holds.
  return `${fields.map((field) => field.replace(/\s+/g, ' ').trim()).join('\t')}\n`;
}
