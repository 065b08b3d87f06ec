import { randomUUID } from 'node:crypto';

/** `test-<uuid>`: topics, groups and schemas of one test never meet another's. */
export function uniqueName(label = 'test'): string {
  return `${label}-${randomUUID().slice(0, 13)}`;
}
