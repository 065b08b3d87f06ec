import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';

/**
 * JSON logs. Request bodies are never logged, and the paths that could carry credentials or
 * submission content are redacted should any code hand them to the logger.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-admin-token"]',
  'req.body',
  'res.headers["set-cookie"]',
  'data',
  '*.data',
  'password',
  '*.password',
  'objects',
  '*.objects',
];

/**
 * Probes and scrapes get no request logger. nestjs-pino binds each request's logger with an
 * `AsyncLocalStorage`, and the first request that does so turns on promise hooks for the rest of
 * the process (Node 20): every await then costs ~2.7×. A stage whose only HTTP traffic is its
 * probes and scrapes keeps them off (docs/benchmarks.md); nothing was logged for these routes anyway.
 */
export const PROBE_ROUTES = ['health', 'health/live', 'metrics'] as const;

export function loggerOptions(service: string, level: string): Params {
  return {
    exclude: PROBE_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })),
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Query strings can carry filter values; log the path only.
      serializers: {
        req: (req: { method?: string; url?: string; id?: unknown }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
      },
      customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}
