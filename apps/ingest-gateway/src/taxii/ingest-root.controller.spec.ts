import type { Principal } from '@ais/auth';
import { TAXII_MEDIA_TYPE, TaxiiError } from '@ais/taxii';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import type { StatusRepository } from '../status/status.repository';
import type { SubmitObjectsAdapter } from '../submit/submit-objects.adapter';
import { IngestRootController } from './ingest-root.controller';
import { INGEST_COLLECTION } from './ingest-root';

const PARTICIPANT: Principal = {
  id: '0b3f5c9e-2d41-4a7b-8c6e-1f2a3b4c5d6e',
  username: 'participant',
  role: 'participant',
  organisation: 'Example Utility',
  sectors: ['energy'],
  city: null,
  state: null,
  country: 'US',
  defaultConsent: 'none',
  federalEntity: null,
};

/** A POST of one envelope, as Express hands it over (a readable body with headers). */
function post(): { request: Request; headers: Map<string, string> } {
  const body = Buffer.from(JSON.stringify({ objects: [{ type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', spec_version: '2.1' }] }));
  const headers = new Map<string, string>();
  const request = Object.assign(Readable.from([body]), {
    headers: { 'content-type': TAXII_MEDIA_TYPE, 'content-length': String(body.length) },
    res: { headersSent: false, setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) },
  }) as unknown as Request;
  return { request, headers };
}

function controllerFailingWith(error: Error): IngestRootController {
  const submissions = { submit: () => Promise.reject(error) } as unknown as SubmitObjectsAdapter;
  return new IngestRootController(submissions, {} as StatusRepository);
}

describe('IngestRootController POST objects when the submission cannot be stored', () => {
  it('answers 503 with Retry-After when the gateway is overloaded (no pooled connection in time)', async () => {
    const { request, headers } = post();
    const refusal = controllerFailingWith(new Error('timeout exceeded when trying to connect')).addObjects(INGEST_COLLECTION.id, request, PARTICIPANT);
    await expect(refusal).rejects.toBeInstanceOf(TaxiiError);
    await expect(refusal).rejects.toMatchObject({ status: 503 });
    expect(headers.get('retry-after')).toBe('5');
  });

  it('leaves a bug a bug: anything not transient still surfaces as a server error', async () => {
    const { request, headers } = post();
    await expect(controllerFailingWith(new TypeError('bug')).addObjects(INGEST_COLLECTION.id, request, PARTICIPANT)).rejects.toBeInstanceOf(TypeError);
    expect(headers.has('retry-after')).toBe(false);
  });
});
