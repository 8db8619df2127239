// Simulated editors and what they observe. Each editor appends entries to its own Y.Array
// (`e<index>`) in one shared document; an entry is the time it was sent (ms since the epoch,
// sub-millisecond precision), so a receiver needs no table to know its age. A receiver
// decodes every update the server sends it (which may merge several senders' updates) and
// records, per entry of another editor, the moment it first appears: the entry's clock
// range tells which entries are new, whatever the framing. One editor (the auditor) also
// applies everything to a full Y.Doc, and the end state is checked against what was sent.
import * as Y from 'yjs';
import { now } from './transports.mjs';

export class Editor {
  constructor(index, connection) {
    this.index = index;
    this.connection = connection;
    this.doc = new Y.Doc();
    this.array = this.doc.getArray(`e${index}`);
    this.sent = 0;
    this.doc.on('update', (update) => {
      this.lastUpdate = update;
    });
  }

  get clientId() {
    return this.doc.clientID;
  }

  /** Appends one entry and returns the update that carries it. */
  write(sentAt = now()) {
    this.array.push([sentAt]);
    this.sent++;
    return this.lastUpdate;
  }
}

/** Propagation latencies, per (sender entry, receiver), for entries sent inside a window. */
export class PropagationRecorder {
  constructor(editors, { audit = true } = {}) {
    this.editors = editors;
    this.senderOf = new Map(editors.map((editor) => [editor.clientId, editor.index]));
    // Per receiver, per sender: the clock up to which entries have been seen.
    this.seen = editors.map(() => new Int32Array(editors.length));
    this.samples = new Float64Array(1 << 16);
    this.count = 0;
    this.windowStart = Infinity;
    this.windowEnd = -Infinity;
    this.frames = 0;
    this.auditor = audit ? new Y.Doc() : null;
    for (const editor of editors) editor.connection.onUpdate = (update, arrivedAt) => this.observe(editor.index, update, arrivedAt);
  }

  setWindow(start, end) {
    this.windowStart = start;
    this.windowEnd = end;
  }

  #push(value) {
    if (this.count === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.count++] = value;
  }

  observe(receiver, update, arrivedAt) {
    this.frames++;
    if (receiver === 0 && this.auditor) Y.applyUpdate(this.auditor, update);
    const seen = this.seen[receiver];
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) continue;
      const sender = this.senderOf.get(struct.id.client);
      if (sender === undefined || sender === receiver) continue;
      const end = struct.id.clock + struct.length;
      if (end <= seen[sender]) continue;
      const values = struct.content.getContent();
      for (let k = Math.max(0, seen[sender] - struct.id.clock); k < struct.length; k++) {
        const sentAt = values[k];
        if (sentAt >= this.windowStart && sentAt < this.windowEnd) this.#push(arrivedAt - sentAt);
      }
      seen[sender] = end;
    }
  }

  /** Entries of others not yet seen, summed over receivers (0 once everything arrived). */
  outstanding() {
    let missing = 0;
    for (const receiver of this.editors) {
      for (const sender of this.editors) if (sender !== receiver) missing += sender.sent - this.seen[receiver.index][sender.index];
    }
    return missing;
  }

  /** Senders whose entries the auditor's document does not hold in full. */
  auditFailures() {
    if (!this.auditor) return null;
    return this.editors.filter((editor) => editor.index !== 0 && this.auditor.getArray(`e${editor.index}`).length !== editor.sent).length;
  }

  sorted() {
    return this.samples.slice(0, this.count).sort();
  }
}
