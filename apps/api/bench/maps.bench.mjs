// pnpm bench:maps (API side): the server's cost of a large map (document size, validation per
// update) and the ACH matrix computation, each against a reference in the same run. The
// browser part (load, first render and drag frames of the map in Chromium) runs after it, from
// e2e/bench. Asserts nothing; not part of the test suite.
import os from 'node:os';
import { printAchBench, runAchBench } from './maps-ach.bench.mjs';
import { runMapServerBench } from './maps-server.bench.mjs';

process.stdout.write(`Argument map benchmark: ${os.cpus().length} cores, Node ${process.version}\n`);
await runMapServerBench();
printAchBench(await runAchBench());
