import { FIELD_LABELS, type FieldProblem } from '../manual-submission.dto';

export interface ReplyText {
  readonly subject: string;
  readonly text: string;
}

const TEMPLATE = [
  'Kind: indicator',
  'Title: Phishing sender targeting utilities',
  'Description: Mails with a fake invoice link since 2026-11-01.',
  'Observable-Type: email-address',
  'Observable-Value: billing@evil.example',
  'TLP: green',
  'Organisation: Example Power Cooperative',
  'Sector: energy',
  'City: Austin',
  'State: TX',
  'Country: US',
  'Consent: none',
];

/**
 * The reply to a mail that could not be accepted (§3.2.2): names each missing field by its
 * `Key:` and says what is wrong with each invalid one, by rule. It never quotes what was sent.
 */
export function composeReply(problems: readonly FieldProblem[], attachmentProblems: readonly string[]): ReplyText {
  const missing = problems.filter((problem) => problem.problem === 'missing');
  const invalid = problems.filter((problem) => problem.problem === 'invalid');
  const sections: string[] = [
    'Hello,',
    'AIS Exchange could not accept the submission you e-mailed, because required fields are missing or not valid. Nothing from that e-mail was kept.',
  ];
  if (missing.length > 0) {
    sections.push(['Missing fields:', ...missing.map((problem) => `  - ${mailKeyOf(problem)}`)].join('\n'));
  }
  if (invalid.length > 0) {
    sections.push(['Fields that are not valid:', ...invalid.map((problem) => `  - ${mailKeyOf(problem)}: ${problem.message}`)].join('\n'));
  }
  if (attachmentProblems.length > 0) {
    sections.push(['STIX attachments:', ...attachmentProblems.map((problem) => `  - ${problem}`)].join('\n'));
  }
  sections.push(
    [
      'Please send it again with one "Key: value" line per field in a plain-text body, for example:',
      '',
      ...TEMPLATE.map((line) => `  ${line}`),
      '',
      'A defensive measure has "Kind: defensive measure" and an "Action:" line instead of the observable. Instead of the content fields you may attach STIX 2.1 JSON (application/stix+json or a .json file); Organisation, Sector, City or State, Country and Consent are still needed in the body, and every object needs its own TLP marking. Description and Action may continue on lines that start with a space.',
    ].join('\n'),
    'This is an automatic reply; answers to it are not read.',
  );
  return { subject: 'AIS Exchange: your submission is missing required fields', text: `${sections.join('\n\n')}\n` };
}

function mailKeyOf(problem: FieldProblem): string {
  const key = FIELD_LABELS[problem.field].mailKey;
  if (problem.problem === 'missing' && problem.field === 'contactEmail') {
    return `${key} (or a From address to reply to)`;
  }
  return problem.problem === 'missing' && problem.field === 'city' ? `${key} (or ${FIELD_LABELS.state.mailKey})` : key;
}
