/**
 * `npm start`: the local stack, the seven services, development accounts; Ctrl-C stops it all.
 */
import { DEVELOPMENT_ADMIN_TOKEN } from '@ais/config';
import { join } from 'node:path';
import { devAccounts, registerDevAccounts } from './system/dev-credentials';
import { ensureLocalStack, stopLocalStack } from './system/local-stack';
import { REPO_ROOT, ServiceLauncher, SERVICES } from './system/service-launcher';

async function run(): Promise<void> {
  const started = Date.now();
  const stack = ensureLocalStack((line) => console.log(line));
  const logDir = join(REPO_ROOT, '.local', 'logs');
  const launcher = new ServiceLauncher({ logDir, env: { DATABASE_URL: process.env.DATABASE_URL ?? stack.databaseUrl, KAFKA_BROKERS: stack.kafkaBrokers } });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\nstopping the services …');
    await launcher.stopAll();
    if (stack.startedHere) {
      stopLocalStack();
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  launcher.startAll();
  try {
    await launcher.waitHealthy();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
    return;
  }
  const adminToken = process.env.AIS_ADMIN_TOKEN ?? DEVELOPMENT_ADMIN_TOKEN;
  const accounts = devAccounts();
  await registerDevAccounts(launcher.url('ingest-gateway', '/admin/principals'), adminToken, accounts);

  console.log(`\nAIS Exchange is up: seven services healthy ${((Date.now() - started) / 1000).toFixed(1)} s after start.\n`);
  for (const service of SERVICES) {
    console.log(`  ${service.padEnd(22)} ${launcher.url(service)}  (health ${launcher.url(service, '/health')})`);
  }
  console.log(`\n  TAXII discovery        ${launcher.url('ingest-gateway', '/taxii2/')}`);
  console.log(`  federal TAXII root     ${launcher.url('version-publisher', '/federal/')}`);
  console.log(`  analyst web UI         ${launcher.url('review-service', '/analyst')}`);
  console.log(`  auditor dashboard      ${launcher.url('audit-projector', '/audit/dashboard')}  (Basic auth, auditor)`);
  console.log(`  Kafka                  ${stack.kafkaBrokers}`);
  console.log(`  logs                   ${logDir}`);
  console.log('\nDevelopment credentials (local only; kept in .local/dev-credentials.json):');
  console.log(`  admin API              Authorization: Bearer ${adminToken === DEVELOPMENT_ADMIN_TOKEN ? adminToken : '<AIS_ADMIN_TOKEN>'}`);
  for (const a of accounts) {
    console.log(`  ${a.role.padEnd(22)} ${a.username} / ${a.password}`);
  }
  console.log('\nCtrl-C stops everything.');
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
