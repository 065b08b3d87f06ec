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

export function loggerOptions(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Query strings can carry filter values; log the path only.
      serializers: {
        req: (req: { method?: string; url?: string; id?: unknown }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/health/live' || req.url === '/metrics' },
      customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}
