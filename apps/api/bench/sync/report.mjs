// The printed result: one table per phase with Marginalia, Hocuspocus and their ratio
// (ours / reference: below 1 is better for times and memory, above 1 for rates), then the
// targets of issue #4 with met / MISSED.
import { percentile, table } from '../stats.mjs';

const TARGETS = { updatesPerSecond: 5000, coldLoadMs: 300, idleBytes: 100 * 1024 };

const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '-');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '-');
const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '-');
const pct = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(value > 0.9995 && value < 1 ? 2 : 1)}%` : '-');
const rate = (value) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en')}/s` : '-');
const ratio = (ours, reference) => (Number.isFinite(ours) && Number.isFinite(reference) && reference !== 0 ? `${(ours / reference).toFixed(2)}x` : '-');
const median = (values) => percentile([...values].sort((a, b) => a - b), 50);
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');

function rows(specs, ours, reference) {
  return specs.map(([label, pick, format, target = '', check, { ratios = true } = {}]) => {
    const a = ours ? pick(ours) : NaN;
    const b = reference ? pick(reference) : NaN;
    return [label, ours ? format(a) : '-', reference ? format(b) : '-', ratios ? ratio(a, b) : '', target, check && ours ? verdict(check(a, b, ours, reference)) : ''];
  });
}

const HEADERS = ['', 'Marginalia', 'Hocuspocus', 'ratio', 'target', ''];
const usageRows = [
  ['server CPU (cores)', (r) => r.usage.serverCpu, (v) => fixed(v, 2)],
  ['bench CPU (cores)', (r) => r.usage.benchCpu, (v) => fixed(v, 2)],
  ['machine busy (2 cores = 100%)', (r) => r.usage.machineBusy, pct],
];

/** Every update acknowledged as saved, none refused or left unanswered. */
const allDurable = (run) => run.failed === 0 && run.unanswered === 0;

export function report(results, { log, clients, throughput, idle, history }) {
  const { ours, reference } = results;
  const summary = [];

  clients.forEach((count, index) => {
    const a = ours?.steady[index];
    const b = reference?.steady[index];
    const any = a ?? b;
    log(`Propagation: ${count} editors on one document, ${any.rate} updates/s each (${any.rate * count}/s offered), ${any.seconds} s window`);
    log(
      table(
        HEADERS,
        rows(
          [
            ['propagation p50', (r) => percentile(r.latencies, 50), ms],
            ['propagation p95', (r) => percentile(r.latencies, 95), ms],
            ['propagation p99', (r) => percentile(r.latencies, 99), ms, '<= reference', (x, y, r) => x <= y && allDurable(r)],
            ['propagation max', (r) => r.latencies.at(-1), ms],
            ['deliveries measured', (r) => r.latencies.length, (v) => v.toLocaleString('en')],
            ['delivered (of sent x receivers)', (r) => r.delivered, pct],
            ['end state complete (auditor)', (r) => (r.auditFailures === 0 ? 1 : 0), (v) => (v === 1 ? 'yes' : 'NO'), '', undefined, { ratios: false }],
            ['sent', (r) => r.sentPerSecond, rate],
            ['acknowledged', (r) => r.ackedPerSecond, rate],
            ['refused / unanswered', (r) => r.failed + r.unanswered, (v) => String(v), '', undefined, { ratios: false }],
            ['time to ack p50', (r) => percentile(r.ackMs, 50), ms],
            ['time to ack p99', (r) => percentile(r.ackMs, 99), ms],
            ['frames received per editor', (r) => r.framesPerSecondPerClient, (v) => `${fixed(v)}/s`],
            ...usageRows,
          ],
          a,
          b,
        ),
      ),
    );
    if (a && Object.keys(a.errors).length > 0) log(`Marginalia refusals: ${JSON.stringify(a.errors)}`);
    log();
    if (a && b) summary.push([`p99 propagation, ${count} editors, every update durable`, `${ms(percentile(a.latencies, 99))} vs ${ms(percentile(b.latencies, 99))}`, '<= reference', verdict(percentile(a.latencies, 99) <= percentile(b.latencies, 99) && allDurable(a))]);
  });

  const ta = ours?.throughput;
  const tb = reference?.throughput;
  log(`Throughput: ${throughput.clients} editors, each with up to ${throughput.window} unacknowledged updates and at most ${throughput.cap}/s (offered at most ${rate(throughput.clients * throughput.cap)})`);
  log(
    table(
      HEADERS,
      rows(
        [
          ['sent', (r) => r.offeredPerSecond, rate],
          ['acknowledged', (r) => r.ackedPerSecond, rate, `>= ${rate(TARGETS.updatesPerSecond)} durable`, (x, _y, r) => x >= TARGETS.updatesPerSecond && r.failed === 0],
          ['refused / unanswered', (r) => r.failed + r.unanswered, (v) => String(v), '', undefined, { ratios: false }],
          ['time to ack p50', (r) => percentile(r.ackMs, 50), ms],
          ['time to ack p95', (r) => percentile(r.ackMs, 95), ms],
          ['time to ack p99', (r) => percentile(r.ackMs, 99), ms],
          ...usageRows,
        ],
        ta,
        tb,
      ),
    ),
  );
  if (ta && Object.keys(ta.errors).length > 0) log(`Marginalia refusals: ${JSON.stringify(ta.errors)}`);
  log('Marginalia acknowledges after the Postgres COMMIT; Hocuspocus acknowledges (SyncStatus) once applied in memory, with nothing stored.');
  log();
  if (ta) summary.push(['durable updates per second', rate(ta.ackedPerSecond), `>= ${rate(TARGETS.updatesPerSecond)}`, verdict(ta.ackedPerSecond >= TARGETS.updatesPerSecond && ta.failed === 0)]);

  log(`Memory: ${idle.toLocaleString('en')} idle connections joined to one document (RSS of the server process, settled)`);
  log(
    table(
      HEADERS,
      rows(
        [
          ['RSS with 1 connection', (r) => r.idle.before, mb],
          [`RSS with ${idle + 1} connections`, (r) => r.idle.after, mb],
          ['per idle connection', (r) => r.idle.perConnection, kb, `< ${kb(TARGETS.idleBytes)}`, (x) => x < TARGETS.idleBytes],
          ['time to open them all', (r) => r.idle.openSeconds * 1000, ms],
        ],
        ours,
        reference,
      ),
    ),
  );
  log();
  if (ours) summary.push(['server memory per idle connection', kb(ours.idle.perConnection), `< ${kb(TARGETS.idleBytes)}`, verdict(ours.idle.perConnection < TARGETS.idleBytes)]);

  const coldMedian = (r) => median(r.cold.compacted.map((run) => run.ms));
  log(`Cold load: ${history.toLocaleString('en')}-update history, fresh connection until the full state arrives (median of ${(ours ?? reference).cold.compacted.length})`);
  log(
    table(
      HEADERS,
      rows(
        [
          ['after compaction', coldMedian, ms, `< ${TARGETS.coldLoadMs} ms`, (x, _y, r) => x < TARGETS.coldLoadMs && r.cold.compacted.every((run) => run.complete)],
          ['after compaction, each run', (r) => r.cold.compacted.map((run) => run.ms), (v) => v.map((x) => fixed(x, 0)).join(' / ') + ' ms'],
          ['client apply of the state', (r) => median(r.cold.compacted.map((run) => run.applyMs)), ms],
          ['state received', (r) => median(r.cold.compacted.map((run) => run.bytes)), kb],
          ['stored snapshot', (r) => r.cold.snapshotBytes, kb],
          [`compaction (${history.toLocaleString('en')} rows)`, (r) => median(r.cold.compactMs), ms],
          ['without compaction (all rows)', (r) => r.cold.uncompacted?.ms ?? NaN, ms],
          ['content complete', (r) => (r.cold.compacted.every((run) => run.complete) && (r.cold.uncompacted?.complete ?? true) ? 1 : 0), (v) => (v === 1 ? 'yes' : 'NO'), '', undefined, { ratios: false }],
        ],
        ours,
        reference,
      ),
    ),
  );
  if (ours) log(`Marginalia compaction: ${ours.cold.how}`);
  if (reference) log(`Hocuspocus: ${reference.cold.how}`);
  log();
  if (ours) summary.push([`cold load, ${history.toLocaleString('en')} updates, after compaction`, ms(coldMedian(ours)), `< ${TARGETS.coldLoadMs} ms`, verdict(coldMedian(ours) < TARGETS.coldLoadMs && ours.cold.compacted.every((run) => run.complete))]);

  log('Targets (issue #4)');
  log(table(['target', 'Marginalia', 'goal', ''], summary));
}
