/** Data key ids are UUIDs, whichever store keeps the keys. */
export class InvalidKeyIdError extends Error {
  constructor() {
    super('a data key id must be a UUID');
    this.name = 'InvalidKeyIdError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(keyId: string): boolean {
  return UUID.test(keyId);
}
