import { Controller, Get, Header, HttpException, HttpStatus, Logger as NestLogger, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { Writable } from 'node:stream';
import { ErrorCodeFilter } from './error-code.filter';
import { accessLog } from './logger.options';
import { ObservabilityModule, ROOT_LOGGER } from './observability.module';

@Controller()
class RoutesController {
  private readonly logger = new NestLogger('RoutesController');

  @Get('health')
  ready(): string {
    return 'ready';
  }

  @Get('health/live')
  live(): string {
    return 'live';
  }

  @Get('collections')
  collections(): string {
    this.logger.warn('reading collections');
    return 'collections';
  }

  @Get('session')
  @Header('Set-Cookie', 'session=s3cr3t-session; HttpOnly')
  session(): string {
    return 'signed in';
  }

  @Get('broken')
  broken(): never {
    throw new TypeError('a message that may quote a value');
  }

  @Get('missing')
  missing(): never {
    throw new HttpException('no such thing', HttpStatus.NOT_FOUND);
  }
}

/** The lines a logger wrote, parsed. */
class Lines extends Writable {
  readonly entries: Record<string, unknown>[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter((l) => l !== '')) {
      this.entries.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}

/** `AsyncLocalStorage.enabled` (Node 20): true once a store was entered, with promise hooks on. */
const requestContextEnabled = () => (storage as unknown as { enabled: boolean }).enabled;

describe('the service logger', () => {
  const lines = new Lines();
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    @Module({ imports: [ObservabilityModule.forRoot({ service: 'test', logLevel: 'info', destination: lines })], controllers: [RoutesController] })
    class TestModule {}
    app = await NestFactory.create(TestModule, { bufferLogs: true });
    // As runService wires it.
    app.useLogger(app.get(Logger));
    app.use(accessLog(app.get(ROOT_LOGGER)));
    app.useGlobalFilters(new ErrorCodeFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app.close());

  it('writes one access line per request with method, path (no query) and status, at a level by status; none for probes and scrapes', async () => {
    for (const path of ['/health', '/health/live', '/metrics']) {
      expect((await fetch(base + path)).status).toBe(200);
    }
    expect((await fetch(`${base}/collections?secret=value`)).status).toBe(200);
    expect((await fetch(`${base}/missing`)).status).toBe(404);

    const access = lines.entries
      .filter((entry) => entry.req !== undefined)
      .map((entry) => {
        const req = entry.req as { method: string; path: string };
        return { service: entry.service, level: entry.level, method: req.method, path: req.path, status: (entry.res as { statusCode: number }).statusCode };
      });
    expect(access).toEqual([
      { service: 'test', level: 30, method: 'GET', path: '/collections', status: 200 },
      { service: 'test', level: 40, method: 'GET', path: '/missing', status: 404 },
    ]);
    expect(JSON.stringify(lines.entries)).not.toContain('secret');
  });

  it("writes no response header, cookies included, in an access line", async () => {
    expect((await fetch(`${base}/session`, { headers: { authorization: 'Basic c2VjcmV0OnNlY3JldA==' } })).status).toBe(200);

    const line = lines.entries.find((entry) => (entry.req as { path?: string } | undefined)?.path === '/session');
    expect(line?.res).toEqual({ statusCode: 200 });
    expect(JSON.stringify(lines.entries)).not.toContain('s3cr3t');
  });

  it("logs an unhandled error's class with the request's id, never its message", async () => {
    expect((await fetch(`${base}/broken`)).status).toBe(500);

    const access = lines.entries.find((entry) => (entry.req as { path?: string } | undefined)?.path === '/broken' && entry.res !== undefined);
    const error = lines.entries.find((entry) => entry.context === 'ErrorCodeFilter');
    expect(error).toMatchObject({ level: 50, msg: 'unhandled TypeError', req: { id: (access?.req as { id?: unknown }).id, path: '/broken' } });
    expect(JSON.stringify(lines.entries)).not.toContain('may quote');
  });

  it("writes the application's log lines with their context through the same logger", async () => {
    expect((await fetch(`${base}/collections`)).status).toBe(200);

    expect(lines.entries).toContainEqual(expect.objectContaining({ service: 'test', level: 40, context: 'RoutesController', msg: 'reading collections' }));
  });

  it('never binds a request logger, so promise hooks stay off', async () => {
    expect((await fetch(`${base}/collections`)).status).toBe(200);

    expect(requestContextEnabled()).toBe(false);
  });
});
