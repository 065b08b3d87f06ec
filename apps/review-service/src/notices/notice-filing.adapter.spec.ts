import type { Principal } from '@ais/auth';
import { decodeEvent, type AnyEvent } from '@ais/contracts';
import type { EventPublisher } from '@ais/messaging';
import { CodedError } from '@ais/observability';
import { NoticeFilingAdapter } from './notice-filing.adapter';

const FILER: Principal = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  username: 'energy-reader',
  role: 'federal-consumer',
  organisation: 'Department of Energy',
  sectors: [],
  city: null,
  state: null,
  country: 'US',
  defaultConsent: 'none',
  federalEntity: 'energy',
};
const OBJECT_ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const at = new Date('2026-11-02T08:00:00.000Z');

function adapter(): { published: AnyEvent[]; filing: NoticeFilingAdapter } {
  const published: AnyEvent[] = [];
  const publisher = { publish: (events: AnyEvent[]) => Promise.resolve(void published.push(...events)) } as unknown as EventPublisher;
  return { published, filing: new NoticeFilingAdapter(publisher) };
}

describe('NoticeFilingAdapter', () => {
  it('writes a valid PiiNoticeFiled with the filer and its entity from the principal, and answers its notice id', async () => {
    const { published, filing } = adapter();
    const { noticeId } = await filing.file(FILER, { objectId: OBJECT_ID, objectVersion: '2026-11-01T00:00:00.000Z', paths: ['description', 'description', 'name'] }, at);

    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      type: 'PiiNoticeFiled',
      key: OBJECT_ID,
      occurredAt: at.toISOString(),
      correlationId: noticeId,
      data: { noticeId, objectId: OBJECT_ID, objectVersion: '2026-11-01T00:00:00.000Z', federalEntity: 'energy', filedBy: FILER.id, paths: ['description', 'name'] },
    });
    expect(decodeEvent(JSON.stringify(published[0])).ok).toBe(true);
  });

  it('leaves the paths out when the entity names none', async () => {
    const { published, filing } = adapter();
    await filing.file(FILER, { objectId: OBJECT_ID, objectVersion: '2026-11-01T00:00:00.000Z' }, at);
    expect(published[0]?.data).not.toHaveProperty('paths');
  });

  it('refuses a principal without a federal entity, and writes nothing', async () => {
    const { published, filing } = adapter();
    const refused = filing.file({ ...FILER, federalEntity: null }, { objectId: OBJECT_ID, objectVersion: '2026-11-01T00:00:00.000Z' }, at);
    await expect(refused).rejects.toBeInstanceOf(CodedError);
    await expect(refused).rejects.toMatchObject({ code: 'AIS_REVIEW_NOTICE_NO_FEDERAL_ENTITY', status: 403 });
    expect(published).toEqual([]);
  });
});
