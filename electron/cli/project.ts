import { AnnotationService } from '../services/annotation-service.ts';
import { CorpusService } from '../services/corpus-service.ts';
import { openProjectStore, type ProjectStore } from '../services/store/index.ts';
import { corpusFolder, projectFile, type CliContext } from './command.ts';

/** The corpus, the project store and the annotation service, as a command uses them. */
export interface Project {
  corpus: CorpusService;
  store: ProjectStore;
  annotations: AnnotationService;
}

/** Opens the project named by `--project`/`--corpus` (or their defaults), runs `work`, and always closes the store. */
export async function withProject<T>(values: { corpus?: string; project?: string }, context: CliContext, work: (project: Project) => T | Promise<T>): Promise<T> {
  const corpus = new CorpusService(corpusFolder(values.corpus, context), () => {});
  const store = openProjectStore(projectFile(values.project, context));
  try {
    return await work({ corpus, store, annotations: new AnnotationService(corpus, store) });
  } finally {
    store.close();
  }
}
