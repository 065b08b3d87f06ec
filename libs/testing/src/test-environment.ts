import { DEVELOPMENT_DATABASE_URL } from '@ais/config';

/** Where tests find the broker and database that `scripts/stack.sh` (or CI) started. */
export const TEST_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? DEVELOPMENT_DATABASE_URL;
