/**
 * `y` events as single binary messages (y-event-parser in @marginalia/shared), next to
 * plain socket.io clients on the same documents: both formats converge, each client
 * receives only the format it speaks, and a binary message that is no packet closes only
 * the connection that sent it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { registerCast, createCastWorkspace, type Cast } from './fixtures.js';
import { connectSocket, eventually, joinedClient, notebookOf, type ConnectOptions, type YClient } from './collab-client.js';
import { createTestApp, type TestApp } from './create-test-app.js';

let app: TestApp;
let cast: Cast;
let notebook: string;
const clients: YClient[] = [];

/** Every engine.io message a socket receives: text as is, binary as bytes. */
function recordMessages(socket: Socket): Array<string | Uint8Array> {
  const messages: Array<string | Uint8Array> = [];
  socket.io.on('open', () => {
    socket.io.engine.on('message', (data: unknown) => {
      messages.push(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer));
    });
  });
  return messages;
}

async function joined(user: Cast[keyof Cast], options: ConnectOptions = {}): Promise<{ client: YClient; messages: Array<string | Uint8Array> }> {
  const socket = connectSocket(app.baseUrl, user, options);
  const messages = recordMessages(socket);
  const client = await joinedClient(socket, notebook);
  clients.push(client);
  return { client, messages };
}

const isSingleMessageYEvent = (message: string | Uint8Array) => message instanceof Uint8Array && message[0] === 0x79;
const isDefaultYHeader = (message: string | Uint8Array) => typeof message === 'string' && message.startsWith('51-/collab,["y"');

beforeAll(async () => {
  app = await createTestApp();
  cast = await registerCast(app.baseUrl, 'yevents');
  const workspaceId = await createCastWorkspace(cast, 'Framing');
  notebook = await notebookOf(cast.owner, workspaceId);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await app.close();
});

describe('single-message y events', () => {
  it('converge with a plain socket.io client, with acknowledgements after the commit', async () => {
    const single = await joined(cast.owner, { singleMessageYEvents: true });
    const plain = await joined(cast.editor);
    await expect(single.client.edit((doc) => doc.getText('markdown').insert(0, 'single '))).resolves.toEqual({ ok: true });
    await expect(plain.client.edit((doc) => doc.getText('markdown').insert(0, 'plain '))).resolves.toEqual({ ok: true });
    await eventually(() => single.client.content === plain.client.content && single.client.content.length === 'single plain '.length, 5000, 'convergence');
    expect(single.client.content).toContain('single');
    expect(single.client.content).toContain('plain');

    // Each received the other's edit in its own format, and only in that format.
    expect(single.messages.some(isSingleMessageYEvent)).toBe(true);
    expect(single.messages.some(isDefaultYHeader)).toBe(false);
    expect(plain.messages.some(isDefaultYHeader)).toBe(true);
    expect(plain.messages.some(isSingleMessageYEvent)).toBe(false);
  });

  it('are read-only for a viewer like any other frame', async () => {
    const viewer = await joined(cast.viewer, { singleMessageYEvents: true });
    expect(viewer.client.readOnly).toBe(true);
    await expect(viewer.client.edit((doc) => doc.getText('markdown').insert(0, 'nope'))).resolves.toMatchObject({ ok: false, error: 'read_only' });
  });

  it('a binary message that is no packet closes that connection only; the others carry on', async () => {
    const offender = await joined(cast.admin, { singleMessageYEvents: true });
    const bystander = await joined(cast.editor);
    const before = bystander.client.content;
    const closed = new Promise<string>((resolve) => offender.client.socket.once('disconnect', resolve));
    offender.client.socket.io.engine.send(Uint8Array.of(0x01, 0x02, 0x03));
    await expect(closed).resolves.toBeTruthy();

    const writer = await joined(cast.owner, { singleMessageYEvents: true });
    await expect(writer.client.edit((doc) => doc.getText('markdown').insert(0, 'still up '))).resolves.toEqual({ ok: true });
    await eventually(() => bystander.client.content === `still up ${before}`, 5000, 'the bystander sees the next edit');
  });
});
