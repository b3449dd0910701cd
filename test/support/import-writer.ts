/**
 * The child process of the killed-import test (run directly by Node 24 with type stripping):
 * imports the file argv[3] into the corpus argv[2] again and again under new ids, writing each id
 * to stdout only after its commit returned, until the parent kills it (or 30 s pass).
 */
import { writeSync } from 'node:fs';
import { CorpusService } from '../../electron/services/corpus-service.ts';
import { ImportService } from '../../electron/services/import/import-service.ts';

const [corpus, file] = process.argv.slice(2);
if (!corpus || !file) throw new Error('usage: import-writer.ts <corpus> <file>');
const folder = new CorpusService(corpus);
const service = new ImportService(folder);
const prepared = service.prepare(file);
const deadline = Date.now() + 30_000;
for (let i = 0; Date.now() < deadline; i += 1) {
  while (folder.idTaken(`letter-${i}`)) i += 1;
  const { id } = service.commit(prepared, { title: 'A long letter', reliability: 'primary', id: `letter-${i}` });
  writeSync(1, `${id}\n`);
}
