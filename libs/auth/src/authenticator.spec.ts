import { Authenticator } from './authenticator';
import { hashPassword } from './password-hash';
import type { PrincipalRepository } from './principal.repository';
import type { Principal } from './roles';

const PARTICIPANT: Principal = {
  id: '6f1c7a52-3d0e-4f4e-9a53-0c2b3f1d9e01',
  username: 'acme-submitter',
  role: 'participant',
  organisation: 'Acme',
  sectors: [],
  city: null,
  state: null,
  country: 'US',
  defaultConsent: 'none',
  federalEntity: null,
};

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

describe('Authenticator (HTTP Basic)', () => {
  let passwordHash: string;
  let lookups: number;
  let authenticator: Authenticator;

  beforeAll(async () => {
    passwordHash = await hashPassword('correct horse');
  });

  beforeEach(() => {
    lookups = 0;
    const principals = {
      findForLogin: (username: string) => {
        lookups++;
        return Promise.resolve(username === PARTICIPANT.username ? { principal: PARTICIPANT, passwordHash } : null);
      },
    } as unknown as PrincipalRepository;
    authenticator = new Authenticator(principals, 'admin-token-for-tests');
  });

  it('checks the password once for requests that arrive together, and all of them get the principal', async () => {
    const results = await Promise.all(Array.from({ length: 16 }, () => authenticator.authenticate(basic('acme-submitter', 'correct horse'))));

    expect(results.map((principal) => principal?.id)).toEqual(Array.from({ length: 16 }, () => PARTICIPANT.id));
    expect(lookups).toBe(1);
  });

  it('checks again once the remembered login has expired, once for all waiting requests', async () => {
    const start = Date.now();
    await authenticator.authenticate(basic('acme-submitter', 'correct horse'), start);
    await authenticator.authenticate(basic('acme-submitter', 'correct horse'), start + 59_000);
    expect(lookups).toBe(1);

    const later = await Promise.all(Array.from({ length: 8 }, () => authenticator.authenticate(basic('acme-submitter', 'correct horse'), start + 61_000)));

    expect(later.every((principal) => principal?.id === PARTICIPANT.id)).toBe(true);
    expect(lookups).toBe(2);
  });

  it('refuses a wrong password for every waiting request and does not remember the refusal', async () => {
    const refused = await Promise.all(Array.from({ length: 4 }, () => authenticator.authenticate(basic('acme-submitter', 'wrong'))));
    expect(refused).toEqual([null, null, null, null]);
    expect(lookups).toBe(1);

    await expect(authenticator.authenticate(basic('acme-submitter', 'wrong'))).resolves.toBeNull();
    expect(lookups).toBe(2);
    await expect(authenticator.authenticate(basic('acme-submitter', 'correct horse'))).resolves.toMatchObject({ id: PARTICIPANT.id });
  });

  it('refuses unknown users, malformed credentials and other schemes', async () => {
    await expect(authenticator.authenticate(basic('nobody', 'correct horse'))).resolves.toBeNull();
    await expect(authenticator.authenticate(`Basic ${Buffer.from('no-colon').toString('base64')}`)).resolves.toBeNull();
    await expect(authenticator.authenticate('Digest abc')).resolves.toBeNull();
    await expect(authenticator.authenticate(undefined)).resolves.toBeNull();
  });
});
