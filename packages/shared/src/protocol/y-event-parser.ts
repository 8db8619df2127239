/**
 * A socket.io parser that carries each `y` event in one binary websocket message.
 *
 * socket.io's default parser sends an event with a binary argument as two messages: a text
 * header (`451-/collab,["y","doc",{"_placeholder":true,"num":0}]`), then the bytes. Yjs
 * traffic is nothing but such events, so every relayed update cost each receiver two frames,
 * two reads and a JSON parse before the bytes could be used. Here a `y` event is one message:
 *
 *   byte      0x79 ('y'): a binary message that starts a packet can only be this
 *   varUint   acknowledgement id + 1 (0: no acknowledgement wanted)
 *   varString namespace
 *   varString document name
 *   rest      the Yjs frame, exactly as the default format would carry it
 *
 * Every other packet keeps socket.io's own format, and the decoder reads both formats. A
 * client opts in with the query parameter below and then receives `y` events in this form; a
 * client with the default parser never asks and never sees one, so plain socket.io-client
 * keeps working. A binary message that is neither an expected attachment nor a well-formed
 * `y` event is a protocol violation: socket.io closes that connection.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

/** Handshake query parameter (`?frames=y1`) by which a client asks for single-message `y` events. */
export const Y_EVENT_FRAMES_QUERY = { frames: 'y1' } as const;

const Y_EVENT_MARKER = 0x79;
const Y_EVENT = 'y';

type YEventPacket = Packet & { data: [typeof Y_EVENT, string, Uint8Array] };

function isYEvent(packet: Packet): packet is YEventPacket {
  const data: unknown = packet.data;
  return packet.type === PacketType.EVENT && Array.isArray(data) && data.length === 3 && data[0] === Y_EVENT && typeof data[1] === 'string' && data[2] instanceof Uint8Array;
}

/** One `y` event as a single binary message. */
export function encodeYEvent(namespace: string, doc: string, frame: Uint8Array, ackId?: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, Y_EVENT_MARKER);
  encoding.writeVarUint(encoder, ackId === undefined ? 0 : ackId + 1);
  encoding.writeVarString(encoder, namespace);
  encoding.writeVarString(encoder, doc);
  encoding.writeUint8Array(encoder, frame);
  return encoding.toUint8Array(encoder);
}

/** Reads a message written by encodeYEvent; throws on anything else. */
export function decodeYEvent(message: Uint8Array): Packet {
  const decoder = decoding.createDecoder(message);
  if (decoding.readUint8(decoder) !== Y_EVENT_MARKER) throw new Error('binary message without a packet to belong to');
  const ack = decoding.readVarUint(decoder);
  if (ack > 0x7fffffff) throw new Error('acknowledgement id out of range');
  const nsp = decoding.readVarString(decoder);
  const doc = decoding.readVarString(decoder);
  // A view, not a copy: the message was allocated for this event alone.
  const frame = message.subarray(decoder.pos);
  const packet: Packet = { type: PacketType.EVENT, nsp, data: [Y_EVENT, doc, frame] };
  if (ack > 0) packet.id = ack - 1;
  return packet;
}

/** Writes `y` events as single messages, everything else as socket.io does. */
export class YEventEncoder extends Encoder {
  override encode(packet: Packet): Array<string | Uint8Array> {
    if (isYEvent(packet)) return [encodeYEvent(packet.nsp, packet.data[1], packet.data[2], packet.id)];
    return super.encode(packet) as Array<string | Uint8Array>;
  }
}

/** Reads both formats: socket.io's own, and `y` events as single messages. */
export class YEventDecoder extends Decoder {
  /** Attachments still owed to a packet in socket.io's format, which come before anything else. */
  private attachmentsOwed = 0;

  override add(chunk: unknown): void {
    if (typeof chunk === 'string') {
      super.add(chunk);
      // Only reached when the header parsed; a binary header announces its attachments.
      if (chunk[0] === String(PacketType.BINARY_EVENT) || chunk[0] === String(PacketType.BINARY_ACK)) this.attachmentsOwed = Number.parseInt(chunk.slice(1), 10);
      return;
    }
    if (this.attachmentsOwed > 0) {
      this.attachmentsOwed--;
      super.add(chunk);
      return;
    }
    const bytes = chunk instanceof Uint8Array ? chunk : chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : null;
    if (!bytes) throw new Error(`unknown chunk type: ${typeof chunk}`);
    this.emitReserved('decoded', decodeYEvent(bytes));
  }

  override destroy(): void {
    this.attachmentsOwed = 0;
    super.destroy();
  }
}

/** For clients that speak `y` events as single messages (pass with Y_EVENT_FRAMES_QUERY). */
export const yEventParser = { Encoder: YEventEncoder, Decoder: YEventDecoder };

/**
 * For the server: reads both formats from any client and writes socket.io's own by default;
 * a connection that asked for single-message `y` events gets a YEventEncoder of its own.
 */
export const yEventServerParser = { Encoder, Decoder: YEventDecoder };
