/**
 * Live news of one workspace: typed events after committed changes, and the presence list
 * (who is here and where). Subscribes again after every reconnection and repeats the last
 * reported location, since the server forgets both with the old socket.
 */
import type { PresenceList, TypingEvent } from '../protocol/collab.js';
import type { WorkspaceEvent } from '../protocol/workspace-events.js';
import { Listeners, type Unsubscribe } from './listeners.js';
import type { CollabTransport } from './transport.js';

export class WorkspaceSubscription {
  private subscribed = false;
  private location: string | null = null;
  private presence: PresenceList | null = null;
  private closed = false;
  private readonly events = new Listeners<WorkspaceEvent>();
  private readonly presenceChanges = new Listeners<PresenceList | null>();
  private readonly ends = new Listeners<void>();
  private readonly typings = new Listeners<TypingEvent>();
  private readonly subscriptions = new Listeners<{ again: boolean }>();
  private subscribedBefore = false;

  constructor(
    readonly workspaceId: string,
    private readonly transport: CollabTransport,
  ) {}

  /** The last presence list received; null while unknown (offline, or not yet answered). */
  getPresence(): PresenceList | null {
    return this.presence;
  }

  onEvent(listener: (event: WorkspaceEvent) => void): Unsubscribe {
    return this.events.add(listener);
  }

  onPresence(listener: (presence: PresenceList | null) => void): Unsubscribe {
    return this.presenceChanges.add(listener);
  }

  /**
   * The server confirmed the subscription; `again` after a reconnection, when events sent while
   * the socket was down were missed and whatever the client shows may be stale (catch up then).
   */
  onSubscribed(listener: (subscribed: { again: boolean }) => void): Unsubscribe {
    return this.subscriptions.add(listener);
  }

  /** Someone else is writing a comment in a thread of this workspace (ephemeral, never stored). */
  onTyping(listener: (event: TypingEvent) => void): Unsubscribe {
    return this.typings.add(listener);
  }

  /** Tells the others this person is writing in `threadId`; dropped while not subscribed. */
  sendTyping(threadId: string): void {
    if (this.subscribed) this.transport.typing({ workspaceId: this.workspaceId, threadId });
  }

  /** The server ended the subscription (membership ended). */
  onUnsubscribed(listener: () => void): Unsubscribe {
    return this.ends.add(listener);
  }

  /** Where this person is, e.g. the path of the page they have open. */
  setLocation(location: string): void {
    if (location === this.location) return;
    this.location = location;
    if (this.subscribed) this.transport.where({ workspaceId: this.workspaceId, location });
  }

  handleConnected(): void {
    if (this.closed) return;
    this.transport.subscribe(this.workspaceId, (answer) => {
      if (this.closed || !answer?.ok) return;
      this.subscribed = true;
      if (this.location !== null) this.transport.where({ workspaceId: this.workspaceId, location: this.location });
      const again = this.subscribedBefore;
      this.subscribedBefore = true;
      this.subscriptions.emit({ again });
    });
  }

  handleDisconnected(): void {
    this.subscribed = false;
    this.setPresence(null);
  }

  handleEvent(event: WorkspaceEvent): void {
    this.events.emit(event);
  }

  handlePresence(presence: PresenceList): void {
    this.setPresence(presence);
  }

  handleTyping(event: TypingEvent): void {
    this.typings.emit(event);
  }

  handleUnsubscribed(): void {
    this.subscribed = false;
    this.setPresence(null);
    this.ends.emit();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.subscribed && this.transport.connected) this.transport.unsubscribe(this.workspaceId);
    this.subscribed = false;
    this.events.clear();
    this.presenceChanges.clear();
    this.ends.clear();
    this.typings.clear();
    this.subscriptions.clear();
  }

  private setPresence(presence: PresenceList | null): void {
    if (presence === this.presence) return;
    this.presence = presence;
    this.presenceChanges.emit(presence);
  }
}
