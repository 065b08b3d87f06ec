/**
 * Every regular expression of the screening engine, in one place, so that `patterns.spec.ts` can
 * prove each one safe: statically (recheck reports "safe" — no exponential or polynomial
 * backtracking) and at run time (50 KB adversarial inputs within a time bound). A spec also fails
 * when a regular expression literal or `new RegExp` appears anywhere else under `libs/pii/src`.
 *
 * Rules for adding one:
 * - bound every repetition that can meet itself (`{1,64}` rather than `+`) unless recheck says the
 *   unbounded form is linear;
 * - start scanning patterns with a look-behind that stops a match from starting inside a run
 *   (`(?<![\w-])`), which keeps the scan linear;
 * - no back-references, no nested unbounded quantifiers;
 * - global patterns are only used through `String.prototype.matchAll` (which copies the pattern, so
 *   `lastIndex` of these shared objects never changes); anchored ones through `.test`.
 */
export const PII_PATTERNS = {
  // --- identifiers with checksums or range rules -------------------------------------------------
  /** SSN written with separators: 3-2-4 digits, '-' or ' ' (the detector checks both are equal). */
  ssnDelimited: /(?<![\w-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w-])/g,
  /** A bare nine-digit run: an SSN only with context, an ABA routing number only with its checksum. */
  nineDigits: /(?<![\w-])\d{9}(?![\w-])/g,
  /** 12–19 digits, single spaces or dashes allowed between them: payment-card candidates. */
  cardCandidate: /(?<![\w-])\d(?:[ -]?\d){11,18}(?![\w-])/g,
  /** Country code, check digits, 11–30 alphanumerics in optional groups: IBAN candidates. */
  ibanCandidate: /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])/g,
  /** Digits with phone punctuation: handed to libphonenumber-js, which decides. */
  phoneCandidate: /(?<![\w.+-])(?:\+|00)?\(?\d[\d ()./-]{5,22}\d(?!\w)/g,

  // --- identifiers that need context words ------------------------------------------------------
  /** 6–17 digits, single spaces or dashes allowed: bank-account candidates (context required). */
  accountCandidate: /(?<![\w-])\d(?:[ -]?\d){5,16}(?![\w-])/g,
  /** Up to two letters then 6–9 digits: passport candidates (context required). */
  passportCandidate: /(?<![A-Za-z0-9])[A-Z]{0,2}\d{6,9}(?![A-Za-z0-9])/g,
  /** Up to two letters, digits with dashes, 5–18 long: driver-licence candidates (context required). */
  licenceCandidate: /(?<![A-Za-z0-9-])[A-Z]{0,2}\d[\d-]{3,16}\d(?![A-Za-z0-9-])/g,

  // --- addresses ---------------------------------------------------------------------------------
  /** House number, one to four name words, a street suffix: `1600 Pennsylvania Ave`, `221B Baker St`. */
  streetAddress:
    /(?<![\w-])\d{1,6}[A-Za-z]?(?: (?:[NSEW]\.?|[A-Z][a-z]{1,20}\.?|\d{1,3}(?:st|nd|rd|th))){1,4} (?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Plaza|Alley|Crescent|Close|Row|Mews|Gardens|Grove)\b/g,
  /** `P.O. Box 1234`. */
  poBox: /\bP\.? ?O\.? ?Box \d{1,6}\b/gi,

  // --- user names in paths -----------------------------------------------------------------------
  /** `\Users\` and `\Documents and Settings\` (either slash); the detector reads the name after it. */
  windowsProfileDirectory: /[\\/](?:users|documents and settings)[\\/]/gi,
  /** `/home/<name>`, `/Users/<name>`, `/export/home/<name>`, `/var/mail/<name>`. */
  unixHomePath: /(?<![\w.-])\/(?:home|Users|export\/home|var\/mail|var\/spool\/mail)\/([A-Za-z0-9._-]{1,64})/g,

  // --- URLs --------------------------------------------------------------------------------------
  /** A query or fragment parameter `name=value` after `?`, `&`, `;` or `#`. */
  queryParameter: /[?&;#]([A-Za-z_][A-Za-z0-9_.[\]-]{0,40})=([^&#;\s"'<>]{0,2048})/g,
  /** A base64 fragment (`#am9obkBleGFtcGxlLmNvbQ==`), as phishing kits append the victim's address. */
  base64Fragment: /#([A-Za-z0-9+/_-]{12,512}={0,2})(?![A-Za-z0-9+/=_-])/g,
  // --- credentials -------------------------------------------------------------------------------
  /** `password=`, `pwd: `, `api_key = "`: a secret-named key and its assignment; the detector reads the value after it. */
  secretAssignment:
    /\b(?:password|passwd|passwort|pass|pwd|passphrase|secret|client[_-]?secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|session[_-]?token|private[_-]?key|token)\b["']?[ \t]{0,3}[:=][ \t]{0,3}["']?/gi,
  /** `Authorization: Bearer …`, `Basic …`. */
  authorizationScheme: /\b(?:Bearer|Basic)[ \t]{1,3}([A-Za-z0-9._~+/-]{16,2048}={0,2})/g,
  /** AWS access key ids. */
  awsAccessKeyId: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[0-9A-Z]{16}\b/g,
  /** `aws_secret_access_key = …` (40 base64 characters). */
  awsSecretKey: /\baws_?secret_?access_?key\b["']?[ \t]{0,3}[:=][ \t]{0,3}["']?[A-Za-z0-9/+=]{40}/gi,
  /** GitHub tokens (classic and fine-grained). */
  githubToken: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
  /** Slack tokens. */
  slackToken: /\bxox[abposr]-[A-Za-z0-9-]{10,72}/g,
  /** Google API keys. */
  googleApiKey: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
  /** Stripe live secret and restricted keys. */
  stripeKey: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,99}\b/g,
  /** JSON Web Tokens (three base64url parts, header and payload JSON objects). */
  jwt: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2048}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,2048}/g,
  /** PEM private key blocks: `-----BEGIN RSA PRIVATE KEY-----`, `-----BEGIN OPENSSH PRIVATE KEY-----`. */
  privateKeyBlock: /-----BEGIN (?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?-----/g,

  // --- schema shapes of cleared fields (anchored; used with .test on strings of bounded length) ---
  /** An open-vocabulary term: lower case, digits, '-' and '_'. */
  vocabularyTerm: /^[a-z0-9][a-z0-9_-]{0,63}$/,
  /** A STIX identifier: `type--uuid`. */
  stixIdentifier: /^[a-z0-9][a-z0-9-]{0,249}--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  /** An RFC 3339 UTC timestamp as STIX writes it. */
  stixTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/,
  /** A hash value, hex or base64 (TLSH and ssdeep included), no white space. */
  hashValue: /^[A-Za-z0-9+/=:._-]{1,512}$/,
  /** An external id such as `T1566.001`, `CVE-2021-44228`, `CAPEC-163`. */
  externalId: /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/,
} as const satisfies Record<string, RegExp>;

export type PiiPatternName = keyof typeof PII_PATTERNS;
