import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';

/** What a read of TAXII root `federal` touched (the TAXII 2.1 resource, never its content). */
export const FEDERAL_READ_RESOURCES = ['api-root', 'collections', 'collection', 'objects', 'manifest', 'object', 'object-versions'] as const;
export type FederalReadResource = (typeof FEDERAL_READ_RESOURCES)[number];

/**
 * §4.1 "the federal entities with which indicators were shared" and §4.2 usage: one successful read
 * of TAXII root `federal` by a person or system of a federal entity (or an admin), with how many
 * object versions it returned. Never the objects themselves. Keyed by the reader's principal id.
 */
export class FederalObjectsReadV1 {
  /** The reader's principal id. */
  @IsUUID()
  principalId!: string;

  /** The reader's role (`federal-consumer`, or `admin`). */
  @Matches(/^[a-z]+(-[a-z]+)*$/)
  @MaxLength(50)
  role!: string;

  /** The appropriate federal entity the reader belongs to; absent for an admin. */
  @IsOptional()
  @Matches(/^[a-z]+(-[a-z]+)*$/)
  @MaxLength(50)
  federalEntity?: string;

  @IsIn(FEDERAL_READ_RESOURCES)
  resource!: FederalReadResource;

  /** The STIX id asked for, on the `object` and `object-versions` resources. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  objectId?: string;

  /** Object versions (or their manifest records) the response carried. */
  @IsInt()
  @Min(0)
  objectCount!: number;

  @IsISO8601({ strict: true })
  readAt!: string;
}
