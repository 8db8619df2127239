/**
 * socket.io sends an event with a binary argument as two engine.io packets (a text header,
 * then the attachment), and engine.io hands the second to the websocket only after the
 * first write has completed: two syscalls, and a turn of the event loop in between, for
 * every `y` frame to every receiver. Relaying to many sockets is dominated by those writes.
 * This makes a socket's multi-part event leave as one batch: the parts are queued together,
 * flushed in one transport.send, and the TCP socket is corked meanwhile so they go out in
 * a single write. The frames on the wire are unchanged; any socket.io client reads them.
 *
 * It reaches into socket.io's Client and engine.io's Socket (pinned versions, see
 * package.json); if their shape is not what it expects it leaves the socket alone.
 */
import type { Socket } from 'socket.io';

interface EngineTransport {
  name: string;
  writable: boolean;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

interface EngineSocket {
  transport: EngineTransport;
  flush(): void;
}

interface SocketIoClient {
  conn: EngineSocket;
  writeToEngine(packets: unknown, options: unknown): void;
}

export function sendMultipartEventsInOneWrite(socket: Socket): void {
  const client = (socket as unknown as { client?: SocketIoClient }).client;
  const conn = client?.conn;
  if (!client || !conn || typeof client.writeToEngine !== 'function' || typeof conn.flush !== 'function') return;
  const writeToEngine = client.writeToEngine.bind(client);
  client.writeToEngine = (packets: unknown, options: unknown): void => {
    const transport = conn.transport;
    const tcp = transport.socket?._socket;
    if (!Array.isArray(packets) || packets.length < 2 || transport.name !== 'websocket' || !tcp) return writeToEngine(packets, options);
    const writable = transport.writable;
    tcp.cork();
    transport.writable = false; // queue every part in engine.io's buffer...
    try {
      writeToEngine(packets, options);
    } finally {
      transport.writable = writable;
      if (writable) conn.flush(); // ...then send them together
      tcp.uncork();
    }
  };
}
