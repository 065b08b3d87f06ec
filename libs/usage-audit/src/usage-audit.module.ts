import { EventPublisher } from '@ais/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { UsageAuditPublisher } from './usage-audit.publisher';

/**
 * Provides {@link UsageAuditPublisher} over the service's `EventPublisher` (MessagingModule is
 * global in every service): `imports: [UsageAuditModule.forRoot({ producer: 'ingest-gateway' })]`.
 */
@Module({})
export class UsageAuditModule {
  static forRoot(options: { producer: string }): DynamicModule {
    return {
      module: UsageAuditModule,
      providers: [{ provide: UsageAuditPublisher, useFactory: (publisher: EventPublisher) => new UsageAuditPublisher(publisher, options.producer), inject: [EventPublisher] }],
      exports: [UsageAuditPublisher],
    };
  }
}
