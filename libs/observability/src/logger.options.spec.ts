import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { loggerOptions } from './logger.options';

@Controller()
class RoutesController {
  @Get('health')
  ready(): string {
    return 'ready';
  }

  @Get('health/live')
  live(): string {
    return 'live';
  }

  @Get('metrics')
  metrics(): string {
    return 'metrics';
  }

  @Get('collections')
  collections(): string {
    return 'collections';
  }
}

@Module({ imports: [LoggerModule.forRoot(loggerOptions('test', 'silent'))], controllers: [RoutesController] })
class TestModule {}

/** `AsyncLocalStorage.enabled` (Node 20): true once a store was entered, with promise hooks on. */
const requestContextEnabled = () => (storage as unknown as { enabled: boolean }).enabled;

describe('loggerOptions', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app.close());

  it('binds no request logger for probes and scrapes, so promise hooks stay off; other routes still get one', async () => {
    for (const path of ['/health', '/health/live', '/metrics']) {
      expect((await fetch(base + path)).status).toBe(200);
    }
    expect(requestContextEnabled()).toBe(false);

    expect((await fetch(`${base}/collections`)).status).toBe(200);
    expect(requestContextEnabled()).toBe(true);
  });
});
