import type { Server } from 'node:http';

/**
 * How long a service keeps an idle kept-alive connection open. Node's default, 5 s, is shorter
 * than the upstream keep-alive of the proxies in front of the services (ingress-nginx: 60 s), so a
 * proxy could send a request on a connection the service was closing and answer it with a 502.
 * The service must be the side that waits longer.
 */
export const IDLE_CONNECTION_TIMEOUT_MS = 65_000;

export function keepIdleConnectionsOpen(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>): void {
  server.keepAliveTimeout = IDLE_CONNECTION_TIMEOUT_MS;
  // A request's headers may take as long as the idle wait before them, and no longer.
  server.headersTimeout = IDLE_CONNECTION_TIMEOUT_MS + 1_000;
}
