import { federalGroupOf } from './federal-group';

describe('federalGroupOf', () => {
  it('names the entity of a federal.<entity>.<name> group', () => {
    expect(federalGroupOf('federal.energy.siem', '')).toEqual({ groupId: 'federal.energy.siem', entity: 'energy' });
    expect(federalGroupOf('federal.homeland-security.ais.ingest-2', '')).toEqual({ groupId: 'federal.homeland-security.ais.ingest-2', entity: 'homeland-security' });
  });

  it('reads the name after the deployment prefix, and only there', () => {
    expect(federalGroupOf('e2e-1234.federal.treasury.x', 'e2e-1234.')).toMatchObject({ entity: 'treasury' });
    expect(federalGroupOf('federal.treasury.x', 'e2e-1234.')).toBeNull();
    expect(federalGroupOf('e2e-9999.federal.treasury.x', 'e2e-1234.')).toBeNull();
  });

  it('ignores other groups, unknown entities and a missing name', () => {
    expect(federalGroupOf('audit-projector.audit', '')).toBeNull();
    expect(federalGroupOf('federal.acme.x', '')).toBeNull();
    expect(federalGroupOf('federal.energy', '')).toBeNull();
    expect(federalGroupOf('federal.energy.', '')).toBeNull();
  });
});
