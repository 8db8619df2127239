/**
 * A reverse proxy with a classic mistake: it forwards `Host` without its port, as nginx's
 * `proxy_set_header Host $host;` does on a non-default port. The API then sees a browser Origin
 * that does not match the Host and refuses the socket (forbidden_origin): what an operator's
 * misconfigured proxy looks like to a person using the app.
 */
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';

export interface Proxy {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startHostDroppingProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  const headersFor = (request: http.IncomingMessage): http.OutgoingHttpHeaders => ({ ...request.headers, host: upstream.hostname });
  const server = http.createServer((request, response) => {
    const forwarded = http.request({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: headersFor(request) }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  // Websocket upgrades: replay the request line and headers, then splice the two sockets.
  server.on('upgrade', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const socket = net.connect(Number(upstream.port), upstream.hostname, () => {
      const headers = Object.entries(headersFor(request)).map(([name, value]) => `${name}: ${String(value)}`);
      socket.write(`${request.method ?? 'GET'} ${request.url ?? '/'} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      socket.write(head);
      socket.pipe(client);
      client.pipe(socket);
    });
    socket.on('error', () => client.destroy());
    client.on('error', () => socket.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(address.port)}`,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
