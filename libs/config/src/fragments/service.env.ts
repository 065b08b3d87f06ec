import { IsIn, IsString } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class HttpEnv {
  /** Loopback by default; containers set 0.0.0.0. */
  @IsString()
  AIS_HTTP_HOST = '127.0.0.1';
}

export class LoggingEnv {
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}
