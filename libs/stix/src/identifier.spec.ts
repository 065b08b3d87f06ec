import { identifierType, identifierUuidVersion } from './identifier';

describe('identifierType', () => {
  it.each([
    ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', 'indicator'],
    ['x-acme-ticket--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F', 'x-acme-ticket'],
    ['ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', 'ipv4-addr'],
    ['identity--c6b4e5e2-1a4b-11ee-be56-0242ac120002', 'identity'],
  ])('reads the type of %s', (id, type) => expect(identifierType(id)).toBe(type));

  it.each([
    'indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    '--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-4cbf-038f-98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g',
    'ipv4--addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    '-ipv4--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'indicator--',
  ])('refuses %s', (id) => expect(identifierType(id)).toBeUndefined());

  it('reads the UUID version', () => {
    expect(identifierUuidVersion('ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd')).toBe(5);
    expect(identifierUuidVersion('indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).toBe(4);
  });
});
