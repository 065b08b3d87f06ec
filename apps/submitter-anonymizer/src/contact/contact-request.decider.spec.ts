import { ContactErrorCode, decideAnswer, decideRelease } from './contact-request.decider';

const submitter = '0b6d3c1e-2a4f-4e8d-9c7b-5a3f1e2d4c60';

describe('contact requests', () => {
  it('lets the submitter grant or deny a pending request once', () => {
    expect(decideAnswer({ state: 'pending', submitterId: submitter }, submitter, true)).toEqual({ ok: true, value: 'granted' });
    expect(decideAnswer({ state: 'pending', submitterId: submitter }, submitter, false)).toEqual({ ok: true, value: 'denied' });
    expect(decideAnswer({ state: 'granted', submitterId: submitter }, submitter, false)).toEqual({ ok: false, code: ContactErrorCode.AlreadyAnswered });
  });

  it('refuses an answer from anyone but the submitter', () => {
    expect(decideAnswer({ state: 'pending', submitterId: submitter }, 'someone-else', true)).toEqual({ ok: false, code: ContactErrorCode.NotYours });
  });

  it('releases the identity to the requesting entity alone, and only when granted', () => {
    expect(decideRelease({ state: 'granted', federalEntity: 'energy' }, 'energy')).toEqual({ ok: true, value: true });
    expect(decideRelease({ state: 'granted', federalEntity: 'energy' }, 'treasury')).toEqual({ ok: false, code: ContactErrorCode.NotYours });
    expect(decideRelease({ state: 'pending', federalEntity: 'energy' }, 'energy')).toEqual({ ok: false, code: ContactErrorCode.NotGranted });
    expect(decideRelease({ state: 'denied', federalEntity: 'energy' }, 'energy')).toEqual({ ok: false, code: ContactErrorCode.NotGranted });
  });
});
