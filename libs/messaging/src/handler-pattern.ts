import type { EventType } from '@ais/contracts';

/**
 * The pattern under which a Nest handler is registered: consumer group and event type. A process
 * may run several consumer groups (a pipeline stage and a projection), and Nest hands every
 * handler to every transport, so each transport picks the handlers of its own group.
 */
export function consumes(group: string, type: EventType): string {
  return `${group}:${type}`;
}

export function typeInPattern(pattern: string, group: string): string | null {
  const prefix = `${group}:`;
  return pattern.startsWith(prefix) ? pattern.slice(prefix.length) : null;
}
