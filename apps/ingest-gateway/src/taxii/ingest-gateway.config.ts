/** DI token of ingest-gateway's own configuration (`IngestGatewayConfig` from @ais/config). */
export const INGEST_GATEWAY_CONFIG = Symbol('INGEST_GATEWAY_CONFIG');
