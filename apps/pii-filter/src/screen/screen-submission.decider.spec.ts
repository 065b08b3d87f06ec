import type { StixObject, SubmissionAnonymizedV1 } from '@ais/contracts';
import { NUISANCE_CODE, screenSubmission } from './screen-submission.decider';

const TLP = ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'];
const at = '2026-11-01T00:00:00.000Z';

function indicator(id: string, pattern: string, description?: string): StixObject {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: at,
    modified: at,
    name: 'Phishing sender',
    pattern,
    pattern_type: 'stix',
    valid_from: at,
    object_marking_refs: TLP,
    ...(description === undefined ? {} : { description }),
  };
}

function given(objects: StixObject[]): SubmissionAnonymizedV1 {
  return {
    submissionId: '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
    profileVersion: '1',
    objects,
    submitter: { sectors: ['energy'], country: 'US' },
    consent: 'none',
    failures: [],
  };
}

const newId = (old: string) => `${old.split('--')[0]}--00000000-0000-5000-8000-000000000001`;

describe('screenSubmission', () => {
  it('withholds a victim e-mail address in free text and returns it for sealing, keeping the rest', () => {
    const phish = indicator(
      'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      "[email-addr:value = 'billing@evil-invoices.biz']",
      'Sent from billing@evil-invoices.biz to jane.doe@victim-corp.com in our finance team.',
    );
    const decision = screenSubmission(given([phish]), newId);
    const published = decision.screened.objects[0]!;
    expect(JSON.stringify(decision.screened)).not.toContain('jane.doe@victim-corp.com');
    expect(published.pattern).toBe(phish.pattern);
    expect(decision.screened.heldFieldCount).toBe(1);
    expect(decision.holds).toEqual([
      expect.objectContaining({ objectId: phish.id, objectType: 'indicator', objectVersion: at, values: { description: phish.description } }),
    ]);
    expect(decision.holds[0]!.fields[0]).toMatchObject({ path: 'description' });
    expect(JSON.stringify(decision.holds[0]!.fields)).not.toContain('jane.doe');
  });

  it('passes the actor-side value the pattern matches', () => {
    const phish = indicator('indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', "[email-addr:value = 'billing@evil-invoices.biz']");
    const sender: StixObject = { type: 'email-addr', spec_version: '2.1', id: 'email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3', value: 'billing@evil-invoices.biz' };
    const decision = screenSubmission(given([phish, sender]), newId);
    expect(decision.holds).toEqual([]);
    expect(decision.screened.objects).toEqual([phish, sender]);
  });

  it('drops a nuisance indicator with a recorded reason that quotes no value', () => {
    const nuisance = indicator('indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', "[ipv4-addr:value = '10.1.2.3']");
    const decision = screenSubmission(given([nuisance]), newId);
    expect(decision.screened.objects).toEqual([]);
    expect(decision.screened.failures).toEqual([expect.objectContaining({ objectId: nuisance.id, code: NUISANCE_CODE })]);
    expect(decision.screened.failures[0]!.message).not.toContain('10.1.2.3');
  });

  it('gives a new id to an observable whose identifying value was withheld and rewrites references to it', () => {
    const victim: StixObject = { type: 'email-addr', spec_version: '2.1', id: 'email-addr--9d77a846-6264-5d51-b586-e43822ea1ea3', value: 'jane.doe@victim-corp.com' };
    const message: StixObject = {
      type: 'email-message',
      spec_version: '2.1',
      id: 'email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265',
      is_multipart: false,
      to_refs: [victim.id],
    };
    const decision = screenSubmission(given([victim, message]), newId);
    const text = JSON.stringify(decision.screened.objects);
    expect(text).not.toContain('jane.doe@victim-corp.com');
    expect(text).not.toContain(victim.id);
    // The submitter's status resource names the old id: the rename travels on.
    expect(decision.screened.renamedFrom).toEqual({ [newId(victim.id)]: victim.id });
  });
});
