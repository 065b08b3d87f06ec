#!/usr/bin/env node
// `npm start` on a fresh clone: install node modules if missing, then run the whole system
// (scripts/run-system.ts). Only Node built-ins here: nothing else is installed yet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', '@swc-node', 'register'))) {
  console.log('installing node modules (npm ci) …');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    process.exit(install.status ?? 1);
  }
}
const child = spawn(process.execPath, ['-r', '@swc-node/register', join('scripts', 'run-system.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
});
// The child handles Ctrl-C itself (the terminal signals the whole process group).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 1));
