import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { toInt } from './to-int';

/** The development default matches what `scripts/postgres.sh` starts. */
export const DEVELOPMENT_DATABASE_URL = 'postgres://ais:ais@127.0.0.1:54329/ais';

export class PostgresEnv {
  @Matches(/^postgres(ql)?:\/\//)
  DATABASE_URL: string = DEVELOPMENT_DATABASE_URL;

  /**
   * Connections a service process may hold (opened on demand, closed when idle). A TAXII POST
   * holds one until its event is in the log, so at 10 the pool, not the CPU, capped the gateway
   * in the pipeline benchmark (docs/benchmarks.md). Replicas × this must stay under the server's
   * `max_connections`.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 20;
}
