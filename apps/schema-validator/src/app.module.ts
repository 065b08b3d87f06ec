import type { ServiceConfig } from '@ais/config';
import { ServiceModule } from '@ais/platform';
import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { ChangeControlAdapter } from './change-control/change-control.adapter';
import { ChangeControlController } from './change-control/change-control.controller';
import { ObjectionWindowAdapter } from './change-control/objection-window.adapter';
import { ProfileChangesProjection } from './change-control/profile-changes.projection';
import { ProposalsRepository } from './change-control/proposals.repository';
import { AdjustableClock, CLOCK, SystemClock } from './clock/clock';
import { TestClockController } from './clock/test-clock.controller';
import { VALIDATOR_CONFIG, type ValidatorConfig } from './config/validator.env';
import { SCHEMA_VALIDATOR_SCHEMA } from './migrations';
import { ProfileController } from './profile/profile.controller';
import { ProfileVersionsRepository } from './profile/profile-versions.repository';
import { ValidateSubmissionAdapter } from './validate/validate-submission.adapter';
import { ValidationMetrics } from './validate/validation.metrics';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig, validator: ValidatorConfig): DynamicModule {
    const testClock = validator.validator.AIS_TEST_CLOCK === '1';
    const controllers: Type[] = [ValidateSubmissionAdapter, ProfileChangesProjection, ProfileController, ChangeControlController];
    const providers: Provider[] = [
      { provide: VALIDATOR_CONFIG, useValue: validator },
      // With AIS_TEST_CLOCK=1 (tests only) the board's clock can be advanced through /test/clock.
      { provide: CLOCK, useValue: testClock ? new AdjustableClock() : new SystemClock() },
      ProfileVersionsRepository,
      ProposalsRepository,
      ChangeControlAdapter,
      ObjectionWindowAdapter,
      ValidationMetrics,
    ];
    return {
      module: AppModule,
      imports: [ServiceModule.forRoot({ service: 'schema-validator', schema: SCHEMA_VALIDATOR_SCHEMA.schema, config })],
      controllers: testClock ? [...controllers, TestClockController] : controllers,
      providers,
    };
  }
}
