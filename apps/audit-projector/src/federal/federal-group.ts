import { FEDERAL_ENTITIES, type FederalEntity } from '@ais/auth';

/** A federal entity's consumer group on the output topic: `federal.<entity>.<anything>`. */
export interface FederalGroup {
  readonly groupId: string;
  readonly entity: FederalEntity;
}

const ENTITIES: ReadonlySet<string> = new Set(FEDERAL_ENTITIES);

/**
 * The entity a consumer group delivers to, when its id (after the deployment's topic prefix) is
 * `federal.<entity>.<name>` and the entity is one of the seven; null for any other group.
 */
export function federalGroupOf(groupId: string, topicPrefix: string): FederalGroup | null {
  if (!groupId.startsWith(topicPrefix)) {
    return null;
  }
  const match = /^federal\.([a-z]+(?:-[a-z]+)*)\.(.+)$/.exec(groupId.slice(topicPrefix.length));
  const entity = match?.[1];
  return entity !== undefined && ENTITIES.has(entity) ? { groupId, entity: entity as FederalEntity } : null;
}
