import { CONSENT_LEVELS, MANUAL_SUBMISSION_KINDS, type ConsentLevel, type ManualSubmissionKind } from '@ais/contracts';
import { plainToInstance } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  isFQDN,
  isIP,
  isURL,
  isEmail,
  MaxLength,
  registerDecorator,
  validateSync,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';

/**
 * The one field validator of both manual channels (§3.2.1 web form, §3.2.2 e-mail): which fields
 * are required, what each must look like, and how a raw value is normalised. Messages name the
 * rule, never the value: they are shown to the submitter, and a value must never reach a log.
 */

export const OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'file-sha256', 'email-address'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export const OBSERVABLE_TYPE_LABELS: Readonly<Record<ObservableType, string>> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  domain: 'Domain name',
  url: 'URL',
  'file-sha256': 'File SHA-256 hash',
  'email-address': "Attacker's e-mail address",
};

/** The TLP levels a manual submission may carry (TLP:RED is not shared through AIS). */
export const TLP_LEVELS = ['white', 'green', 'amber'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** The 16 critical infrastructure sectors (PPD-21, as CISA lists them), and Other. */
export const SECTORS = {
  chemical: 'Chemical',
  'commercial-facilities': 'Commercial Facilities',
  communications: 'Communications',
  'critical-manufacturing': 'Critical Manufacturing',
  dams: 'Dams',
  'defense-industrial-base': 'Defense Industrial Base',
  'emergency-services': 'Emergency Services',
  energy: 'Energy',
  'financial-services': 'Financial Services',
  'food-and-agriculture': 'Food and Agriculture',
  'government-facilities': 'Government Facilities',
  'healthcare-and-public-health': 'Healthcare and Public Health',
  'information-technology': 'Information Technology',
  'nuclear-reactors-materials-and-waste': 'Nuclear Reactors, Materials, and Waste',
  'transportation-systems': 'Transportation Systems',
  'water-and-wastewater-systems': 'Water and Wastewater Systems',
  other: 'Other',
} as const;
export type Sector = keyof typeof SECTORS;
export const SECTOR_IDS = Object.keys(SECTORS) as Sector[];

export const MAX_TITLE = 200;
export const MAX_TEXT = 5_000;
export const MAX_OBSERVABLE_VALUE = 2_048;
export const MAX_NAME = 200;
export const MAX_PLACE = 100;

/** Every field of a manual submission, in form order. */
export const FIELD_NAMES = [
  'kind',
  'title',
  'description',
  'observableType',
  'observableValue',
  'action',
  'tlp',
  'organisation',
  'contactEmail',
  'sector',
  'city',
  'state',
  'country',
  'consent',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** How each field is called: in messages (`name`), on the form (`label`), as a mail `Key:` line. */
export const FIELD_LABELS: Readonly<Record<FieldName, { readonly name: string; readonly label: string; readonly mailKey: string }>> = {
  kind: { name: 'Kind (indicator or defensive measure)', label: 'What are you reporting?', mailKey: 'Kind' },
  title: { name: 'Title', label: 'Title', mailKey: 'Title' },
  description: { name: 'Description', label: 'Description', mailKey: 'Description' },
  observableType: { name: 'Observable type', label: 'Observable type', mailKey: 'Observable-Type' },
  observableValue: { name: 'Observable value', label: 'Observable value', mailKey: 'Observable-Value' },
  action: { name: 'Recommended action', label: 'Recommended action', mailKey: 'Action' },
  tlp: { name: 'TLP', label: 'Traffic Light Protocol (TLP)', mailKey: 'TLP' },
  organisation: { name: 'Organisation', label: 'Organisation', mailKey: 'Organisation' },
  contactEmail: { name: 'Contact e-mail', label: 'Contact e-mail', mailKey: 'Contact' },
  sector: { name: 'Sector', label: 'Sector', mailKey: 'Sector' },
  city: { name: 'City', label: 'City', mailKey: 'City' },
  state: { name: 'State', label: 'State or province', mailKey: 'State' },
  country: { name: 'Country', label: 'Country', mailKey: 'Country' },
  consent: { name: 'Consent', label: 'May we share who you are?', mailKey: 'Consent' },
};

/** Field values as a channel received them: trimmed strings, or nothing. */
export type RawFields = Partial<Record<FieldName, string>>;

/** A valid submission's fields, normalised (the plaintext that gets sealed). */
export interface ManualSubmissionFields {
  readonly kind: ManualSubmissionKind;
  readonly title?: string;
  readonly description?: string;
  readonly observableType?: ObservableType;
  readonly observableValue?: string;
  readonly action?: string;
  readonly tlp?: TlpLevel;
  readonly organisation: string;
  readonly contactEmail: string;
  readonly sector: Sector;
  readonly city?: string;
  readonly state?: string;
  readonly country: string;
  readonly consent: ConsentLevel;
}

export interface FieldProblem {
  readonly field: FieldName;
  readonly problem: 'missing' | 'invalid';
  /** Shown to the submitter; names the rule, never the value. */
  readonly message: string;
}

export type FieldValidation = { readonly ok: true; readonly fields: ManualSubmissionFields } | { readonly ok: false; readonly problems: FieldProblem[] };

export interface ValidationMode {
  /**
   * Present when an e-mail carried STIX attachments: the types of the objects read from them. The
   * objects take the place of the content fields (kind, title, observable, action, TLP), which
   * become optional; who sent it stays required; the kind, when not given, follows from the types.
   */
  readonly stixObjectTypes?: readonly string[];
}

/** The web form's mode, and a mail's without STIX attachments. */
export const FIELDS_ONLY: ValidationMode = {};

const MISSING = 'missing';

/** A required field is validated when present, and also when absent, to report it missing. */
const contentField = (field: FieldName) => (dto: ManualSubmissionDto) => !dto.stixAttached || dto[field] !== undefined;
const kindField = (kind: ManualSubmissionKind, field: FieldName) => (dto: ManualSubmissionDto) =>
  (!dto.stixAttached && dto.kind === kind) || dto[field] !== undefined;

/** The observable value must fit its type; without a valid type only the type is reported. */
function IsObservableValue() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isObservableValue',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const type = (args.object as ManualSubmissionDto).observableType;
          return typeof value !== 'string' || !isObservableType(type) || observableValueFits(type, value);
        },
        defaultMessage: (args: ValidationArguments) => observableMessage((args.object as ManualSubmissionDto).observableType),
      },
    });
}

export class ManualSubmissionDto {
  /** Set by the channel, never by the sender. */
  stixAttached = false;

  @ValidateIf(contentField('kind'))
  @IsDefined({ message: MISSING })
  @IsIn(MANUAL_SUBMISSION_KINDS, { message: 'must be an indicator or a defensive measure' })
  kind?: ManualSubmissionKind;

  @ValidateIf(contentField('title'))
  @IsDefined({ message: MISSING })
  @IsString()
  @MaxLength(MAX_TITLE, { message: `must be at most ${MAX_TITLE} characters` })
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT, { message: `must be at most ${MAX_TEXT} characters` })
  description?: string;

  @ValidateIf(kindField('indicator', 'observableType'))
  @IsDefined({ message: MISSING })
  @IsIn(OBSERVABLE_TYPES, { message: `must be one of: ${OBSERVABLE_TYPES.map((type) => OBSERVABLE_TYPE_LABELS[type]).join(', ')}` })
  observableType?: ObservableType;

  @ValidateIf(kindField('indicator', 'observableValue'))
  @IsDefined({ message: MISSING })
  @IsString()
  @MaxLength(MAX_OBSERVABLE_VALUE, { message: `must be at most ${MAX_OBSERVABLE_VALUE} characters` })
  @IsObservableValue()
  observableValue?: string;

  @ValidateIf(kindField('defensive-measure', 'action'))
  @IsDefined({ message: MISSING })
  @IsString()
  @MaxLength(MAX_TEXT, { message: `must be at most ${MAX_TEXT} characters` })
  action?: string;

  @ValidateIf(contentField('tlp'))
  @IsDefined({ message: MISSING })
  @IsIn(TLP_LEVELS, { message: 'must be TLP:WHITE, TLP:GREEN or TLP:AMBER' })
  tlp?: TlpLevel;

  @IsDefined({ message: MISSING })
  @IsString()
  @MaxLength(MAX_NAME, { message: `must be at most ${MAX_NAME} characters` })
  organisation?: string;

  @IsDefined({ message: MISSING })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254, { message: 'must be at most 254 characters' })
  contactEmail?: string;

  @IsDefined({ message: MISSING })
  @IsIn(SECTOR_IDS, { message: 'must be one of the 16 critical infrastructure sectors, or Other' })
  sector?: Sector;

  /** The approximate location always travels (§2.3.1.3); the AIS Profile wants a city or a state. */
  @ValidateIf((dto: ManualSubmissionDto) => dto.state === undefined || dto.city !== undefined)
  @IsDefined({ message: MISSING })
  @IsString()
  @MaxLength(MAX_PLACE, { message: `must be at most ${MAX_PLACE} characters` })
  city?: string;

  @IsOptional()
  @IsString()
  @MaxLength(MAX_PLACE, { message: `must be at most ${MAX_PLACE} characters` })
  state?: string;

  @IsDefined({ message: MISSING })
  @IsISO31661Alpha2({ message: 'must be a two-letter ISO 3166-1 country code' })
  country?: string;

  @IsDefined({ message: MISSING })
  @IsIn(CONSENT_LEVELS, { message: 'must be none, usg or everyone' })
  consent?: ConsentLevel;
}

/**
 * Normalises raw values (case, aliases, kind-irrelevant fields dropped), validates them and
 * returns the fields or every problem at once, in form order.
 */
export function validateManualFields(raw: RawFields, mode: ValidationMode): FieldValidation {
  const normalised = normaliseFields(raw);
  const stixObjectTypes = mode.stixObjectTypes ?? [];
  const dto = plainToInstance(ManualSubmissionDto, { ...normalised, stixAttached: mode.stixObjectTypes !== undefined });
  const problems: FieldProblem[] = [];
  for (const error of validateSync(dto, { forbidUnknownValues: true })) {
    const field = error.property as FieldName;
    const constraints = error.constraints ?? {};
    if ('isDefined' in constraints) {
      problems.push({ field, problem: 'missing', message: field === 'city' ? 'or state is required' : 'is required' });
      continue;
    }
    problems.push({ field, problem: 'invalid', message: Object.values(constraints)[0] ?? 'is not valid' });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => FIELD_NAMES.indexOf(a.field) - FIELD_NAMES.indexOf(b.field));
    return { ok: false, problems };
  }
  const fields = Object.fromEntries(FIELD_NAMES.filter((name) => normalised[name] !== undefined).map((name) => [name, normalised[name]]));
  fields.kind ??= kindOfStixObjects(stixObjectTypes);
  return { ok: true, fields: fields as unknown as ManualSubmissionFields };
}

/** The kind a mail's STIX objects stand for, when the sender did not say. */
export function kindOfStixObjects(types: readonly string[]): ManualSubmissionKind {
  return types.includes('course-of-action') && !types.includes('indicator') ? 'defensive-measure' : 'indicator';
}

function normaliseFields(raw: RawFields): RawFields {
  const fields: RawFields = {};
  for (const name of FIELD_NAMES) {
    const value = raw[name]?.trim();
    if (value !== undefined && value !== '') {
      fields[name] = normaliseValue(name, value);
    }
  }
  // A form shows both kinds' fields; what does not belong to the chosen kind is dropped.
  if (fields.kind === 'indicator') {
    delete fields.action;
  } else if (fields.kind === 'defensive-measure') {
    delete fields.observableType;
    delete fields.observableValue;
  }
  if (fields.observableType === 'file-sha256' && fields.observableValue !== undefined) {
    fields.observableValue = fields.observableValue.toLowerCase();
  }
  return fields;
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const OBSERVABLE_TYPE_ALIASES: Readonly<Record<string, ObservableType>> = {
  ipv4: 'ipv4',
  'ipv4-address': 'ipv4',
  'ipv4-addr': 'ipv4',
  ip: 'ipv4',
  ipv6: 'ipv6',
  'ipv6-address': 'ipv6',
  'ipv6-addr': 'ipv6',
  domain: 'domain',
  'domain-name': 'domain',
  url: 'url',
  'file-sha256': 'file-sha256',
  'file-sha-256': 'file-sha256',
  'file-sha-256-hash': 'file-sha256',
  sha256: 'file-sha256',
  'sha-256': 'file-sha256',
  'email-address': 'email-address',
  'e-mail-address': 'email-address',
  email: 'email-address',
  'e-mail': 'email-address',
  'email-addr': 'email-address',
  'attacker-s-e-mail-address': 'email-address',
};

function normaliseValue(name: FieldName, value: string): string {
  switch (name) {
    case 'kind': {
      const kind = slug(value);
      return kind === 'defensive' || kind === 'measure' ? 'defensive-measure' : kind;
    }
    case 'observableType':
      return OBSERVABLE_TYPE_ALIASES[slug(value)] ?? value;
    case 'tlp':
      return value.toLowerCase().replace(/^tlp\s*:\s*/, '');
    case 'sector': {
      const id = slug(value);
      return id in SECTORS ? id : (SECTOR_IDS.find((sector) => slug(SECTORS[sector]) === id) ?? value);
    }
    case 'country':
      return value.toUpperCase();
    case 'consent':
      return value.toLowerCase();
    case 'title':
    case 'description':
    case 'observableValue':
    case 'action':
    case 'organisation':
    case 'contactEmail':
    case 'city':
    case 'state':
      return value;
    default: {
      const unknownField: never = name;
      return unknownField;
    }
  }
}

function isObservableType(value: unknown): value is ObservableType {
  return typeof value === 'string' && (OBSERVABLE_TYPES as readonly string[]).includes(value);
}

function ipWithOptionalPrefix(value: string, version: 4 | 6): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0 || address === undefined || !isIP(address, version)) {
    return false;
  }
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

export function observableValueFits(type: ObservableType, value: string): boolean {
  switch (type) {
    case 'ipv4':
      return ipWithOptionalPrefix(value, 4);
    case 'ipv6':
      return ipWithOptionalPrefix(value, 6);
    case 'domain':
      return isFQDN(value, { require_tld: true, allow_underscores: true, allow_trailing_dot: false });
    case 'url':
      return isURL(value, { require_protocol: true, protocols: ['http', 'https', 'ftp', 'ftps'], require_tld: false, allow_underscores: true });
    case 'file-sha256':
      return /^[0-9a-fA-F]{64}$/.test(value);
    case 'email-address':
      return isEmail(value);
    default: {
      const unknownType: never = type;
      return unknownType;
    }
  }
}

function observableMessage(type: ObservableType | undefined): string {
  switch (type) {
    case 'ipv4':
      return 'must be an IPv4 address, optionally with a /prefix';
    case 'ipv6':
      return 'must be an IPv6 address, optionally with a /prefix';
    case 'domain':
      return 'must be a fully qualified domain name';
    case 'url':
      return 'must be a URL starting with http://, https://, ftp:// or ftps://';
    case 'file-sha256':
      return 'must be 64 hexadecimal digits';
    case 'email-address':
      return 'must be an e-mail address';
    case undefined:
      return 'does not match the observable type';
    default: {
      const unknownType: never = type;
      return unknownType;
    }
  }
}
