/**
 * Leak scan: every log line and saved /metrics of the e2e and fault runs, searched for every
 * personal value the tests planted (test/e2e/support/planted-personal-values.ts).
 *
 *   node -r @swc-node/register scripts/leak-scan.ts [--since <epoch ms>] [dir …]
 *
 * Directories default to .local/logs (one folder per E2eSystem: <service>.log and
 * <service>.metrics.txt). `--since` scans only files written from then on (one `npm test` run).
 * Prints each hit as file:line and the planted value's number and kind, never the value.
 * Exit 0: no hit; 1: a planted value was found; 2: nothing to scan.
 */
import { describeHit, filesUnder, scanText, type LeakHit } from '@ais/testing';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { plantedPersonalValues } from '../test/e2e/support/planted-personal-values';
import { REPO_ROOT } from './system/service-launcher';

function parseArguments(argv: readonly string[]): { since: number; dirs: string[] } {
  let since = 0;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--since') {
      since = Number(argv[++i]);
      if (!Number.isFinite(since)) {
        throw new Error('--since takes milliseconds since the epoch');
      }
    } else {
      dirs.push(resolve(argv[i]!));
    }
  }
  return { since, dirs: dirs.length > 0 ? dirs : [join(REPO_ROOT, '.local', 'logs')] };
}

function run(): number {
  const { since, dirs } = parseArguments(process.argv.slice(2));
  const planted = plantedPersonalValues();
  const hits: LeakHit[] = [];
  let scanned = 0;
  for (const dir of dirs.filter((d) => existsSync(d))) {
    for (const file of filesUnder(dir)) {
      const path = join(dir, file);
      if (statSync(path).mtimeMs < since) {
        continue;
      }
      scanned += 1;
      hits.push(...scanText(relative(REPO_ROOT, path), readFileSync(path, 'utf8'), planted));
    }
  }
  for (const hit of hits) {
    console.log(describeHit(hit));
  }
  console.log(`leak scan: ${planted.length} planted values, ${scanned} files, ${hits.length} hits`);
  if (scanned === 0) {
    console.log('leak scan: no log or metrics file to scan');
    return 2;
  }
  return hits.length === 0 ? 0 : 1;
}

process.exitCode = run();
