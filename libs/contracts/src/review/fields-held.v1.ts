import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDefined, IsISO8601, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { SealedBlob } from '../sealed-blob';

/** One field withheld from an object: where it was and why, never what it held. */
export class HeldField {
  /** JSON path inside the object, e.g. `description` or `external_references[0].description`. */
  @IsString()
  @MaxLength(500)
  path!: string;

  /** The detector that fired (`email`, `person-name`, …). */
  @IsString()
  @MaxLength(100)
  detector!: string;

  @IsString()
  @MaxLength(300)
  reason!: string;
}

/**
 * §2.3.2.1/§2.3.2.2: fields pii-filter withheld from one object version for human review. The
 * values travel only sealed, under a key of their own that review-service destroys once an analyst
 * has decided. Keyed by the STIX object id.
 */
export class FieldsHeldV1 {
  @IsUUID()
  submissionId!: string;

  @IsString()
  @MaxLength(300)
  objectId!: string;

  @IsString()
  @MaxLength(100)
  objectType!: string;

  /** The `modified` of the version published without these fields. */
  @IsISO8601({ strict: true })
  objectVersion!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => HeldField)
  fields!: HeldField[];

  /** Seals `{ values: Record<path, unknown>, object: StixObject }`: the held values in their object's context. */
  @IsDefined()
  @ValidateNested()
  @Type(() => SealedBlob)
  sealedValues!: SealedBlob;
}
