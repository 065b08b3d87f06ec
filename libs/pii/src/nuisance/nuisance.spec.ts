import { classifyAddress, classifyHost, classifyIndicatorValue } from './nuisance';

describe('nuisance indicators', () => {
  it.each([
    ['10.1.2.3', 'RFC 1918'],
    ['172.31.255.255', 'RFC 1918'],
    ['192.168.0.1', 'RFC 1918'],
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['224.0.0.251', 'multicast'],
    ['0.0.0.0', 'this network'],
    ['10.0.0.0/8', 'RFC 1918'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique local'],
    ['::ffff:192.168.1.1', 'RFC 1918'],
  ])('drops reserved address %s (%s)', (value, why) => {
    const verdict = classifyIndicatorValue(value);
    expect(verdict.kind).toBe('drop');
    expect(verdict.kind === 'drop' ? verdict.reason : '').toContain(why === 'RFC 1918' ? 'RFC 1918' : '');
  });

  it.each(['192.0.2.10', '198.51.100.7', '203.0.113.99', '2001:db8::1', '8.8.4.4', '45.77.12.9', '100.128.0.1', '172.32.0.1'])('keeps %s', (value) => {
    expect(classifyIndicatorValue(value).kind).toBe('keep');
  });

  it('treats the documentation ranges as allowed, on purpose', () => {
    expect(classifyAddress('192.0.2.1')).toEqual({ kind: 'keep' });
  });

  it('does not read ambiguous IPv4 forms as addresses', () => {
    expect(classifyAddress('010.0.0.1')).toBeUndefined();
    expect(classifyAddress('127.1')).toBeUndefined();
  });

  it.each(['localhost', 'printer.local', 'db.internal', 'x.test', 'y.invalid', 'foo.localhost', 'router.home.arpa', 'example.com', 'www.example.org', 'intranet'])(
    'drops reserved or single-label host %s',
    (host) => {
      expect(classifyHost(host).kind).toBe('drop');
    },
  );

  it('drops a popular domain as a bare host and flags its sub-domains', () => {
    expect(classifyHost('google.com').kind).toBe('drop');
    expect(classifyHost('WWW.Microsoft.com.').kind).toBe('drop');
    expect(classifyHost('docs.google.com')).toEqual({ kind: 'flag', reason: 'host under the popular domain google.com' });
    expect(classifyHost('login-update.top').kind).toBe('keep');
    expect(classifyHost('notgoogle.com').kind).toBe('keep');
  });

  it('flags, never drops, URLs and e-mail addresses under popular domains', () => {
    expect(classifyIndicatorValue('https://docs.google.com/forms/d/e/1FAIpQL/viewform').kind).toBe('flag');
    expect(classifyIndicatorValue('attacker.alias@gmail.com').kind).toBe('flag');
    expect(classifyIndicatorValue('https://evil-cdn.net/x').kind).toBe('keep');
  });

  it('drops URLs and e-mail addresses at reserved hosts', () => {
    expect(classifyIndicatorValue('http://192.168.1.1/admin').kind).toBe('drop');
    expect(classifyIndicatorValue('http://[::1]:8080/').kind).toBe('drop');
    expect(classifyIndicatorValue('http://localhost/x').kind).toBe('drop');
    expect(classifyIndicatorValue('someone@example.com').kind).toBe('drop');
  });

  it('keeps hashes, file names and mutexes', () => {
    expect(classifyIndicatorValue('d41d8cd98f00b204e9800998ecf8427e').kind).toBe('keep');
    expect(classifyIndicatorValue('invoice.exe').kind).toBe('keep');
    expect(classifyIndicatorValue('Global\\MsWinZonesCacheCounterMutexA').kind).toBe('keep');
  });
});
