#!/usr/bin/env node
// `npm test`: type check, lint, then unit, integration and end-to-end tests against a real Kafka
// broker and PostgreSQL (started here when not running, and stopped again afterwards).
// Ends with one line "Tests: N passed, N failed" summed over every phase.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.local', 'test-reports');
const started = Date.now();

function run(label, command, args, options = {}) {
  const begun = Date.now();
  console.log(`\n==> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  console.log(`<== ${label}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status ?? result.signal})`} in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

if (!existsSync(join(root, 'node_modules', '.bin', 'jest'))) {
  if (!run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'])) process.exit(1);
}

const stackWasRunning = spawnSync('bash', ['scripts/stack.sh', 'status'], { cwd: root, stdio: 'ignore' }).status === 0;
if (!run('local stack (PostgreSQL, Kafka)', 'bash', ['scripts/stack.sh', 'up'])) process.exit(1);
// The `vault` key store's tests start their own Vault: built from source once per machine.
if (!run('Vault for the vault key store (built once per machine)', 'bash', ['scripts/vault.sh', 'build'])) process.exit(1);

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0 };
let ok = true;

ok = run('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) && ok;
ok = run('lint', 'npx', ['eslint', '.']) && ok;
// No Docker engine runs here, but the compose file must at least be valid.
const compose = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0 ? ['docker', 'compose'] : ['docker-compose'];
ok = run('docker-compose.yml is valid', compose[0], [...compose.slice(1), '-f', 'docker-compose.yml', 'config', '--quiet'], {
  env: { ...process.env, AIS_ADMIN_TOKEN: 'compose-check-placeholder', AIS_MASTER_KEY: 'compose-check-placeholder' },
}) && ok;

for (const [label, config, extra] of [
  ['unit tests', 'jest.config.ts', []],
  ['integration tests', 'jest.int.config.ts', ['--runInBand']],
  ['end-to-end tests', 'jest.e2e.config.ts', ['--runInBand']],
]) {
  const report = join(reports, `${config}.json`);
  ok = run(label, 'npx', ['jest', '-c', config, '--ci', '--json', `--outputFile=${report}`, ...extra]) && ok;
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  } else {
    totals.failed += 1;
  }
}

// No planted personal value in any log line or saved /metrics of this run's end-to-end systems.
const leakScanOk = run('leak scan (end-to-end logs and metrics)', 'node', ['-r', '@swc-node/register', 'scripts/leak-scan.ts', '--since', String(started)]);
ok = leakScanOk && ok;
if (!leakScanOk) totals.failed += 1;

if (!stackWasRunning && process.env.AIS_KEEP_STACK !== '1') {
  run('stop local stack', 'bash', ['scripts/stack.sh', 'down']);
}
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
