/**
 * Runs each kind's projection (CollabKindHooks.project) after a document changed: at most one
 * at a time per document, a short while after the last change, so a burst of edits (a node
 * dragged across the canvas) costs one projection. Every node projects after every update it
 * applies, its own clients' and other nodes' alike: whichever projects last has seen them all,
 * so the SQL copy ends equal to the document.
 */
import type { Logger } from '@nestjs/common';
import type { CollabKinds } from './collab-kinds.js';
import type { LiveDocument } from './live-document.js';

/** Long enough to fold a drag's updates together, short enough that lists feel live. */
export const PROJECTION_DELAY_MS = 250;

interface Pending {
  live: LiveDocument;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  dirty: boolean;
}

export class DocumentProjections {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly kinds: CollabKinds,
    private readonly logger: Logger,
  ) {}

  /** Notes that the document changed; its projection runs soon. */
  changed(live: LiveDocument): void {
    if (!this.kinds.of(live.kind).project) return;
    let entry = this.pending.get(live.name);
    if (!entry || entry.live !== live) {
      entry = { live, timer: null, running: null, dirty: false };
      this.pending.set(live.name, entry);
    }
    entry.dirty = true;
    if (!entry.timer && !entry.running) this.arm(entry);
  }

  /** Runs a pending projection now and waits for it (before a document leaves memory). */
  async settle(name: string): Promise<void> {
    const entry = this.pending.get(name);
    if (!entry) return;
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = null;
      this.run(entry);
    }
    while (entry.running) await entry.running;
    if (this.pending.get(name) === entry && !entry.dirty) this.pending.delete(name);
  }

  async settleAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((name) => this.settle(name)));
  }

  private arm(entry: Pending): void {
    entry.timer = setTimeout(() => {
      entry.timer = null;
      this.run(entry);
    }, PROJECTION_DELAY_MS);
    entry.timer.unref();
  }

  private run(entry: Pending): void {
    const project = this.kinds.of(entry.live.kind).project;
    // An evicted document lacks an update that failed to commit; its reload projects anew.
    if (!project || entry.live.evicted) {
      if (this.pending.get(entry.live.name) === entry) this.pending.delete(entry.live.name);
      return;
    }
    entry.dirty = false;
    const { name, workspaceId, doc } = entry.live;
    entry.running = project({ name, workspaceId, doc })
      .catch((error: unknown) => this.logger.warn(`projecting ${name} failed (retried on its next change): ${String(error)}`))
      .finally(() => {
        entry.running = null;
        if (entry.dirty) this.arm(entry);
        else if (this.pending.get(name) === entry) this.pending.delete(name);
      });
  }
}
