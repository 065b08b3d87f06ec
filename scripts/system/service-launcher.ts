import { DEFAULT_PORTS, portVariableOf, servicePort, type ServiceName } from '@ais/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SERVICES = Object.keys(DEFAULT_PORTS) as ServiceName[];
export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface LaunchOptions {
  /** Added to the environment of every service (DATABASE_URL, KAFKA_TOPIC_PREFIX …). */
  readonly env?: Readonly<Record<string, string>>;
  readonly logDir: string;
  /** Port of each service; otherwise `<SERVICE>_PORT` from the environment, else 8080–8086. */
  readonly ports?: Readonly<Partial<Record<ServiceName, number>>>;
  /** Extra Node.js flags for every service, such as `--cpu-prof` when a benchmark profiles them. */
  readonly nodeArgs?: readonly string[];
}

/**
 * Runs the seven services as child processes, as `npm start` and the end-to-end tests do: each
 * logs to `<logDir>/<service>.log`, is healthy when `/health` answers 200, and can be killed
 * (SIGKILL for crash tests) and started again.
 */
export class ServiceLauncher {
  private readonly children = new Map<ServiceName, ChildProcess>();

  constructor(private readonly options: LaunchOptions) {
    mkdirSync(options.logDir, { recursive: true });
  }

  port(service: ServiceName): number {
    return this.options.ports?.[service] ?? servicePort(service);
  }

  url(service: ServiceName, path = '/'): string {
    return `http://127.0.0.1:${this.port(service)}${path}`;
  }

  /** The process id of a running service (benchmarks sample its CPU and memory), else undefined. */
  pid(service: ServiceName): number | undefined {
    return this.children.get(service)?.pid;
  }

  start(service: ServiceName): ChildProcess {
    if (this.children.has(service)) {
      throw new Error(`${service} is already running`);
    }
    const log = createWriteStream(join(this.options.logDir, `${service}.log`), { flags: 'a' });
    const portEnv = Object.fromEntries(SERVICES.map((s) => [portVariableOf(s), String(this.port(s))]));
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), '-r', '@swc-node/register', join('apps', service, 'src', 'main.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...portEnv, SWC_NODE_PROJECT: join(REPO_ROOT, 'tsconfig.json'), ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.once('exit', () => this.children.delete(service));
    this.children.set(service, child);
    return child;
  }

  startAll(): void {
    for (const service of SERVICES) {
      this.start(service);
    }
  }

  async waitHealthy(services: readonly ServiceName[] = SERVICES, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pending = new Set(services);
    while (pending.size > 0) {
      for (const service of [...pending]) {
        if (!this.children.has(service)) {
          throw new Error(`${service} exited during start-up; see ${join(this.options.logDir, `${service}.log`)}`);
        }
        if (await isHealthy(this.url(service, '/health'))) {
          pending.delete(service);
        }
      }
      if (pending.size === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`not healthy after ${timeoutMs} ms: ${[...pending].join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Kills without warning (SIGKILL), as a crash would, and waits for the process to be gone. */
  async kill(service: ServiceName): Promise<void> {
    await this.signal(service, 'SIGKILL', 10_000);
  }

  /** Asks every service to shut down (SIGTERM), then kills what is left after the grace period. */
  async stopAll(graceMs = 15_000): Promise<void> {
    await Promise.all([...this.children.keys()].map((service) => this.signal(service, 'SIGTERM', graceMs)));
  }

  private async signal(service: ServiceName, signal: NodeJS.Signals, graceMs: number): Promise<void> {
    const child = this.children.get(service);
    if (child === undefined || child.exitCode !== null) {
      return;
    }
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}
