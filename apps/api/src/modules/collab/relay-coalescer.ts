/**
 * Coalesces the updates a document emits within one turn of the event loop into a single
 * merged update per document, so a burst from many editors costs each receiver one frame
 * rather than one per sender (socket.io sends every binary attachment as its own frame).
 */
import * as Y from 'yjs';

interface PendingRelay {
  updates: Uint8Array[];
  /** Local sockets whose edits are in this batch; a single sender is skipped when relaying. */
  senders: Set<string | null>;
}

export type RelaySink = (doc: string, update: Uint8Array, exceptSocketId: string | null) => void;

export class RelayCoalescer {
  private pending = new Map<string, PendingRelay>();
  private scheduled = false;

  constructor(private readonly sink: RelaySink) {}

  add(doc: string, update: Uint8Array, senderSocketId: string | null): void {
    let relay = this.pending.get(doc);
    if (!relay) {
      relay = { updates: [], senders: new Set() };
      this.pending.set(doc, relay);
    }
    relay.updates.push(update);
    relay.senders.add(senderSocketId);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    const batches = this.pending;
    this.pending = new Map();
    for (const [doc, relay] of batches) {
      const update = relay.updates.length === 1 ? relay.updates[0]! : Y.mergeUpdates(relay.updates);
      const [onlySender] = relay.senders;
      // With several senders, each gets the merge back, including its own part: Yjs ignores
      // what it already has, and one frame beats one merge per receiver.
      this.sink(doc, update, relay.senders.size === 1 ? (onlySender ?? null) : null);
    }
  }
}
