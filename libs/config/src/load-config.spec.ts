import { DEVELOPMENT_DATABASE_URL } from './fragments/postgres.env';
import { ConfigError } from './load-config';
import { loadServiceConfig } from './service.env';
import { servicePort } from './service-ports';

describe('loadServiceConfig', () => {
  it('uses the documented development defaults when the environment is silent', () => {
    const config = loadServiceConfig({});
    expect(config.kafka.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.postgres.DATABASE_URL).toBe(DEVELOPMENT_DATABASE_URL);
    expect(config.kafka.KAFKA_TOPIC_PARTITIONS).toBe(3);
    expect(config.postgres.DATABASE_POOL_SIZE).toBe(20);
    expect(Object.isFrozen(config.kafka)).toBe(true);
  });

  it('reads and converts the environment', () => {
    const config = loadServiceConfig({ KAFKA_BROKERS: 'a:1, b:2', KAFKA_TOPIC_PARTITIONS: '6', LOG_LEVEL: 'debug', DATABASE_POOL_SIZE: '32' });
    expect(config.kafka.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.postgres.DATABASE_POOL_SIZE).toBe(32);
    expect(config.kafka.KAFKA_TOPIC_PARTITIONS).toBe(6);
    expect(config.logging.LOG_LEVEL).toBe('debug');
  });

  it('lists every bad key at once and never echoes a value', () => {
    const secret = 'short';
    try {
      loadServiceConfig({ AIS_ADMIN_TOKEN: secret, KAFKA_TOPIC_PARTITIONS: 'many', DATABASE_URL: 'mysql://x', DATABASE_POOL_SIZE: '0' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('AIS_ADMIN_TOKEN');
      expect(problems).toContain('KAFKA_TOPIC_PARTITIONS');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('DATABASE_POOL_SIZE');
      expect(problems).not.toContain(secret);
    }
  });

  it('requires a user and password when a SASL mechanism is set, without echoing them', () => {
    expect(() => loadServiceConfig({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(/KAFKA_SASL_USERNAME[\s\S]*KAFKA_SASL_PASSWORD|KAFKA_SASL_PASSWORD[\s\S]*KAFKA_SASL_USERNAME/);
    expect(() => loadServiceConfig({ KAFKA_SASL_MECHANISM: 'kerberos', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow('KAFKA_SASL_MECHANISM');
    const config = loadServiceConfig({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'ais-pii-filter', KAFKA_SASL_PASSWORD: 'from-a-secret' });
    expect(config.kafka.KAFKA_SASL_USERNAME).toBe('ais-pii-filter');
  });

  it('refuses a key store this build does not have instead of falling back to another', () => {
    expect(loadServiceConfig({}).security.AIS_KEY_STORE).toBe('postgres');
    expect(() => loadServiceConfig({ AIS_KEY_STORE: 'kms' })).toThrow('AIS_KEY_STORE');
  });

  it('requires Vault\'s address and token with the vault key store, without echoing the token', () => {
    const missing = errorOf({ AIS_KEY_STORE: 'vault' });
    expect(missing).toContain('AIS_VAULT_ADDR');
    expect(missing).toContain('AIS_VAULT_TOKEN');
    const badAddress = errorOf({ AIS_KEY_STORE: 'vault', AIS_VAULT_ADDR: 'vault:8200', AIS_VAULT_TOKEN: 'hvs.secret-token' });
    expect(badAddress).toContain('AIS_VAULT_ADDR');
    expect(badAddress).not.toContain('hvs.secret-token');
    const config = loadServiceConfig({ AIS_KEY_STORE: 'vault', AIS_VAULT_ADDR: 'https://vault.ais.example:8200', AIS_VAULT_TOKEN: 'hvs.secret-token' });
    expect(config.security).toMatchObject({ AIS_VAULT_KV_MOUNT: 'secret', AIS_VAULT_KEY_PREFIX: 'ais/data-keys' });
    expect(errorOf({ AIS_VAULT_KEY_PREFIX: '../sys' })).toContain('AIS_VAULT_KEY_PREFIX');
  });

  it('gives each service its default port unless overridden', () => {
    expect(servicePort('version-publisher', {})).toBe(8085);
    expect(servicePort('version-publisher', { VERSION_PUBLISHER_PORT: '9000' })).toBe(9000);
    expect(() => servicePort('version-publisher', { VERSION_PUBLISHER_PORT: 'x' })).toThrow('VERSION_PUBLISHER_PORT');
  });
});

/** The message loading this environment fails with ('' when it loads). */
function errorOf(env: Record<string, string>): string {
  try {
    loadServiceConfig(env);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
