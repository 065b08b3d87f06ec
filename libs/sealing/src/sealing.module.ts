import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostgresKeyStore } from './postgres-key.store';
import { Sealer } from './sealer';

/** Provides the `Sealer` over the PostgreSQL key store (a KMS/Vault store in production). */
@Module({})
export class SealingModule {
  static forRoot(options: { masterKeyBase64: string }): DynamicModule {
    return {
      module: SealingModule,
      global: true,
      providers: [
        {
          provide: Sealer,
          useFactory: (dataSource: DataSource) => new Sealer(new PostgresKeyStore(dataSource, Buffer.from(options.masterKeyBase64, 'base64'))),
          inject: [DataSource],
        },
      ],
      exports: [Sealer],
    };
  }
}
