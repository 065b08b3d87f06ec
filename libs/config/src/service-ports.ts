/** Default HTTP ports; each is overridable by `<SERVICE>_PORT` (e.g. `INGEST_GATEWAY_PORT`). */
export const DEFAULT_PORTS = {
  'ingest-gateway': 8080,
  'schema-validator': 8081,
  'submitter-anonymizer': 8082,
  'pii-filter': 8083,
  'review-service': 8084,
  'version-publisher': 8085,
  'audit-projector': 8086,
} as const;

export type ServiceName = keyof typeof DEFAULT_PORTS;

export function portVariableOf(service: ServiceName): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** The service's port from the environment, or its default. */
export function servicePort(service: ServiceName, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[portVariableOf(service)];
  if (raw === undefined || raw === '') {
    return DEFAULT_PORTS[service];
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${portVariableOf(service)} must be a port number`);
  }
  return port;
}
