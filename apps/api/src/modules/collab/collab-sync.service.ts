/**
 * Handles one `y` frame from one socket: size and rate limits, strict decoding, then the
 * sync step, update or awareness it carries. Every refusal names its reason and touches
 * nothing; the caller sends it to that client only.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Ack, CollabError } from '@marginalia/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.schema.js';
import { decodeAwareness, stampIdentity } from './awareness-entries.js';
import type { ConnectionState } from './connection-state.js';
import { DocumentGone, DocumentRegistry, DocumentTooLarge, UpdateRefused } from './document-registry.service.js';
import type { CollabSocketData } from './socket-handshake.js';
import { FrameError, decodeFrame, isEmptyUpdate, syncStep2Frame } from './y-frames.js';

export class SyncRefusal extends Error {
  constructor(
    readonly code: CollabError,
    message: string,
  ) {
    super(message);
  }
}

export interface SyncReply {
  /** A frame to send back to the sender (sync step 2 answering its step 1). */
  reply?: Uint8Array;
}

@Injectable()
export class CollabSync {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: DocumentRegistry,
  ) {}

  /** Resolves after the frame is handled (for updates: committed); rejects with SyncRefusal. */
  async handle(socketId: string, data: CollabSocketData, connection: ConnectionState, doc: unknown, frame: unknown): Promise<SyncReply> {
    if (typeof doc !== 'string') throw new SyncRefusal('malformed', 'the first argument must be the document name');
    if (!(frame instanceof Uint8Array)) throw new SyncRefusal('malformed', 'the second argument must be a binary frame');
    if (frame.byteLength > this.config.COLLAB_MAX_FRAME_BYTES) throw new SyncRefusal('too_large', `frame is ${frame.byteLength} bytes; the limit is ${this.config.COLLAB_MAX_FRAME_BYTES}`);
    const joined = connection.joined.get(doc);
    if (!joined) throw new SyncRefusal('not_joined', 'join the document before sending frames for it');
    const decoded = decodeOrRefuse(frame);
    switch (decoded.kind) {
      case 'sync-step-1': {
        if (!connection.updates.take()) throw rateLimited('document');
        try {
          return { reply: syncStep2Frame(await this.registry.encodeMissing(joined.live, decoded.stateVector)) };
        } catch {
          throw new SyncRefusal('malformed', 'sync step 1 does not carry a valid state vector');
        }
      }
      case 'update': {
        if (!connection.updates.take()) throw rateLimited('document');
        // Every client answers the server's sync step 1, usually with nothing: nothing to store.
        if (isEmptyUpdate(decoded.update)) return {};
        if (joined.readOnly) {
          throw new SyncRefusal('read_only', 'your role may read this document but not change it');
        }
        try {
          await this.registry.applyClientUpdate(joined.live, socketId, decoded.update, data.userId);
        } catch (error) {
          if (error instanceof UpdateRefused) throw new SyncRefusal('invalid_update', `the update cannot be applied: ${error.message}`);
          if (error instanceof DocumentTooLarge) throw new SyncRefusal('too_large', error.message);
          // Not stored, and the document is being reloaded: keep the edit, join again, resend.
          if (error instanceof DocumentGone) throw new SyncRefusal('not_joined', `${error.message}; join it again and resend the update`);
          throw new SyncRefusal('unavailable', 'the update could not be saved; resend it after joining again');
        }
        return {};
      }
      case 'awareness': {
        if (!connection.awareness.take()) throw rateLimited('awareness');
        const entries = decodeAwarenessOrRefuse(decoded.payload, this.config.COLLAB_MAX_AWARENESS_STATE_BYTES);
        for (const entry of entries) {
          if (!joined.live.claimClientId(socketId, entry.clientId)) throw new SyncRefusal('malformed', `awareness client id ${entry.clientId} belongs to another connection`);
        }
        this.registry.applyClientAwareness(
          joined.live,
          socketId,
          entries.map((entry) => ({ ...entry, state: stampIdentity(entry.state, data.identity) })),
        );
        return {};
      }
    }
  }
}

export function ackFor(error: unknown): Ack {
  if (error instanceof SyncRefusal) return { ok: false, error: error.code, message: error.message };
  return { ok: false, error: 'unavailable', message: 'internal error' };
}

function rateLimited(what: string): SyncRefusal {
  return new SyncRefusal('rate_limited', `too many ${what} frames; slow down`);
}

function decodeOrRefuse(frame: Uint8Array): ReturnType<typeof decodeFrame> {
  try {
    return decodeFrame(frame);
  } catch (error) {
    if (error instanceof FrameError) throw new SyncRefusal(error.code, error.message);
    throw error;
  }
}

function decodeAwarenessOrRefuse(payload: Uint8Array, maxStateBytes: number): ReturnType<typeof decodeAwareness> {
  try {
    return decodeAwareness(payload, maxStateBytes);
  } catch (error) {
    if (error instanceof FrameError) throw new SyncRefusal(error.code, error.message);
    throw error;
  }
}
