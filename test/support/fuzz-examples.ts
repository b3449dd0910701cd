/** One valid payload per contract call, for the fuzz tests to mutate one field at a time. */
import type { CallInput, CallName } from '../../core/api.ts';

/** Real ids in the fuzzed project, so valid examples reach the services' own checks. */
export interface FuzzSeed {
  sourceId: string;
  annotationId: string;
  tagId: string;
  otherTagId: string;
  /** A pending import's token, from `corpus.importChoose`. */
  importToken: string;
  /** An annotation the store deleted, whose record `annotations.restore` can bring back. */
  freshId: string;
  /** A tag the store deleted, whose record `tags.restore` can bring back. */
  deletedTagId: string;
}

type Examples = { [N in CallName]: CallInput<N> };

/**
 * A valid payload for every call. Typed over `CallName`, so adding a call to the contract fails
 * to compile until it has an example here.
 */
export function validExamples(seed: FuzzSeed): Examples {
  const { sourceId, annotationId, tagId, otherTagId, importToken, freshId, deletedTagId } = seed;
  return {
    'corpus.list': {},
    'corpus.open': { id: sourceId },
    'annotations.list': { sourceId, tagId, includeChildTags: true },
    'annotations.create': { sourceId, start: 10, end: 40, color: 'green', tags: [tagId], note: 'A *note*.' },
    'annotations.update': { id: annotationId, color: 'blue', tags: [tagId, otherTagId], note: 'Changed.', omissions: [{ start: 0, end: 1 }] },
    'annotations.delete': { id: annotationId },
    'annotations.restore': { id: freshId },
    'annotations.reattach': { id: annotationId, start: 50, end: 70 },
    'annotations.adjust': { id: annotationId, start: 45, end: 75 },
    'annotations.places': { sourceId },
    'annotations.copyCitation': { id: annotationId, original: true, style: 'cmos17-ibid' },
    'tags.list': {},
    'tags.create': { name: 'Land reform', color: 'pink', parent: tagId },
    'tags.rename': { id: tagId, name: 'Renamed tag' },
    'tags.recolor': { id: tagId, color: 'purple' },
    'tags.setParent': { id: otherTagId, parent: tagId },
    'tags.merge': { from: otherTagId, into: tagId },
    'tags.delete': { id: otherTagId },
    'tags.restore': { id: deletedTagId },
    'reader.getState': { sourceId },
    'reader.savePosition': { sourceId, offset: 120 },
    'reader.setFontSize': { size: 20 },
    'reader.session': {},
    'reader.saveSession': { lastSourceId: sourceId, libraryCollapsed: true, sideCollapsed: false },
    'corpus.provenance': { id: sourceId },
    'app.openExternal': { url: 'https://example.org/archive?id=1' },
    'corpus.importChoose': {},
    'corpus.importCancel': {},
    'corpus.importDropped': { token: importToken },
    'corpus.pdfInfo': { id: sourceId },
    'corpus.pdfData': { id: sourceId },
    'corpus.importCommit': {
      token: importToken,
      metadata: {
        title: 'An imported source',
        authors: ['Nako, Alban'],
        issued: '1961',
        type: 'article-journal',
        containerTitle: 'Studia Albanica',
        url: 'https://example.org/source',
        reliability: 'secondary',
        id: 'fuzz-import',
      },
    },
    'search.query': { query: 'Hoxha', limit: 5 },
    'search.status': {},
    'app.flushed': {},
    'app.historyChanged': { undo: 'Rename Tag', redo: null },
    'corpus.metadata': { id: sourceId },
    'corpus.updateMetadata': {
      id: sourceId,
      patch: { title: 'A fuzzed title', 'title-short': 'Fuzzed', authors: ['Nako, Alban'], issued: '1961', URL: 'https://example.org/', language: 'en' },
    },
    'export.run': { format: 'md', scope: { kind: 'tag', tag: 'Fuzz seed' }, order: 'tag', style: 'cmos17' },
    'references.choose': {},
    'references.apply': { token: importToken },
    'references.list': {},
    'references.copyCitation': { id: sourceId, form: 'short', style: 'cmos17' },
    'references.update': { id: sourceId, patch: { title: 'A title', authors: ['Lalaj, Ana'], issued: '1961' } },
    'references.remove': { id: sourceId },
    'annotations.importChoose': {},
    'annotations.importCommit': { token: importToken, sourceId },
    'annotations.importCancel': { token: importToken },
    'zotero.collections': {},
    'zotero.items': { collection: 'CH4Z8N2K' },
    'zotero.import': { keys: ['X42A7DEB', 'GR8FTH63'] },
    'zotero.cancel': {},
    'zotero.send': { ids: [sourceId] },
    'project.check': {},
    'project.backups': {},
    // No such copy in the fuzzed project: the call answers not-found and changes nothing.
    'project.restore': { name: 'project.auto-20260101T000000.000Z.sqlite' },
    'project.decision': {},
    // The fuzzed project saves normally: there is nothing to accept, and the call changes nothing.
    'project.accept': {},
    // Nothing listens on port 1: the join is refused as unreachable, at once.
    'share.view': {},
    'share.join': { server: 'ws://127.0.0.1:1', group: 'fuzz-group', user: 'fuzz', token: 'not-a-real-token' },
    'share.connect': {},
    'share.leave': {},
    'annotations.keep': { id: annotationId },
  };
}
