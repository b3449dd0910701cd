/**
 * Replicas of a group made of plain Y.Docs, synced by hand: the pure model with no server and no
 * network, for tests of how concurrent edits merge.
 */
import * as Y from 'yjs';
import { applyLocalChange, type ShareDocs } from '../../../core/share/apply-change.ts';
import type { LocalChange } from '../../../core/share/model.ts';
import type { Role } from '../../../core/share/roles.ts';
import { readSharedAnnotations } from '../../../core/share/shared-state.ts';
import { readVocabulary } from '../../../core/share/vocabulary-doc.ts';
import type { ActingReplica, ReplicaView } from '../../support/share-actions.ts';

/** One member's copy of the group's vocabulary and annotations documents. */
export class DocReplica implements ActingReplica {
  readonly label: string;
  readonly user: string;
  readonly role: Role;
  readonly vocabulary: Y.Doc;
  readonly annotations: Map<string, Y.Doc>;
  #clock = 0;

  constructor(label: string, user: string, members: readonly string[], clientId: number, role: Role = 'editor') {
    this.label = label;
    this.user = user;
    this.role = role;
    this.vocabulary = fixedDoc(clientId * 100);
    this.annotations = new Map(members.map((member, i) => [member, fixedDoc(clientId * 100 + i + 1)]));
  }

  /** Every document of this replica, by name. */
  docs(): Map<string, Y.Doc> {
    return new Map([['tags', this.vocabulary], ...[...this.annotations].map(([member, doc]) => [`annotations/${member}`, doc] as const)]);
  }

  shareDocs(): ShareDocs {
    return {
      me: this.user,
      role: this.role,
      vocabulary: this.vocabulary,
      authors: [...this.annotations].map(([author, doc]) => ({ author, doc })),
    };
  }

  view(): ReplicaView {
    const vocabulary = readVocabulary(this.vocabulary);
    return { annotations: readSharedAnnotations(this.shareDocs().authors, vocabulary), vocabulary };
  }

  apply(change: LocalChange): boolean {
    this.#clock += 1;
    return applyLocalChange(this.shareDocs(), change, new Date(Date.UTC(2026, 1, 1) + this.#clock * 1000).toISOString());
  }
}

// Fixed Yjs client ids make a failing run replay exactly (they decide which concurrent value wins).
function fixedDoc(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return doc;
}

/** Brings every replica's documents to the union of all of them, as a server would. */
export function syncAll(replicas: readonly DocReplica[]): void {
  const names = replicas[0]?.docs().keys() ?? [];
  for (const name of names) {
    const docs = replicas.map((replica) => replica.docs().get(name)).filter((doc): doc is Y.Doc => doc !== undefined);
    const merged = Y.mergeUpdates(docs.map((doc) => Y.encodeStateAsUpdate(doc)));
    for (const doc of docs) Y.applyUpdate(doc, merged);
  }
}
