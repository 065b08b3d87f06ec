import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Min } from 'class-validator';
import { OpaqueJson } from '../opaque-json';

export const PROFILE_VERSION_CAUSES = ['baseline', 'proposal', 'emergency'] as const;
export type ProfileVersionCause = (typeof PROFILE_VERSION_CAUSES)[number];

/**
 * A version of the AIS Profile, in full, as schema-validator checks submissions against it from now
 * on. Versions are numbered 1, 2, 3 … without gaps; version 1 is the committed baseline.
 */
export class ProfileVersionPublishedV1 {
  @IsInt()
  @Min(1)
  version!: number;

  /** The profile's content (`AisProfile` of `@ais/ais-profile`); schema-validator checks its coherence. */
  @OpaqueJson()
  @IsObject()
  profile!: Record<string, unknown>;

  @IsIn(PROFILE_VERSION_CAUSES)
  cause!: ProfileVersionCause;

  /** The proposal or emergency change the version carries; absent for the baseline. */
  @IsOptional()
  @IsUUID()
  causeId?: string;
}
