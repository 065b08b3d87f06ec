import { CUSTOM_OBJECT_SCHEMA } from './common-properties';
import { DOMAIN_OBJECT_SCHEMAS } from './domain-objects';
import { META_OBJECT_SCHEMAS } from './meta-objects';
import { OBSERVABLE_OBJECT_SCHEMAS } from './observable-objects';
import { RELATIONSHIP_OBJECT_SCHEMAS } from './relationship-objects';
import type { JsonSchema } from './schema-parts';

/** One schema per STIX 2.1 object type, keyed by `type`. */
export const OBJECT_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map(
  Object.entries({ ...DOMAIN_OBJECT_SCHEMAS, ...RELATIONSHIP_OBJECT_SCHEMAS, ...OBSERVABLE_OBJECT_SCHEMAS, ...META_OBJECT_SCHEMAS }),
);

export { CUSTOM_OBJECT_SCHEMA };
export type { JsonSchema };
export { IPV6_CIDR_FORMAT, TIMESTAMP_FORMAT } from './schema-parts';
