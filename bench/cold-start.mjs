#!/usr/bin/env node
// Cold start: from nothing running (stack down, dependencies cached) to all seven services
// healthy under `npm start`, then Ctrl-C. Prints each run and the median.
//   node bench/cold-start.mjs [runs=3]
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 3);

if (spawnSync('bash', ['scripts/stack.sh', 'status'], { cwd: root, stdio: 'ignore' }).status === 0) {
  console.error('the local stack is running: stop it first (bash scripts/stack.sh down) so the start is cold');
  process.exit(2);
}

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['start'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let output = '';
    let healthyAfter = null;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (healthyAfter === null && output.includes('AIS Exchange is up')) {
        healthyAfter = Number(process.hrtime.bigint() - started) / 1e9;
        process.kill(-child.pid, 'SIGINT'); // Ctrl-C reaches the whole process group
      }
    });
    child.on('exit', async () => {
      // npm may exit before its children: stopped means the stack reports stopped.
      while (spawnSync('bash', ['scripts/stack.sh', 'status'], { cwd: root, stdio: 'ignore' }).status === 0) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const stoppedAfter = Number(process.hrtime.bigint() - started) / 1e9;
      if (healthyAfter === null) {
        reject(new Error(`npm start ended before the services were healthy:\n${output.slice(-2000)}`));
      } else {
        resolve({ healthyAfter, shutdown: stoppedAfter - healthyAfter });
      }
    });
  });
}

const results = [];
for (let i = 1; i <= runs; i++) {
  const result = await once();
  results.push(result);
  console.log(`run ${i}: all seven healthy after ${result.healthyAfter.toFixed(1)} s; Ctrl-C to everything stopped ${result.shutdown.toFixed(1)} s`);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`median cold start to healthy: ${median(results.map((r) => r.healthyAfter)).toFixed(1)} s over ${runs} runs (target ≤ 60 s)`);
console.log(`median shutdown: ${median(results.map((r) => r.shutdown)).toFixed(1)} s`);
