import * as v from 'valibot';
import {
  FONT_SIZE,
  callNames,
  contract,
  type CallName,
  type CallOutput,
  type Result,
  type ValidInput,
} from '../core/api.ts';
import { citeAnnotation } from '../core/export/annotation-citation.ts';
import { citeOptionsFor } from '../core/export/cite-style.ts';
import { toApiError, UserFacingError } from './errors.ts';
import type { AnnotationService } from './services/annotation-service.ts';
import type { CorpusService } from './services/corpus-service.ts';
import type { ExportService } from './services/export-service.ts';
import type { MetadataService } from './services/metadata-service.ts';
import type { ImportSessions } from './services/import-sessions.ts';
import type { AppSearch } from './services/search/app-search.ts';
import type { ProjectStore } from './services/store/index.ts';

/** The services the handlers delegate to; tests pass real ones over temporary folders. */
export interface Services {
  corpus: CorpusService;
  annotations: AnnotationService;
  store: ProjectStore;
  /** Opens an http(s) URL in the system's browser. */
  openExternal(url: string): Promise<void>;
  imports: ImportSessions;
  search: AppSearch;
  /** The page has saved everything pending (asked before the window closes). */
  flushed(): void;
  /** Puts a citation on the system clipboard, as HTML (so italics paste into Word) and plain text. */
  writeClipboard(citation: { text: string; html: string }): void;
  exporter: ExportService;
  metadata: MetadataService;
  /** Asks the user where to save a file (the system's save dialog, which confirms overwriting); null if cancelled. */
  chooseSaveFile(defaultName: string): Promise<string | null>;
}

/** A handler as the IPC layer calls it: any payload in, a Result out, never a rejection. */
export type Handler = (payload: unknown) => Promise<Result<unknown>>;

type Implementations = { [N in CallName]: (input: ValidInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

const EXTENSIONS = { docx: 'docx', md: 'md', html: 'html', txt: 'txt', csv: 'csv', jsonld: 'jsonld', 'csl-json': 'json', ris: 'ris', bibtex: 'bib' } as const;

const positionKey = (sourceId: string) => `reader.position:${sourceId}`;
const FONT_SIZE_KEY = 'reader.fontSize';

function implementations(services: Services): Implementations {
  const { corpus, annotations, store, openExternal, imports, search, flushed, writeClipboard } = services;
  return {
    'corpus.list': () => corpus.list(),
    'corpus.open': ({ id }) => annotations.open(id),
    'annotations.list': (filter) => annotations.list(filter),
    'annotations.create': (input) => annotations.create(input),
    'annotations.update': ({ id, ...patch }) => store.update(id, patch),
    'annotations.delete': ({ id }) => store.delete(id),
    'annotations.restore': ({ annotation }) => store.restore(annotation),
    'annotations.reattach': ({ id, start, end }) => annotations.reattach(id, start, end),
    'tags.list': () => store.listTags(),
    'tags.create': ({ name, color, parent }) => store.createTag(name, color, parent),
    'tags.rename': ({ id, name }) => store.renameTag(id, name),
    'tags.recolor': ({ id, color }) => store.recolorTag(id, color),
    'tags.setParent': ({ id, parent }) => store.setTagParent(id, parent),
    'tags.merge': ({ from, into }) => store.mergeTags(from, into),
    'tags.delete': ({ id }) => store.deleteTag(id),
    'reader.getState': ({ sourceId }) => {
      const offset = store.getSetting(positionKey(sourceId));
      const fontSize = store.getSetting(FONT_SIZE_KEY);
      return {
        offset: typeof offset === 'number' ? offset : null,
        fontSize: typeof fontSize === 'number' ? fontSize : FONT_SIZE.default,
      };
    },
    'reader.savePosition': ({ sourceId, offset }) => {
      store.setSetting(positionKey(sourceId), offset);
      return null;
    },
    'search.query': ({ query, limit, partial }) => search.query(query, limit, partial ?? false),
    'corpus.metadata': ({ id }) => corpus.get(id).meta.csl,
    'corpus.updateMetadata': ({ id, patch }) => services.metadata.update(id, patch),
    'export.run': async ({ format, scope, order, style }) => {
      const out = await services.chooseSaveFile(`annotations.${EXTENSIONS[format]}`);
      if (!out) return null;
      // The save dialog has already asked before replacing an existing file.
      const report = await services.exporter.export({ format, scope, order, style, out, overwrite: true });
      return { file: report.file, annotations: report.annotations, sources: report.sources };
    },
    'annotations.copyCitation': ({ id, original, style }) => {
      const annotation = store.get(id);
      if (!annotation) throw new UserFacingError('not-found', 'This highlight no longer exists.');
      const source = corpus.get(annotation.sourceId);
      const base = source.meta.derivativeOf;
      // Citing the original needs it; citing a translation as itself only names it if present.
      const derivedFrom = base === undefined ? undefined : original ? corpus.get(base) : unlessMissing(() => corpus.get(base));
      const citation = citeAnnotation(source, annotation, citeOptionsFor(style), { original: derivedFrom, citeOriginal: original });
      writeClipboard(citation);
      return citation;
    },
    'app.flushed': () => {
      flushed();
      return null;
    },
    'corpus.importChoose': () => imports.choose(),
    'corpus.importCommit': ({ token, metadata }) => {
      const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
      return imports.commit(token, {
        title: metadata.title,
        authors: metadata.authors?.map((a) => a.trim()).filter((a) => a !== ''),
        issued: blank(metadata.issued),
        type: blank(metadata.type),
        containerTitle: blank(metadata.containerTitle),
        url: blank(metadata.url),
        reliability: metadata.reliability,
        id: blank(metadata.id),
      });
    },
    'app.openExternal': async ({ url }) => {
      await openExternal(url);
      return null;
    },
    'reader.setFontSize': ({ size }) => {
      store.setSetting(FONT_SIZE_KEY, size);
      return null;
    },
  };
}

const CHANGES_CORPUS = /^corpus\.(importCommit|updateMetadata)$/;
const CHANGES_ANNOTATIONS = /^(annotations\.(create|update|delete|restore|reattach)|tags\.(rename|merge|delete))$/;

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
        const value = await run(parsed.output);
        // Annotation and tag actions change what search finds: re-index the annotations now.
        if (CHANGES_ANNOTATIONS.test(name)) services.search.annotationsChanged();
        // A new or rewritten source file changes what search finds in the corpus.
        if (CHANGES_CORPUS.test(name)) services.search.corpusChanged();
        return { ok: true, value };
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code === 'internal') log(error);
        return { ok: false, error: apiError };
      }
    };
  }
  return handlers;
}

/** The value, or undefined if getting it throws (a source that is not in the corpus). */
function unlessMissing<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
