import type { Request, RequestHandler } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * JSON logs. Request bodies are never logged, and the paths that could carry credentials or
 * submission content are redacted should any code hand them to the logger.
 */
const REDACTED_PATHS = [
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

/** Probes and scrapes write no access log line. */
const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', '/health/live', '/metrics']);

/** The service's logger: one JSON line per entry, each with `service`, redacted as above. */
export function createRootLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/**
 * The access log: a line per request when its response ends, level by status. It binds no
 * per-request logger into an `AsyncLocalStorage` (nestjs-pino's middleware did): on Node 20 the
 * first such binding turns on promise hooks for the rest of the process, and every await then
 * costs more — ~10 % of ingest-gateway's CPU at the benchmark's maximum (docs/benchmarks.md).
 * Log lines written while handling a request therefore carry no request id.
 */
export function accessLog(root: Logger): RequestHandler {
  const log = pinoHttp({
    logger: root,
    // Query strings can carry filter values; log the path only. Response headers add nothing an
    // operator reads here, and serialising them for every POST showed in the gateway's profile.
    serializers: {
      req: (req: { method?: string; url?: string; id?: unknown }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
  return (req: Request, res, next) => (PROBE_PATHS.has(req.path) ? next() : log(req, res, next));
}
