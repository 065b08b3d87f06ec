import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuditCountsController } from './counts/audit-counts.controller';
import { AuditCountsProjection } from './counts/daily-counts.projection';
import { DailyCountsRepository } from './counts/daily-counts.repository';
import { AUDIT_PROJECTOR_SCHEMA } from './migrations';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'audit-projector', schema: AUDIT_PROJECTOR_SCHEMA.schema, config })],
      controllers: [AuditCountsProjection, AuditCountsController],
      providers: [DailyCountsRepository],
    };
  }
}
