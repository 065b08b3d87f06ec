import { credentialDetector } from './credential.detector';
import { streetAddressDetector } from './street-address.detector';
import { urlQueryPiiDetector } from './url-query-pii.detector';
import { usernameInPathDetector } from './username-in-path.detector';
import type { Detector } from '../types';

const run = (detector: Detector, text: string, key = 'description'): string[] => detector.detect(text, { key }).map((f) => text.slice(f.start, f.end));

describe('street-address detector', () => {
  it('fires on number, street name and suffix', () => {
    expect(run(streetAddressDetector, 'Ship to 1600 Pennsylvania Ave, Washington')).toEqual(['1600 Pennsylvania Ave']);
    expect(run(streetAddressDetector, '221B Baker Street')).toEqual(['221B Baker Street']);
    expect(run(streetAddressDetector, '350 W 34th St and P.O. Box 1234')).toEqual(['350 W 34th St', 'P.O. Box 1234']);
  });
  it('does not fire without a suffix, a house number, or on identifiers', () => {
    expect(run(streetAddressDetector, 'Windows 10 Update Assistant; port 443 Main; T1566 Drive')).toEqual([]);
  });
});

describe('username-in-path detector', () => {
  it('finds user names in Windows and Unix profile paths and registry keys', () => {
    expect(run(usernameInPathDetector, 'C:\\Users\\jsmith\\AppData\\Local\\Temp\\a.exe')).toEqual(['jsmith']);
    expect(run(usernameInPathDetector, 'C:\\\\Users\\\\maria.garcia\\\\Desktop')).toEqual(['maria.garcia']);
    expect(run(usernameInPathDetector, 'C:\\Users\\John Smith\\Documents')).toEqual(['John Smith']);
    expect(run(usernameInPathDetector, 'dropped in C:\\Users\\okafor.c then ran')).toEqual(['okafor.c']);
    expect(run(usernameInPathDetector, '/home/jdoe/.bash_history and /Users/anna/Library')).toEqual(['jdoe', 'anna']);
    expect(run(usernameInPathDetector, 'HKLM\\...\\ProfileList\\S-1-5-21-1\\Users\\kwame')).toEqual(['kwame']);
  });
  it('leaves system, built-in and placeholder profiles alone', () => {
    for (const text of [
      'C:\\Windows\\System32\\svchost.exe',
      'C:\\Users\\Public\\Documents and C:\\Users\\Default\\NTUSER.DAT',
      'C:\\Users\\Administrator\\Desktop and %USERPROFILE%\\AppData',
      'C:\\Users\\%USERNAME%\\AppData and C:\\Users\\<user>\\x and /home/$USER/x',
      '/home/ubuntu/.ssh/authorized_keys and /home/ec2-user/x',
      'HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-512\\Software',
    ]) {
      expect(run(usernameInPathDetector, text)).toEqual([]);
    }
  });
  it('reads account-name properties', () => {
    expect(run(usernameInPathDetector, 'jsmith', 'username')).toEqual(['jsmith']);
    expect(run(usernameInPathDetector, 'Administrator', 'username')).toEqual([]);
  });
});

describe('url-query-pii detector', () => {
  it('fires on personal parameters', () => {
    expect(run(urlQueryPiiDetector, 'https://x.test/reset?email=jane%40corp.com&lang=en')).toEqual(['jane%40corp.com']);
    expect(run(urlQueryPiiDetector, 'o.php?name=Maria+Garcia&step=2')).toEqual(['Maria+Garcia']);
    expect(run(urlQueryPiiDetector, 'login?user=maria.garcia')).toEqual(['maria.garcia']);
    expect(run(urlQueryPiiDetector, '?phone=2025550143')).toEqual(['2025550143']);
  });
  it('fires on values that are personal data whatever the parameter is called', () => {
    expect(run(urlQueryPiiDetector, 'submit?q=jane.doe@corp.com')).toEqual(['jane.doe@corp.com']);
    expect(run(urlQueryPiiDetector, 'view#amFuZS5kb2VAY29ycC5jb20=')).toEqual(['amFuZS5kb2VAY29ycC5jb20=']);
    expect(run(urlQueryPiiDetector, 'go?x=amFuZS5kb2VAY29ycC5jb20=')).toEqual(['amFuZS5kb2VAY29ycC5jb20=']);
  });
  it('does not fire on ordinary parameters, file names, generic accounts or placeholders', () => {
    for (const text of [
      'https://www.bing.com/search?q=powershell+download&form=QBLH',
      'dl.php?name=invoice_123.pdf&id=4',
      '?utm_source=newsletter&utm_campaign=q4',
      'login?user=admin and ?email={email} and ?name=&x=1 and ?email=%s',
    ]) {
      expect(run(urlQueryPiiDetector, text)).toEqual([]);
    }
  });
});

describe('credential detector', () => {
  it('fires on secret assignments and token formats', () => {
    expect(run(credentialDetector, 'password=Summer2024! used')).toEqual(['Summer2024!']);
    expect(run(credentialDetector, 'pwd: Tr0ub4dor3x')).toEqual(['Tr0ub4dor3x']);
    expect(run(credentialDetector, 'api_key = "a8f5f167f44f4964e6c998dee827110c"')).toEqual(['a8f5f167f44f4964e6c998dee827110c']);
    expect(run(credentialDetector, 'AKIAIOSFODNN7EXAMPLE')).toEqual(['AKIAIOSFODNN7EXAMPLE']);
    expect(run(credentialDetector, '-----BEGIN OPENSSH PRIVATE KEY-----')).toHaveLength(1);
    expect(run(credentialDetector, 'Authorization: Bearer abcdefghijklmnop1234')).toEqual(['Bearer abcdefghijklmnop1234']);
    expect(run(credentialDetector, 'https://admin:S3cret!x@host.corp.com/')).toEqual(['https://admin:S3cret!x@']);
    expect(run(credentialDetector, 'ghp_' + 'a'.repeat(36))).toHaveLength(1);
  });
  it('treats secret-named properties as credentials', () => {
    expect(run(credentialDetector, 'hunter2x', 'x_password')).toEqual(['hunter2x']);
  });
  it('ignores placeholders and prose about passwords', () => {
    for (const text of ['password=***', 'password=<redacted>', 'password=%s', 'pwd: ${PASSWORD}', 'reset passwords for affected accounts', 'Pass the Hash (T1550.002)']) {
      expect(run(credentialDetector, text)).toEqual([]);
    }
    expect(run(credentialDetector, '[withheld pending review]', 'x_password')).toEqual([]);
  });
});
