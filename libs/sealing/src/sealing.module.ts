import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KeyStore } from './key-store';
import { PostgresKeyStore } from './postgres-key.store';
import { Sealer } from './sealer';
import { VaultKeyStore, type VaultKeyStoreOptions } from './vault-key.store';

export type KeyStoreChoice = { readonly kind: 'postgres'; readonly masterKeyBase64: string } | ({ readonly kind: 'vault' } & VaultKeyStoreOptions);

/** Provides the `Sealer` over the configured key store. */
@Module({})
export class SealingModule {
  static forRoot(choice: KeyStoreChoice): DynamicModule {
    return {
      module: SealingModule,
      global: true,
      providers: [
        {
          provide: Sealer,
          useFactory: (dataSource: DataSource) => new Sealer(keyStoreOf(choice, dataSource)),
          inject: [DataSource],
        },
      ],
      exports: [Sealer],
    };
  }
}

function keyStoreOf(choice: KeyStoreChoice, dataSource: DataSource): KeyStore {
  return choice.kind === 'vault' ? new VaultKeyStore(choice) : new PostgresKeyStore(dataSource, Buffer.from(choice.masterKeyBase64, 'base64'));
}
