import { getMetadataStorage, IsObject, ValidateNested } from 'class-validator';
import { EVENT_CATALOG } from './event-catalog';
import { OpaqueJson, opaqueJsonProperties } from './opaque-json';

/** Which kinds of validation class-validator registered for one property of a class. */
function validationKinds(payloadClass: new () => object, property: string): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(payloadClass, '', true, false)
    .filter((metadata) => metadata.propertyName === property)
    .map((metadata) => metadata.type);
}

describe('@OpaqueJson()', () => {
  it('is found on the class that declares it and on the classes extending it', () => {
    class Parent {
      @OpaqueJson()
      @IsObject()
      content!: Record<string, unknown>;
    }
    class Child extends Parent {
      @OpaqueJson()
      @IsObject()
      more!: Record<string, unknown>;
    }

    expect(opaqueJsonProperties(Parent)).toEqual(['content']);
    expect([...opaqueJsonProperties(Child)].sort()).toEqual(['content', 'more']);
  });

  it('marks, in every event of the catalog, only properties that have validators of their own and no nested class', () => {
    let marked = 0;
    for (const [type, { payloadClass }] of Object.entries(EVENT_CATALOG)) {
      for (const property of opaqueJsonProperties(payloadClass)) {
        marked++;
        const kinds = validationKinds(payloadClass, property);
        expect({ type, property, validated: kinds.length > 0 }).toEqual({ type, property, validated: true });
        expect({ type, property, nested: kinds.includes('nestedValidation') }).toEqual({ type, property, nested: false });
      }
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('lets the catalog check see a nested class, so a wrong mark would be caught', () => {
    class Inner {
      @IsObject()
      value!: Record<string, unknown>;
    }
    class Outer {
      @ValidateNested()
      inner!: Inner;
    }

    expect(validationKinds(Outer, 'inner')).toContain('nestedValidation');
  });
});
