import { Matches } from 'class-validator';

/** The development default matches what `scripts/postgres.sh` starts. */
export const DEVELOPMENT_DATABASE_URL = 'postgres://ais:ais@127.0.0.1:54329/ais';

export class PostgresEnv {
  @Matches(/^postgres(ql)?:\/\//)
  DATABASE_URL: string = DEVELOPMENT_DATABASE_URL;
}
