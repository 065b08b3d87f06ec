import { IsISO8601, IsOptional, IsUUID, Matches, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** A detail value: a short word, a number or a flag; never free text from a submission. */
export type UsageDetailValue = string | number | boolean;

const DETAIL_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
const DETAIL_TEXT = /^[a-zA-Z0-9._:/-]{0,100}$/;
const MAX_DETAIL_KEYS = 10;

@ValidatorConstraint({ name: 'isUsageDetail' })
class IsUsageDetail implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return false;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    return (
      entries.length <= MAX_DETAIL_KEYS &&
      entries.every(
        ([key, entry]) =>
          DETAIL_KEY.test(key) &&
          ((typeof entry === 'string' && DETAIL_TEXT.test(entry)) || (typeof entry === 'number' && Number.isFinite(entry)) || typeof entry === 'boolean'),
      )
    );
  }

  defaultMessage(): string {
    return '$property must map at most 10 camelCase keys to short words, numbers or booleans';
  }
}

/**
 * §4.2: an action a person took that no domain event already records (today: the admin API's
 * principal creation). Who (`actor`, in which `role`), did what (`action`, dotted lowercase,
 * e.g. `admin.principal.create`), to what (`resource`, `<kind>/<id>`), when. Keyed by the actor.
 */
export class UsageRecordedV1 {
  /** The acting principal's id (the bootstrap admin has the nil UUID). */
  @IsUUID('all')
  actor!: string;

  @Matches(/^[a-z]+(-[a-z]+)*$/)
  @MaxLength(50)
  role!: string;

  @Matches(/^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$/)
  @MaxLength(100)
  action!: string;

  @Matches(/^[a-z]+(-[a-z]+)*(\/[A-Za-z0-9._:-]{1,300})?$/)
  @MaxLength(350)
  resource!: string;

  @IsISO8601({ strict: true })
  at!: string;

  /** A few facts about the action (the role a created principal got …), never a submitted value. */
  @IsOptional()
  @Validate(IsUsageDetail)
  detail?: Record<string, UsageDetailValue>;
}
