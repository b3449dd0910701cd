import type { SourceSummary } from '../../core/api.ts';
import { CorpusService } from '../services/corpus-service.ts';
import { corpusFolder, ok, parseCommandArgs, type CliCommand } from './command.ts';

/** `apparatus list`: the sources of the corpus. */
export const listCommand: CliCommand = {
  name: 'list',
  summary: 'the sources of the corpus',
  usage: `Usage: apparatus list [--json] [--corpus DIR]

Lists the sources of the corpus: id, authors, short title, year and reliability.
  --json          print JSON instead of tab-separated lines`,
  run(args, context) {
    const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
    const sources = new CorpusService(corpusFolder(values.corpus, context), () => {}).list();
    return ok(values.json ? `${JSON.stringify(sources, null, 2)}\n` : sources.map(line).join(''));
  },
};

function line(s: SourceSummary): string {
  return `${s.id}\t${s.authors ?? '—'}\t${s.shortTitle}\t${s.year ?? 'n.d.'}\t${s.reliability}\n`;
}
