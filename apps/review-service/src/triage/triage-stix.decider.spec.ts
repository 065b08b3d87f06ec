import type { ManualSubmissionContent } from './manual-submission-content';
import { buildTriagedSubmission, quoteStixString, stixPatternOf, TLP_MARKING_DEFINITIONS } from './triage-stix.decider';

const DECIDED_AT = '2026-11-02T09:30:00.000Z';
const RECEIVED_AT = '2026-11-01T12:00:00.000Z';
const SUBMITTER_ID = '5f0e8c1a-1111-4222-8333-944455556666';

function ids(...values: string[]): () => string {
  const queue = [...values];
  return () => queue.shift() ?? 'exhausted';
}

const fields = {
  tlp: 'amber',
  organisation: 'Example Power Cooperative',
  contactEmail: 'soc@power.example',
  sector: 'energy',
  city: 'Austin',
  state: 'TX',
  country: 'US',
  consent: 'usg',
} as const;

function content(extra: Partial<ManualSubmissionContent['fields']>, stixObjects?: ManualSubmissionContent['stixObjects']): ManualSubmissionContent {
  return { channel: 'web-form', receivedAt: RECEIVED_AT, fields: { kind: 'indicator', title: 'Scanning host', ...fields, ...extra }, ...(stixObjects === undefined ? {} : { stixObjects }) };
}

const context = { decidedAt: DECIDED_AT, newId: ids('8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'), submitterPrincipalId: SUBMITTER_ID };

describe('STIX patterns', () => {
  it('quotes string literals, escaping backslashes and quotes', () => {
    expect(quoteStixString('plain')).toBe("'plain'");
    expect(quoteStixString("O'Brien")).toBe("'O\\'Brien'");
    expect(quoteStixString('C:\\temp\\x.exe')).toBe("'C:\\\\temp\\\\x.exe'");
    expect(quoteStixString("\\'")).toBe("'\\\\\\''");
  });

  it.each([
    ['ipv4', '198.51.100.7', "[ipv4-addr:value = '198.51.100.7']"],
    ['ipv6', '2001:db8::1', "[ipv6-addr:value = '2001:db8::1']"],
    ['domain', 'evil.example', "[domain-name:value = 'evil.example']"],
    ['url', "https://evil.example/a'b", "[url:value = 'https://evil.example/a\\'b']"],
    ['file-sha256', 'ab'.repeat(32), `[file:hashes.'SHA-256' = '${'ab'.repeat(32)}']`],
    ['email-address', 'billing@evil.example', "[email-addr:value = 'billing@evil.example']"],
  ] as const)('builds the %s pattern', (type, value, pattern) => {
    expect(stixPatternOf(type, value)).toBe(pattern);
  });
});

describe('buildTriagedSubmission', () => {
  it('given an indicator, then one STIX 2.1 indicator marked with its TLP, created at the decision, valid from receipt', () => {
    const outcome = buildTriagedSubmission(content({ description: 'Port scans', observableType: 'ipv4', observableValue: '198.51.100.7' }), { ...context, newId: ids('8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f') });
    expect(outcome).toEqual({
      ok: true,
      submission: {
        objects: [
          {
            type: 'indicator',
            spec_version: '2.1',
            id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
            created: DECIDED_AT,
            modified: DECIDED_AT,
            name: 'Scanning host',
            description: 'Port scans',
            indicator_types: ['malicious-activity'],
            pattern: "[ipv4-addr:value = '198.51.100.7']",
            pattern_type: 'stix',
            pattern_version: '2.1',
            valid_from: RECEIVED_AT,
            object_marking_refs: [TLP_MARKING_DEFINITIONS.amber],
          },
        ],
        submitter: {
          principalId: SUBMITTER_ID,
          organisation: 'Example Power Cooperative',
          profile: { sectors: ['energy'], city: 'Austin', state: 'TX', country: 'US' },
          defaultConsent: 'usg',
        },
      },
    });
  });

  it('given a defensive measure, then a course of action whose description carries the recommended action', () => {
    const outcome = buildTriagedSubmission(content({ kind: 'defensive-measure', title: 'Block C2', action: 'Block TCP 4444', tlp: 'white', city: undefined, state: undefined }), {
      ...context,
      newId: ids('1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'),
    });
    expect(outcome.ok && outcome.submission.objects).toEqual([
      {
        type: 'course-of-action',
        spec_version: '2.1',
        id: 'course-of-action--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        created: DECIDED_AT,
        modified: DECIDED_AT,
        name: 'Block C2',
        description: 'Recommended action: Block TCP 4444',
        object_marking_refs: [TLP_MARKING_DEFINITIONS.white],
      },
    ]);
    expect(outcome.ok && outcome.submission.submitter.profile).toEqual({ sectors: ['energy'], country: 'US' });
  });

  it('given an e-mail with STIX objects, then those objects as sent', () => {
    const objects = [{ type: 'indicator', id: 'indicator--2e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', pattern: "[domain-name:value = 'evil.example']" }];
    const outcome = buildTriagedSubmission({ ...content({ title: undefined, tlp: undefined }, objects), channel: 'email' }, context);
    expect(outcome.ok && outcome.submission.objects).toEqual(objects);
  });

  it('given fields that cannot make an object, then says which are missing', () => {
    expect(buildTriagedSubmission(content({ observableType: 'ipv4' }), context)).toEqual({ ok: false, missing: ['observableValue'] });
    expect(buildTriagedSubmission(content({ kind: 'defensive-measure', tlp: undefined }), context)).toEqual({ ok: false, missing: ['tlp', 'action'] });
  });
});
