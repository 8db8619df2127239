// The load phases, run identically against either server:
//   steady: N editors each send an acknowledged update at a fixed rate (spread evenly, with
//     random phases); after a warm-up, a measurement window; then a drain until every entry
//     has reached every other editor (or a time limit).
//   throughput: N editors keep up to `window` unacknowledged updates each, at most `cap` per
//     second (under the server's per-socket rate limit); acknowledged updates per second.
//   idle: RSS of the server with K more connections joined to one document and idle.
import { setTimeout as sleep } from 'node:timers/promises';
import { Editor, PropagationRecorder } from './editors.mjs';
import { cpuMs, machineTicks, rssBytes } from './servers.mjs';
import { HocuspocusConnection, now, OurConnection } from './transports.mjs';

const CONNECT_BATCH = 25;

export function connectionFor(server, doc) {
  return server.kind === 'ours' ? new OurConnection({ url: server.url, token: server.token, doc }) : new HocuspocusConnection({ url: server.url, doc });
}

/** Opens `count` connections to `doc`, CONNECT_BATCH at a time. */
export async function openConnections(server, doc, count) {
  const connections = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, () => connectionFor(server, doc));
    try {
      await Promise.all(batch.map((connection) => connection.open()));
    } catch (error) {
      for (const connection of [...connections, ...batch]) connection.close();
      throw error;
    }
    connections.push(...batch);
  }
  return connections;
}

/** CPU and wall time of the bench process, the server and the machine over a phase. */
function usageMeter(pid) {
  const start = { wall: now(), self: process.cpuUsage(), server: cpuMs(pid), machine: machineTicks() };
  return () => {
    const wall = now() - start.wall;
    const self = process.cpuUsage(start.self);
    const machine = machineTicks();
    return {
      benchCpu: (self.user + self.system) / 1000 / wall,
      serverCpu: (cpuMs(pid) - start.server) / wall,
      machineBusy: (machine.busy - start.machine.busy) / (machine.total - start.machine.total),
    };
  };
}

function periodicSender(editors, rate, until, send) {
  const period = 1000 / rate;
  const timers = new Set();
  for (const editor of editors) {
    let next = now() + Math.random() * period;
    const tick = () => {
      const at = now();
      if (at >= until) return;
      send(editor, at);
      next += period;
      // Behind schedule (a busy event loop): skip, rather than bunch, the missed sends.
      while (next < at) next += period;
      const timer = setTimeout(tick, next - now());
      timers.add(timer);
    };
    timers.add(setTimeout(tick, next - now()));
  }
  return () => timers.forEach(clearTimeout);
}

export async function steadyRun(server, doc, { clients, rate, warmupSeconds, seconds, drainSeconds = 10 }) {
  const connections = await openConnections(server, doc, clients);
  const editors = connections.map((connection, index) => new Editor(index, connection));
  const recorder = new PropagationRecorder(editors);
  const acks = { ms: [], ok: 0, failed: 0, inWindow: 0, errors: new Map() };
  const start = now();
  const windowStart = start + warmupSeconds * 1000;
  const windowEnd = windowStart + seconds * 1000;
  recorder.setWindow(windowStart, windowEnd);
  let sentInWindow = 0;
  const pending = new Set();
  const stop = periodicSender(editors, rate, windowEnd, (editor, at) => {
    const inWindow = at >= windowStart;
    if (inWindow) sentInWindow++;
    const ack = editor.connection.sendUpdate(editor.write(at)).then((answer) => {
      pending.delete(ack);
      if (!inWindow) return;
      if (answer.ok) {
        acks.ok++;
        acks.ms.push(answer.ms);
        if (at + answer.ms < windowEnd) acks.inWindow++;
      } else {
        acks.failed++;
        acks.errors.set(answer.error, (acks.errors.get(answer.error) ?? 0) + 1);
      }
    });
    pending.add(ack);
  });
  await sleep(windowStart - now());
  const meter = usageMeter(server.pid);
  await sleep(windowEnd - now());
  const usage = meter();
  stop();
  const drainUntil = now() + drainSeconds * 1000;
  while ((recorder.outstanding() > 0 || pending.size > 0) && now() < drainUntil) await sleep(50);
  const outstanding = recorder.outstanding();
  await sleep(200);
  const auditFailures = recorder.auditFailures();
  for (const connection of connections) connection.close();
  const expected = sentInWindow * (clients - 1);
  return {
    clients,
    rate,
    seconds,
    sentPerSecond: sentInWindow / seconds,
    ackedPerSecond: acks.inWindow / seconds,
    acked: acks.ok,
    failed: acks.failed,
    errors: Object.fromEntries(acks.errors),
    unanswered: pending.size,
    ackMs: acks.ms.sort((a, b) => a - b),
    latencies: recorder.sorted(),
    delivered: recorder.count / Math.max(1, expected),
    outstanding,
    auditFailures,
    framesPerSecondPerClient: recorder.frames / clients / ((now() - start) / 1000),
    usage,
  };
}

export async function throughputRun(server, doc, { clients, window, cap, warmupSeconds, seconds }) {
  const connections = await openConnections(server, doc, clients);
  const editors = connections.map((connection, index) => new Editor(index, connection));
  const start = now();
  const windowStart = start + warmupSeconds * 1000;
  const windowEnd = windowStart + seconds * 1000;
  const inFlight = new Int32Array(clients);
  const acks = { ms: [], inWindow: 0, failed: 0, errors: new Map() };
  let sentInWindow = 0;
  const pending = new Set();
  const stop = periodicSender(editors, cap, windowEnd, (editor, at) => {
    if (inFlight[editor.index] >= window) return;
    inFlight[editor.index]++;
    if (at >= windowStart) sentInWindow++;
    const ack = editor.connection.sendUpdate(editor.write(at)).then((answer) => {
      pending.delete(ack);
      inFlight[editor.index]--;
      const ackedAt = at + answer.ms;
      if (ackedAt < windowStart || ackedAt >= windowEnd) return;
      if (answer.ok) {
        acks.inWindow++;
        acks.ms.push(answer.ms);
      } else {
        acks.failed++;
        acks.errors.set(answer.error, (acks.errors.get(answer.error) ?? 0) + 1);
      }
    });
    pending.add(ack);
  });
  await sleep(windowStart - now());
  const meter = usageMeter(server.pid);
  await sleep(windowEnd - now());
  const usage = meter();
  stop();
  const drainUntil = now() + 10_000;
  while (pending.size > 0 && now() < drainUntil) await sleep(50);
  for (const connection of connections) connection.close();
  return {
    clients,
    window,
    cap,
    seconds,
    offeredPerSecond: sentInWindow / seconds,
    ackedPerSecond: acks.inWindow / seconds,
    failed: acks.failed,
    errors: Object.fromEntries(acks.errors),
    unanswered: pending.size,
    ackMs: acks.ms.sort((a, b) => a - b),
    usage,
  };
}

async function settledRss(pid) {
  await sleep(2000);
  const samples = [];
  for (let i = 0; i < 9; i++) {
    samples.push(rssBytes(pid));
    await sleep(200);
  }
  return samples.sort((a, b) => a - b)[4];
}

export async function idleMemory(server, doc, { connections: count }) {
  const first = await openConnections(server, doc, 1);
  const before = await settledRss(server.pid);
  const opened = now();
  const connections = await openConnections(server, doc, count);
  const openSeconds = (now() - opened) / 1000;
  const after = await settledRss(server.pid);
  for (const connection of [...first, ...connections]) connection.close();
  await sleep(500);
  return { connections: count, before, after, perConnection: (after - before) / count, openSeconds };
}
