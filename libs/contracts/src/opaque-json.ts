/** Class → the properties it marks itself (its parents' marks are found by walking the chain). */
const ownMarks = new Map<object, string[]>();
const resolved = new WeakMap<object, readonly string[]>();

/**
 * Marks a payload property that holds JSON the contract does not type: STIX objects, a profile, a
 * path → value map. Its own validators (`@IsObject`, `@IsArray`, …) check it as it stands, and
 * decodeEvent keeps it out of class-transformer, which would otherwise deep-copy it into the
 * payload instance on every decode only for those validators to look at the copy. Never on a
 * property with `@Type`/`@ValidateNested`: those need their class instances.
 */
export function OpaqueJson(): PropertyDecorator {
  return (prototype, property) => {
    if (typeof property !== 'string') {
      throw new TypeError('@OpaqueJson() marks a named property');
    }
    const marks = ownMarks.get(prototype.constructor) ?? [];
    marks.push(property);
    ownMarks.set(prototype.constructor, marks);
    resolved.delete(prototype.constructor);
  };
}

/** The properties of `payloadClass` and of the classes it extends marked `@OpaqueJson()`. */
export function opaqueJsonProperties(payloadClass: abstract new () => object): readonly string[] {
  const known = resolved.get(payloadClass);
  if (known !== undefined) {
    return known;
  }
  const properties = new Set<string>();
  for (let type: unknown = payloadClass; typeof type === 'function' && type !== Function.prototype; type = Object.getPrototypeOf(type)) {
    for (const property of ownMarks.get(type) ?? []) {
      properties.add(property);
    }
  }
  const result = [...properties];
  resolved.set(payloadClass, result);
  return result;
}
