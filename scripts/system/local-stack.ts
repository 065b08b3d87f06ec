import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './service-launcher';

export interface StackConnection {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  /** True when this call started the stack (so the caller should stop it again). */
  readonly startedHere: boolean;
}

const STACK = join(REPO_ROOT, 'scripts', 'stack.sh');

/** Starts PostgreSQL and Kafka unless they run already; returns how to reach them. */
export function ensureLocalStack(log: (line: string) => void = () => undefined): StackConnection {
  const running = spawnSync('bash', [STACK, 'status'], { stdio: 'ignore' }).status === 0;
  const output = execFileSync('bash', [STACK, 'up'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const line of output.trim().split('\n')) {
    log(line);
  }
  const value = (key: string) => output.split('\n').find((line) => line.startsWith(`${key}=`))?.slice(key.length + 1);
  const databaseUrl = value('DATABASE_URL');
  const kafkaBrokers = value('KAFKA_BROKERS');
  if (databaseUrl === undefined || kafkaBrokers === undefined) {
    throw new Error('scripts/stack.sh up did not print DATABASE_URL and KAFKA_BROKERS');
  }
  return { databaseUrl, kafkaBrokers, startedHere: !running };
}

export function stopLocalStack(): void {
  execFileSync('bash', [STACK, 'down'], { stdio: 'inherit' });
}
