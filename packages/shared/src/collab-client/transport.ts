/**
 * What documents and workspace subscriptions need from the socket. The client implements it
 * over socket.io; sessions never touch the socket themselves, so each has one job and the
 * wire calls stay in one file.
 */
import type { Ack, JoinAck, TypingMessage, WhereMessage } from '../protocol/collab.js';

/** `null` means no answer: the connection dropped or the server did not answer in time. */
export type AckCallback<T> = (answer: T | null) => void;

export interface CollabTransport {
  readonly connected: boolean;
  join(doc: string, ack: AckCallback<JoinAck>): void;
  leave(doc: string): void;
  send(doc: string, frame: Uint8Array, ack?: AckCallback<Ack>): void;
  subscribe(workspaceId: string, ack: AckCallback<Ack>): void;
  unsubscribe(workspaceId: string): void;
  where(message: WhereMessage): void;
  typing(message: TypingMessage): void;
}
