/**
 * `y` events in the format each connection asked for (see y-event-parser in
 * @marginalia/shared): one binary message for clients that ask with `?frames=y1`, socket.io's
 * header plus attachment for everyone else.
 *
 * Relays are the hot path: one update goes to every other socket in the room. Like
 * socket.io's adapter does for its broadcasts, each form is encoded once per relay, and the
 * single message's websocket frame is built once and handed to engine.io ready-made. This
 * reaches into socket.io's Client (its encoder, writeToEngine) and engine.io's
 * `wsPreEncodedFrame` packet option, as socket.io-adapter does; versions are pinned.
 */
import { encodeYEvent, Y_EVENT_FRAMES_QUERY, YEventEncoder } from '@marginalia/shared';
import type { Namespace, Socket } from 'socket.io';
import { Encoder, PacketType } from 'socket.io-parser';

interface SocketIoClient {
  encoder: Encoder;
  writeToEngine(packets: Array<string | Uint8Array>, options: { preEncoded: true; wsPreEncodedFrame?: Uint8Array[] }): void;
}

const clientOf = (socket: Socket) => (socket as unknown as { client: SocketIoClient }).client;

const singleMessageEncoder = new YEventEncoder();
const defaultEncoder = new Encoder();

export function asksForSingleMessageYEvents(socket: Socket): boolean {
  return socket.handshake.query.frames === Y_EVENT_FRAMES_QUERY.frames;
}

/** From now on this connection's `y` events leave as single messages, if it asked for them. */
export function useRequestedYEventFormat(socket: Socket): void {
  if (asksForSingleMessageYEvents(socket)) clientOf(socket).encoder = singleMessageEncoder;
}

/** Sends `y(doc, frame)` to this node's sockets in `room`, except one. */
export function sendYEventToRoom(namespace: Namespace, room: string, exceptSocketId: string | null, doc: string, frame: Uint8Array): void {
  const socketIds = namespace.adapter.rooms.get(room);
  if (!socketIds) return;
  let single: { packets: Uint8Array[]; wsFrame: Uint8Array[] } | undefined;
  let standard: Array<string | Uint8Array> | undefined;
  for (const socketId of socketIds) {
    if (socketId === exceptSocketId) continue;
    const socket = namespace.sockets.get(socketId);
    if (!socket) continue;
    if (asksForSingleMessageYEvents(socket)) {
      if (!single) {
        const message = encodeYEvent(namespace.name, doc, frame);
        single = { packets: [message], wsFrame: [binaryFrameHeader(message.length), message] };
      }
      clientOf(socket).writeToEngine(single.packets, { preEncoded: true, wsPreEncodedFrame: single.wsFrame });
    } else {
      standard ??= defaultEncoder.encode({ type: PacketType.EVENT, nsp: namespace.name, data: ['y', doc, frame] }) as Array<string | Uint8Array>;
      clientOf(socket).writeToEngine(standard, { preEncoded: true });
    }
  }
}

/** A final, unmasked binary websocket frame's header (RFC 6455, section 5.2), as a server sends it. */
function binaryFrameHeader(length: number): Uint8Array {
  const FIN_BINARY = 0x82;
  if (length < 126) return Uint8Array.of(FIN_BINARY, length);
  if (length < 0x10000) return Uint8Array.of(FIN_BINARY, 126, length >> 8, length & 0xff);
  const header = new Uint8Array(10);
  header[0] = FIN_BINARY;
  header[1] = 127;
  new DataView(header.buffer).setBigUint64(2, BigInt(length));
  return header;
}
