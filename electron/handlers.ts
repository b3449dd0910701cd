import { isAbsolute } from 'node:path';
import * as v from 'valibot';
import { callNames, contract, type CallName, type CallOutput, type Result, type ValidInput } from '../core/api.ts';
import { toApiError } from './errors.ts';
import type { AppServices } from './services/app-services.ts';

/** The services the handlers route to: the process's own, from the composition root. */
export type Services = Pick<
  AppServices,
  'corpus' | 'annotations' | 'tags' | 'reader' | 'citations' | 'desktop' | 'history' | 'imports' | 'exports' | 'search' | 'referenceSessions' | 'annotationSessions' | 'zotero' | 'pdfs' | 'project' | 'sync'
>;

/** A handler as the IPC layer calls it: any payload in, a Result out, never a rejection. */
export type Handler = (payload: unknown) => Promise<Result<unknown>>;

type Implementations = { [N in CallName]: (input: ValidInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

// Each call is one call into the service that owns the work; nothing else happens here.
function implementations(services: Services): Implementations {
  return {
    'corpus.list': () => services.corpus.list(),
    'corpus.open': ({ id }) => services.annotations.open(id),
    'corpus.metadata': ({ id }) => services.corpus.metadata(id),
    'corpus.updateMetadata': ({ id, patch }) => services.corpus.updateMetadata(id, patch),
    'corpus.importChoose': () => services.imports.choose(),
    'corpus.importCommit': ({ token, metadata, textPagesOnly, encoding }) => services.imports.commit(token, metadata, { textPagesOnly, encoding }),
    'corpus.importCancel': () => services.imports.cancel(),
    'corpus.importDropped': ({ token }) => services.imports.chooseDropped(token),
    'corpus.pdfInfo': ({ id }) => services.pdfs.info(id),
    'corpus.pdfData': ({ id }) => services.pdfs.data(id),
    'annotations.list': (filter) => services.annotations.list(filter),
    'annotations.create': (input) => services.annotations.create(input),
    'annotations.update': ({ id, ...patch }) => services.annotations.update(id, patch),
    'annotations.delete': ({ id }) => services.annotations.delete(id),
    'annotations.restore': ({ id }) => services.annotations.restore(id),
    'annotations.reattach': ({ id, start, end }) => services.annotations.reattach(id, start, end),
    'annotations.adjust': ({ id, start, end }) => services.annotations.adjust(id, start, end),
    'annotations.places': (filter) => services.annotations.places(filter),
    'annotations.copyCitation': ({ id, original, style }) => services.citations.copy(id, { original, style }),
    'tags.list': () => services.tags.list(),
    'tags.create': ({ name, color, parent }) => services.tags.create(name, color, parent),
    'tags.rename': ({ id, name }) => services.tags.rename(id, name),
    'tags.recolor': ({ id, color }) => services.tags.recolor(id, color),
    'tags.setParent': ({ id, parent }) => services.tags.setParent(id, parent),
    'tags.merge': ({ from, into }) => services.tags.merge(from, into),
    'tags.delete': ({ id }) => services.tags.delete(id),
    'tags.restore': ({ id }) => services.tags.restore(id),
    'reader.getState': ({ sourceId }) => services.reader.state(sourceId),
    'reader.savePosition': ({ sourceId, offset }) => services.reader.savePosition(sourceId, offset),
    'reader.setFontSize': ({ size }) => services.reader.setFontSize(size),
    'reader.session': () => services.reader.session(),
    'reader.saveSession': (patch) => services.reader.saveSession(patch),
    'corpus.provenance': ({ id }) => services.corpus.provenance(id),
    'search.query': ({ query, limit, partial, offset }) => services.search.query(query, limit, partial ?? false, offset),
    'search.status': () => services.search.progress(),
    'export.run': (request) => services.exports.saveAs(request),
    'app.openExternal': ({ url }) => services.desktop.openExternal(url),
    'app.flushed': () => services.desktop.flushed(),
    'app.historyChanged': (labels) => services.history.set(labels),
    'references.choose': () => services.referenceSessions.choose(),
    'references.apply': ({ token }) => services.referenceSessions.apply(token),
    'references.list': () => services.corpus.references(),
    'references.copyCitation': ({ id, form, style }) => services.citations.copyWork(id, { form, style }),
    'references.update': ({ id, patch }) => services.corpus.updateReference(id, patch),
    'references.remove': ({ id }) => services.corpus.removeReference(id),
    'annotations.importChoose': () => services.annotationSessions.choose(),
    'annotations.importCommit': ({ token, sourceId }) => services.annotationSessions.commit(token, sourceId),
    'annotations.importCancel': ({ token }) => services.annotationSessions.cancel(token),
    'zotero.collections': () => services.zotero.collections(),
    'zotero.items': ({ collection }) => services.zotero.items(collection),
    'zotero.import': ({ keys }) => services.zotero.import(keys),
    'zotero.cancel': () => services.zotero.cancel(),
    'zotero.send': ({ ids }) => services.zotero.send(ids),
    'project.check': () => services.project.check(),
    'project.backups': () => services.project.backups(),
    'project.restore': ({ name }) => services.project.restore(name),
    'project.decision': () => services.project.decision(),
    'project.accept': () => services.project.accept(),
    'share.view': () => services.sync.view(),
    'share.join': ({ server, group, user, token }) => services.sync.join({ server, group, token, ...(user ? { user } : {}) }),
    'share.connect': () => services.sync.connect(),
    'share.leave': () => services.sync.leave(),
    'annotations.keep': ({ id }) => services.annotations.keep(id),
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

// A path as the preload learns it from a dropped file: absolute, one line, of a sane length.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const DroppedPath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096), v.regex(/^[^\u0000-\u001f]*$/u), v.check(isAbsolute, 'must be an absolute path'));

/**
 * The handler of `DROPPED_FILE_CHANNEL`: keeps the path of a file dropped on the window and
 * answers the token that names it to `corpus.importDropped`.
 */
export function createDropHandler(services: Pick<Services, 'imports'>): Handler {
  return async (payload) => {
    const parsed = v.safeParse(DroppedPath, payload);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: 'Apparatus refused a malformed request (a dropped file).', issues: parsed.issues.map(describeIssue) } };
    return { ok: true, value: services.imports.acceptDropped(parsed.output) };
  };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
