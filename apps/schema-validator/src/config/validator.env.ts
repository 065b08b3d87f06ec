import { loadConfig, type LoadedConfig } from '@ais/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' ? Number.parseInt(value, 10) : value);

/** schema-validator's own settings, on top of the fragments every service reads. */
export class ValidatorEnv {
  /**
   * `1` replaces the system clock of the change-control board with one that tests can move forward
   * (`POST /test/clock/advance`, admin only). That endpoint does not exist otherwise.
   */
  @IsIn(['0', '1'])
  AIS_TEST_CLOCK = '0';

  /** How often the board checks for objection windows that have closed (presumed concurrence). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  AIS_PROFILE_TICK_MS = 10_000;

  /** How long a board command waits for the change-control projection to catch up with the log. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(120_000)
  AIS_PROFILE_CATCH_UP_MS = 15_000;
}

export const VALIDATOR_ENV = { validator: ValidatorEnv };
export type ValidatorConfig = LoadedConfig<typeof VALIDATOR_ENV>;
export const VALIDATOR_CONFIG = Symbol('VALIDATOR_CONFIG');

export function loadValidatorConfig(env?: NodeJS.ProcessEnv): ValidatorConfig {
  return env === undefined ? loadConfig(VALIDATOR_ENV) : loadConfig(VALIDATOR_ENV, env);
}
