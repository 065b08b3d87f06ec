import { tlsFilesOf, type IngestGatewayConfig, type ServiceConfig } from '@ais/config';
import { keepIdleConnectionsOpen, SERVICE_CONFIG } from '@ais/platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { INGEST_GATEWAY_CONFIG } from '../taxii/ingest-gateway.config';

/**
 * The optional HTTPS listener (TAXII over TLS with client certificates), beside the plain HTTP
 * one and serving the same application. It asks every client for a certificate but lets the
 * handshake succeed without one or with an unverifiable one (`rejectUnauthorized: false`): the
 * guard maps only a certificate verified against `AIS_TLS_CLIENT_CA` and registered on a
 * principal; every other caller authenticates with Basic, as on HTTP.
 */
@Injectable()
export class TlsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TlsListener');
  private server: Server | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(INGEST_GATEWAY_CONFIG) private readonly config: IngestGatewayConfig,
    @Inject(SERVICE_CONFIG) private readonly serviceConfig: ServiceConfig,
  ) {}

  /** The bound port, once listening (tests bind port 0 through the configuration). */
  get port(): number | null {
    const address = this.server?.address();
    return typeof address === 'object' && address !== null ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const files = tlsFilesOf(this.config);
    if (files === null) {
      return;
    }
    const server = createServer(
      {
        cert: readFileSync(files.cert),
        key: readFileSync(files.key),
        ca: readFileSync(files.clientCa),
        requestCert: true,
        rejectUnauthorized: false,
        minVersion: 'TLSv1.2',
      },
      this.adapterHost.httpAdapter.getInstance<(request: unknown, response: unknown) => void>(),
    );
    keepIdleConnectionsOpen(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.tls.INGEST_GATEWAY_TLS_PORT, this.serviceConfig.http.AIS_HTTP_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`HTTPS with client certificates on ${this.serviceConfig.http.AIS_HTTP_HOST}:${this.port ?? '?'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === null) {
      return;
    }
    this.server = null;
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
