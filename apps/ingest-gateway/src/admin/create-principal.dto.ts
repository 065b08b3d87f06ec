import { CONSENT_LEVELS, type ConsentLevel } from '@ais/contracts';
import { FEDERAL_ENTITIES, ROLES, type FederalEntity, type Role } from '@ais/auth';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class CreatePrincipalDto {
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3-64 lowercase letters, digits, dots, hyphens or underscores' })
  username!: string;

  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsString()
  @Length(1, 200)
  organisation!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  sectors?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  state?: string;

  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @IsOptional()
  @IsIn(CONSENT_LEVELS)
  defaultConsent?: ConsentLevel;

  /** Required for, and only for, federal consumers: one per appropriate federal entity. */
  @ValidateIf((dto: CreatePrincipalDto) => dto.role === 'federal-consumer' || dto.federalEntity !== undefined)
  @IsIn(FEDERAL_ENTITIES)
  federalEntity?: FederalEntity;

  /**
   * SHA-256 fingerprint of the principal's TLS client certificate (64 hex digits, or the
   * colon-separated form `openssl x509 -noout -fingerprint -sha256` prints). A certificate that
   * the HTTPS listener verifies and finds here authenticates the principal without a password.
   */
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|(?:[0-9a-fA-F]{2}:){31}[0-9a-fA-F]{2})$/, {
    message: 'clientCertificateSha256 must be a SHA-256 fingerprint: 64 hex digits, optionally colon-separated',
  })
  clientCertificateSha256?: string;
}
