import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { loadConfig, type LoadedConfig } from '../load-config';
import { toInt } from './to-int';

/** TAXII status resources (ingest-gateway): how long a completed status stays readable. */
export class StatusRetentionEnv {
  /**
   * Hours a status resource is kept after it completed. The TAXII 2.1 interoperability document
   * requires at least 24 h; pending statuses are never removed.
   */
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(24 * 366 * 10)
  AIS_STATUS_RETENTION_HOURS = 168;
}

/** Set when any of the three file paths is: then all three are required. */
const tlsWanted = (env: TlsEnv) => env.AIS_TLS_CERT !== undefined || env.AIS_TLS_KEY !== undefined || env.AIS_TLS_CLIENT_CA !== undefined;

/**
 * Optional HTTPS listener of ingest-gateway with client certificates (mTLS): enabled when the
 * three PEM file paths are set, all or none.
 */
export class TlsEnv {
  /** PEM server certificate (chain). */
  @ValidateIf(tlsWanted)
  @IsString()
  @MinLength(1)
  AIS_TLS_CERT: string | undefined = undefined;

  /** PEM private key of the server certificate. */
  @ValidateIf(tlsWanted)
  @IsString()
  @MinLength(1)
  AIS_TLS_KEY: string | undefined = undefined;

  /** PEM certificate(s) of the authorities whose client certificates are verified. */
  @ValidateIf(tlsWanted)
  @IsString()
  @MinLength(1)
  AIS_TLS_CLIENT_CA: string | undefined = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  INGEST_GATEWAY_TLS_PORT = 8443;

  /**
   * The ingest API root as discovery lists it to clients of the HTTPS listener (TAXII clients
   * follow the absolute URLs discovery gives). Default: the host of `AIS_INGEST_ROOT_URL` on
   * `INGEST_GATEWAY_TLS_PORT`, over https.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https'] })
  AIS_INGEST_ROOT_TLS_URL: string | undefined = undefined;
}

/** What ingest-gateway reads besides the fragments every service reads. */
export const INGEST_GATEWAY_ENV = { statuses: StatusRetentionEnv, tls: TlsEnv };
export type IngestGatewayConfig = LoadedConfig<typeof INGEST_GATEWAY_ENV>;

export function loadIngestGatewayConfig(env: NodeJS.ProcessEnv = process.env): IngestGatewayConfig {
  return loadConfig(INGEST_GATEWAY_ENV, env);
}

/** Where clients of the HTTPS listener find the ingest root, given the plain ingest root URL. */
export function ingestRootTlsUrl(config: IngestGatewayConfig, ingestRootUrl: string): string {
  if (config.tls.AIS_INGEST_ROOT_TLS_URL !== undefined) {
    return config.tls.AIS_INGEST_ROOT_TLS_URL;
  }
  const url = new URL(ingestRootUrl);
  url.protocol = 'https:';
  url.port = String(config.tls.INGEST_GATEWAY_TLS_PORT);
  return url.toString();
}

/** The three TLS file paths when the HTTPS listener is configured, else null. */
export function tlsFilesOf(config: IngestGatewayConfig): { cert: string; key: string; clientCa: string } | null {
  const { AIS_TLS_CERT: cert, AIS_TLS_KEY: key, AIS_TLS_CLIENT_CA: clientCa } = config.tls;
  return cert === undefined || key === undefined || clientCa === undefined ? null : { cert, key, clientCa };
}
