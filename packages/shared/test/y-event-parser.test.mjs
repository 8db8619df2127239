/**
 * The single-message `y` event format (src/protocol/y-event-parser.ts): what it writes, that
 * its decoder still reads socket.io's own format (header + attachments) around it, and that
 * anything else is refused rather than misread.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Encoder, PacketType } from 'socket.io-parser';
import { YEventDecoder, YEventEncoder, decodeYEvent, encodeYEvent } from '../dist/index.js';

function decodeAll(chunks) {
  const decoder = new YEventDecoder();
  const packets = [];
  decoder.on('decoded', (packet) => packets.push(packet));
  for (const chunk of chunks) decoder.add(chunk);
  return packets;
}

const frame = Uint8Array.of(0, 2, 3, 1, 2, 3);

test('a y event is one binary message that reads back as the same packet', () => {
  const encoded = new YEventEncoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['y', 'notebook:é', frame], id: 41 });
  assert.equal(encoded.length, 1);
  assert.ok(encoded[0] instanceof Uint8Array);
  const [packet] = decodeAll(encoded);
  assert.equal(packet.type, PacketType.EVENT);
  assert.equal(packet.nsp, '/collab');
  assert.equal(packet.id, 41);
  assert.equal(packet.data[0], 'y');
  assert.equal(packet.data[1], 'notebook:é');
  assert.deepEqual([...packet.data[2]], [...frame]);
});

test('without an acknowledgement id the packet has none', () => {
  const [packet] = decodeAll([encodeYEvent('/collab', 'doc', frame)]);
  assert.equal(packet.id, undefined);
});

test('an ArrayBuffer (what browsers deliver) decodes like a Uint8Array', () => {
  const message = encodeYEvent('/collab', 'doc', frame);
  const [packet] = decodeAll([message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength)]);
  assert.equal(packet.data[1], 'doc');
});

test('everything else keeps socket.io format, and the decoder reads it around y events', () => {
  const yEncoder = new YEventEncoder();
  const join = yEncoder.encode({ type: PacketType.EVENT, nsp: '/collab', data: ['join', { doc: 'd' }], id: 1 });
  assert.equal(typeof join[0], 'string', 'a packet without binary is text, as socket.io writes it');
  const otherBinary = yEncoder.encode({ type: PacketType.EVENT, nsp: '/collab', data: ['blob', new Uint8Array([0x79, 1])] });
  assert.equal(otherBinary.length, 2, 'other binary events keep header + attachment');
  const plainY = new Encoder().encode({ type: PacketType.EVENT, nsp: '/collab', data: ['y', 'd', frame] });
  const packets = decodeAll([...join, ...otherBinary, encodeYEvent('/collab', 'd', frame), ...plainY]);
  assert.deepEqual(
    packets.map((packet) => packet.data[0]),
    ['join', 'blob', 'y', 'y'],
  );
  // The attachment that starts with 0x79 was read as an attachment, not as a y event.
  assert.deepEqual([...packets[1].data[1]], [0x79, 1]);
});

test('a binary message that is not a y event is refused', () => {
  assert.throws(() => decodeAll([Uint8Array.of(1, 2, 3)]), /binary message/);
  assert.throws(() => decodeAll([Uint8Array.of(0x79)]), /Unexpected end/);
  assert.throws(() => decodeYEvent(Uint8Array.of(0x79, 0, 200)), /Unexpected end/);
});
