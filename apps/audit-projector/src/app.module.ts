import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditCountsController } from './counts/audit-counts.controller';
import { AuditCountsMetrics } from './counts/audit-counts.metrics';
import { DailyCountsRepository } from './counts/daily-counts.repository';
import { DashboardController } from './dashboard/dashboard.controller';
import { FederalDeliveriesPoller, DEFAULT_FEDERAL_POLL_INTERVAL_MS, FEDERAL_POLL_INTERVAL_MS } from './federal/federal-deliveries.poller';
import { FederalDeliveriesRepository } from './federal/federal-deliveries.repository';
import { FederalEntitiesController } from './federal/federal-entities.controller';
import { AUDIT_PROJECTOR_SCHEMA, AUDIT_SCHEMA } from './migrations';
import { AuditProjection } from './projection/audit.projection';
import { AuditProjectionStore } from './projection/audit-projection.store';
import { UsageLogController } from './usage/usage-log.controller';
import { UsageLogRepository } from './usage/usage-log.repository';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'audit-projector', schema: AUDIT_PROJECTOR_SCHEMA.schema, config })],
      controllers: [AuditProjection, AuditCountsController, UsageLogController, FederalEntitiesController, DashboardController],
      providers: [
        { provide: AuditProjectionStore, useFactory: (dataSource: DataSource) => new AuditProjectionStore(dataSource, AUDIT_SCHEMA), inject: [DataSource] },
        { provide: FEDERAL_POLL_INTERVAL_MS, useValue: DEFAULT_FEDERAL_POLL_INTERVAL_MS },
        DailyCountsRepository,
        UsageLogRepository,
        FederalDeliveriesRepository,
        FederalDeliveriesPoller,
        AuditCountsMetrics,
      ],
    };
  }
}
