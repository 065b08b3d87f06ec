import type { SecurityEnv } from '@ais/config';
import type { KeyStoreChoice } from '@ais/sealing';

/** The key store a service reads from its environment (deploy/k8s `prod` chooses Vault). */
export function keyStoreChoice(env: SecurityEnv): KeyStoreChoice {
  if (env.AIS_KEY_STORE === 'vault') {
    // Validation requires both with the `vault` store.
    return { kind: 'vault', address: env.AIS_VAULT_ADDR!, token: env.AIS_VAULT_TOKEN!, mount: env.AIS_VAULT_KV_MOUNT, prefix: env.AIS_VAULT_KEY_PREFIX };
  }
  return { kind: 'postgres', masterKeyBase64: env.AIS_MASTER_KEY };
}
