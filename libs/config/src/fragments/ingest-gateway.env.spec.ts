import { ConfigError } from '../load-config';
import { ingestRootTlsUrl, loadIngestGatewayConfig, tlsFilesOf } from './ingest-gateway.env';

describe('loadIngestGatewayConfig', () => {
  it('keeps completed statuses a week and listens without TLS by default', () => {
    const config = loadIngestGatewayConfig({});
    expect(config.statuses.AIS_STATUS_RETENTION_HOURS).toBe(168);
    expect(config.tls.INGEST_GATEWAY_TLS_PORT).toBe(8443);
    expect(tlsFilesOf(config)).toBeNull();
  });

  it('refuses a retention under the 24 hours TAXII interoperability requires', () => {
    expect(() => loadIngestGatewayConfig({ AIS_STATUS_RETENTION_HOURS: '23' })).toThrow(ConfigError);
    expect(() => loadIngestGatewayConfig({ AIS_STATUS_RETENTION_HOURS: '1.5' })).toThrow('AIS_STATUS_RETENTION_HOURS');
    expect(loadIngestGatewayConfig({ AIS_STATUS_RETENTION_HOURS: '24' }).statuses.AIS_STATUS_RETENTION_HOURS).toBe(24);
  });

  it('takes the TLS files all together or not at all, naming the missing ones but no value', () => {
    const all = loadIngestGatewayConfig({ AIS_TLS_CERT: '/c.pem', AIS_TLS_KEY: '/k.pem', AIS_TLS_CLIENT_CA: '/ca.pem', INGEST_GATEWAY_TLS_PORT: '9443' });
    expect(tlsFilesOf(all)).toEqual({ cert: '/c.pem', key: '/k.pem', clientCa: '/ca.pem' });
    expect(all.tls.INGEST_GATEWAY_TLS_PORT).toBe(9443);
    try {
      loadIngestGatewayConfig({ AIS_TLS_CERT: '/secret/path.pem' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('AIS_TLS_KEY');
      expect(problems).toContain('AIS_TLS_CLIENT_CA');
      expect(problems).not.toContain('/secret/path.pem');
    }
  });

  it('lists the ingest root over https on the TLS port unless told otherwise', () => {
    expect(ingestRootTlsUrl(loadIngestGatewayConfig({ INGEST_GATEWAY_TLS_PORT: '9443' }), 'http://ais.example:8080/ingest/')).toBe('https://ais.example:9443/ingest/');
    const configured = loadIngestGatewayConfig({ AIS_INGEST_ROOT_TLS_URL: 'https://taxii.ais.example/ingest/' });
    expect(ingestRootTlsUrl(configured, 'http://127.0.0.1:8080/ingest/')).toBe('https://taxii.ais.example/ingest/');
    expect(() => loadIngestGatewayConfig({ AIS_INGEST_ROOT_TLS_URL: 'http://plain.example/ingest/' })).toThrow('AIS_INGEST_ROOT_TLS_URL');
  });
});
