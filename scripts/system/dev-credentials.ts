import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './service-launcher';

export interface DevAccount {
  readonly username: string;
  readonly password: string;
  readonly role: 'participant' | 'federal-consumer' | 'analyst' | 'auditor';
  readonly organisation: string;
  readonly federalEntity?: string;
  readonly sectors?: string[];
  readonly city?: string;
  readonly state?: string;
}

/** Git-ignored: passwords are made on the first start of this checkout, never committed. */
const FILE = join(REPO_ROOT, '.local', 'dev-credentials.json');

function account(username: string, role: DevAccount['role'], organisation: string, extra: Partial<DevAccount> = {}): DevAccount {
  return { username, role, organisation, password: randomBytes(12).toString('base64url'), ...extra };
}

export function devAccounts(): DevAccount[] {
  if (existsSync(FILE)) {
    return JSON.parse(readFileSync(FILE, 'utf8')) as DevAccount[];
  }
  const accounts = [
    account('demo-participant', 'participant', 'Demo Energy Co', { sectors: ['energy'], city: 'Austin', state: 'TX' }),
    account('demo-dhs', 'federal-consumer', 'Department of Homeland Security', { federalEntity: 'homeland-security' }),
    account('demo-analyst', 'analyst', 'DHS CISA'),
    account('demo-auditor', 'auditor', 'DHS Office of Inspector General'),
  ];
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return accounts;
}

/** Registers the accounts through the admin API; an account that exists already is fine. */
export async function registerDevAccounts(adminUrl: string, adminToken: string, accounts: readonly DevAccount[]): Promise<void> {
  for (const a of accounts) {
    const response = await fetch(adminUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...a, country: 'US' }),
    });
    if (response.status !== 201 && response.status !== 409) {
      throw new Error(`registering ${a.username} failed with HTTP ${response.status}`);
    }
  }
}
