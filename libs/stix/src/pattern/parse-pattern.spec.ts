import { StixErrorCode } from '../error-codes';
import { parsePattern } from './parse-pattern';
import type { PatternComparison } from './pattern-ast';
import { MAX_PATTERN_LENGTH, MAX_PATTERN_NESTING } from './pattern-limits';

const SHA256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f';

function comparisonsOf(pattern: string): readonly PatternComparison[] {
  const result = parsePattern(pattern);
  if (!result.ok) {
    throw new Error(`expected a valid pattern, got ${result.code} at ${result.position}: ${result.message}`);
  }
  return result.comparisons;
}

/** Runs `action` and returns how long it took in milliseconds. */
function timed(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

describe('parsePattern: valid STIX 2.1 patterns', () => {
  // Written for these tests after the forms STIX 2.1 §9 describes; none is copied from elsewhere.
  const valid: readonly string[] = [
    `[file:hashes.'SHA-256' = '${SHA256}']`,
    `[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']`,
    "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']",
    "[domain-name:value = 'example.com'] FOLLOWEDBY [url:value = 'http://example.com/foo']",
    "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
    "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\System\\\\Foo\\\\Bar'] WITHIN 300 SECONDS",
    '([file:size > 1000] AND [file:size < 2000]) REPEATS 5 TIMES WITHIN 1800 SECONDS',
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
    "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
    "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
    "[artifact:payload_bin = b'aGVsbG8gd29ybGQ=']",
    "[artifact:payload_bin = b'']",
    "[file:magic_number_hex = h'ffd8']",
    "[process:pid NOT = 4 AND process:name NOT IN ('svchost.exe', 'lsass.exe')]",
    '[network-traffic:src_port >= 1024 AND network-traffic:src_port <= 65535]',
    "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
    "[ipv4-addr:value ISSUPERSET '198.51.100.5']",
    "[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']",
    '[EXISTS windows-registry-key:values]',
    '[user-account:is_privileged = true AND user-account:is_disabled = false]',
    "[file:created > t'2016-01-01T00:00:00.000Z']",
    "[process:command_line LIKE '%powershell -enc%']",
    "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
    "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
    "(([ipv4-addr:value = '198.51.100.1'] OR [ipv4-addr:value = '198.51.100.2']) AND [domain-name:value = 'example.com']) FOLLOWEDBY [url:value = 'http://example.com/']",
    "[(file:name = 'a.exe' OR file:name = 'b.exe') AND file:size = 10]",
    "[file:name = 'it\\'s here']",
    '[x-acme-sensor:score > -5 AND x-acme-sensor:ratio < -0.5 AND x-acme-sensor:weight <> +3]',
    "[file:name = 'a.exe' and file:size = 1] followedby [file:name = 'b.exe'] within 5 seconds",
    "[email-message:to_refs[0].value = 'a@example.com']",
    "[file:'name' = 'x']",
    "[network-traffic:dst_port IN (80, 443, 8080)] REPEATS 3 TIMES",
    '[file:size = 0]',
    '[x-acme-sensor:ratio = .5]',
    "[file:name = 'a'] WITHIN 2.5 SECONDS",
    "  [ file : name = 'spaced' ]  ",
    "[file:name = 'a'] START t'2016-06-01T00:00:00Z' STOP t'2016-06-01T00:00:00.001Z' REPEATS 2 TIMES",
    "([file:name = 'a'] WITHIN 5 SECONDS) WITHIN 10 SECONDS",
  ];

  it.each(valid)('accepts %s', (pattern) => {
    const result = parsePattern(pattern);
    expect(result).toMatchObject({ ok: true });
  });
});

describe('parsePattern: observation terms', () => {
  it('lists object type, canonical path, operator and typed value of each comparison', () => {
    const comparisons = comparisonsOf(`[file:hashes.'SHA-256' = '${SHA256}' OR file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.5]`);
    expect(comparisons).toEqual([
      expect.objectContaining({ objectType: 'file', path: "hashes.'SHA-256'", operator: '=', negated: false, value: { kind: 'string', value: SHA256 } }),
      expect.objectContaining({
        objectType: 'file',
        path: "extensions.'windows-pebinary-ext'.sections[*].entropy",
        operator: '>',
        value: { kind: 'float', value: 7.5 },
      }),
    ]);
    expect(comparisons[1]?.steps).toEqual([
      { kind: 'property', name: 'extensions' },
      { kind: 'property', name: 'windows-pebinary-ext' },
      { kind: 'property', name: 'sections' },
      { kind: 'index', index: '*' },
      { kind: 'property', name: 'entropy' },
    ]);
  });

  it('collects comparisons across observations, parentheses and qualifiers, in reading order', () => {
    const comparisons = comparisonsOf(
      "([ipv4-addr:value = '198.51.100.7'] AND [domain-name:value = 'bad.example']) WITHIN 60 SECONDS FOLLOWEDBY [url:value = 'http://bad.example/x']",
    );
    expect(comparisons.map((comparison) => [comparison.objectType, comparison.path, comparison.value])).toEqual([
      ['ipv4-addr', 'value', { kind: 'string', value: '198.51.100.7' }],
      ['domain-name', 'value', { kind: 'string', value: 'bad.example' }],
      ['url', 'value', { kind: 'string', value: 'http://bad.example/x' }],
    ]);
  });

  it('decodes escapes and keeps every literal kind', () => {
    const comparisons = comparisonsOf(
      "[file:name = 'O\\'Brien \\\\ co' AND file:size IN (1, -2, 3.5, true, 'x') AND file:ctime > t'2020-01-01T00:00:00Z' AND file:magic_number_hex = h'CAFE' AND artifact:payload_bin = b'AAEC']",
    );
    expect(comparisons.map((comparison) => comparison.value)).toEqual([
      { kind: 'string', value: "O'Brien \\ co" },
      {
        kind: 'set',
        values: [
          { kind: 'integer', value: 1 },
          { kind: 'integer', value: -2 },
          { kind: 'float', value: 3.5 },
          { kind: 'boolean', value: true },
          { kind: 'string', value: 'x' },
        ],
      },
      { kind: 'timestamp', value: '2020-01-01T00:00:00Z' },
      { kind: 'hex', value: 'CAFE' },
      { kind: 'binary', value: 'AAEC' },
    ]);
  });

  it('marks NOT and EXISTS', () => {
    const comparisons = comparisonsOf("[process:name NOT LIKE 'svc%' AND EXISTS process:image_ref]");
    expect(comparisons).toEqual([
      expect.objectContaining({ operator: 'LIKE', negated: true }),
      expect.objectContaining({ operator: 'EXISTS', negated: false, value: null, path: 'image_ref' }),
    ]);
  });

  it('normalises <> to != and quotes path names that are not plain identifiers', () => {
    const comparisons = comparisonsOf("[file:'name with space' <> 'x' AND file:'plain' = 'y']");
    expect(comparisons.map((comparison) => [comparison.path, comparison.operator])).toEqual([
      ["'name with space'", '!='],
      ['plain', '='],
    ]);
  });

  it('builds the tree with FOLLOWEDBY loosest, then OR, then AND, and qualifiers bound to their operand', () => {
    const result = parsePattern("[file:name = 'a'] AND [file:name = 'b'] OR [file:name = 'c'] WITHIN 5 SECONDS FOLLOWEDBY [file:name = 'd']");
    expect(result.ok && result.ast).toMatchObject({
      kind: 'followed-by',
      operands: [
        {
          kind: 'observation-or',
          operands: [
            { kind: 'observation-and', operands: [{ kind: 'observation' }, { kind: 'observation' }] },
            { kind: 'qualified', qualifier: { kind: 'within', seconds: 5 }, expression: { kind: 'observation' } },
          ],
        },
        { kind: 'observation' },
      ],
    });
  });

  it('reads START/STOP and REPEATS qualifiers', () => {
    const result = parsePattern("[file:name = 'a'] REPEATS 3 TIMES START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'");
    expect(result.ok && result.ast).toEqual({
      kind: 'qualified',
      qualifier: { kind: 'start-stop', start: '2016-06-01T00:00:00Z', stop: '2016-07-01T00:00:00Z' },
      expression: {
        kind: 'qualified',
        qualifier: { kind: 'repeats', times: 3 },
        expression: { kind: 'observation', comparison: expect.objectContaining({ kind: 'comparison' }) as unknown },
      },
    });
  });
});

describe('parsePattern: invalid patterns', () => {
  const invalid: readonly [string, StixErrorCode][] = [
    // balance
    ["[file:name = 'x'", StixErrorCode.PatternUnbalanced],
    ["[file:name = 'x']]", StixErrorCode.PatternUnbalanced],
    ["([file:name = 'x']", StixErrorCode.PatternUnbalanced],
    ["[file:name = 'x'])", StixErrorCode.PatternUnbalanced],
    ["[(file:name = 'x']", StixErrorCode.PatternUnbalanced],
    ["[file:names[0 = 'x']", StixErrorCode.PatternUnbalanced],
    // structure
    ['', StixErrorCode.PatternSyntax],
    ['   ', StixErrorCode.PatternSyntax],
    ['[]', StixErrorCode.PatternSyntax],
    ["file:name = 'x'", StixErrorCode.PatternSyntax],
    ["[file:name = 'x'] AND", StixErrorCode.PatternSyntax],
    ["[file:name = 'x'] [file:name = 'y']", StixErrorCode.PatternSyntax],
    ["[file:name = 'x' AND]", StixErrorCode.PatternSyntax],
    ["[file:name = 'x' file:size = 1]", StixErrorCode.PatternSyntax],
    ['[file:name = foo]', StixErrorCode.PatternSyntax],
    ['[file:name = "x"]', StixErrorCode.PatternSyntax],
    ["[file:name = 'x'] ; [file:name = 'y']", StixErrorCode.PatternSyntax],
    ["[file:name = 'x'] NOT [file:name = 'y']", StixErrorCode.PatternSyntax],
    // operators
    ["[file:name CONTAINS 'x']", StixErrorCode.PatternUnknownOperator],
    ["[file:name == 'x']", StixErrorCode.PatternUnknownOperator],
    ["[file:name ! 'x']", StixErrorCode.PatternUnknownOperator],
    ['[file:name NOT EXISTS]', StixErrorCode.PatternUnknownOperator],
    ["[file:name 'x']", StixErrorCode.PatternSyntax],
    // operand types
    ['[file:size > true]', StixErrorCode.PatternOperandType],
    ['[file:name LIKE 5]', StixErrorCode.PatternOperandType],
    ["[file:name MATCHES h'00']", StixErrorCode.PatternOperandType],
    ['[ipv4-addr:value ISSUBSET 10]', StixErrorCode.PatternOperandType],
    ["[file:name IN 'x']", StixErrorCode.PatternOperandType],
    ['[file:name IN ()]', StixErrorCode.PatternOperandType],
    // literals
    ["[file:name = 'unterminated]", StixErrorCode.PatternBadLiteral],
    ["[file:name = 'bad \\n escape']", StixErrorCode.PatternBadLiteral],
    ["[file:created > t'2016-13-01T00:00:00Z']", StixErrorCode.PatternBadLiteral],
    ["[file:created > t'2016-01-01 00:00:00']", StixErrorCode.PatternBadLiteral],
    ["[file:created > t'2016-02-30T00:00:00Z']", StixErrorCode.PatternBadLiteral],
    ["[file:created > t'2016-01-01T00:00:00+01:00']", StixErrorCode.PatternBadLiteral],
    ["[file:magic_number_hex = h'abc']", StixErrorCode.PatternBadLiteral],
    ["[file:magic_number_hex = h'zz']", StixErrorCode.PatternBadLiteral],
    ["[artifact:payload_bin = b'abc']", StixErrorCode.PatternBadLiteral],
    ["[artifact:payload_bin = b'ab=c']", StixErrorCode.PatternBadLiteral],
    ["[artifact:payload_bin = b'a==='] ", StixErrorCode.PatternBadLiteral],
    ['[file:size = 007]', StixErrorCode.PatternBadLiteral],
    [`[file:size = ${'9'.repeat(400)}]`, StixErrorCode.PatternBadLiteral],
    // qualifiers
    ["[file:name = 'x'] WITHIN 0 SECONDS", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] WITHIN -5 SECONDS", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] WITHIN 5 MINUTES", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] WITHIN", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] REPEATS 2.5 TIMES", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] REPEATS 0 TIMES", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] REPEATS TIMES", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] START '2016-01-01T00:00:00Z' STOP '2016-02-01T00:00:00Z'", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] START t'2017-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] START t'2017-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00.000Z'", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] START t'2017-01-01T00:00:00Z'", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] WITHIN 5 SECONDS WITHIN 10 SECONDS", StixErrorCode.PatternBadQualifier],
    ["[file:name = 'x'] REPEATS 2 TIMES WITHIN 5 SECONDS REPEATS 3 TIMES", StixErrorCode.PatternBadQualifier],
    // object paths
    ["[file = 'x']", StixErrorCode.PatternBadObjectPath],
    ['[file:extensions.windows-pebinary-ext.size = 1]', StixErrorCode.PatternBadObjectPath],
    ["[File:name = 'x']", StixErrorCode.PatternBadObjectPath],
    ["[ab:name = 'x']", StixErrorCode.PatternBadObjectPath],
    ["[file-:name = 'x']", StixErrorCode.PatternBadObjectPath],
    ["[file: = 'x']", StixErrorCode.PatternBadObjectPath],
    ["[file:'' = 'x']", StixErrorCode.PatternBadObjectPath],
    ["[file:names[x] = 'a']", StixErrorCode.PatternBadObjectPath],
    ["[file:name. = 'a']", StixErrorCode.PatternBadObjectPath],
    ['[EXISTS]', StixErrorCode.PatternBadObjectPath],
    ["['file':name = 'x']", StixErrorCode.PatternSyntax],
  ];

  it.each(invalid)('rejects %s with %s', (pattern, code) => {
    const result = parsePattern(pattern);
    expect(result).toMatchObject({ ok: false, code });
  });

  it('reports where reading stopped', () => {
    expect(parsePattern("[file:name CONTAINS 'x']")).toMatchObject({ ok: false, position: 11 });
    expect(parsePattern("[file:name = 'x'")).toMatchObject({ ok: false, position: 0 });
    expect(parsePattern("[file:name = 'x'] WITHIN 0 SECONDS")).toMatchObject({ ok: false, position: 25 });
  });

  it('never quotes the pattern in its message', () => {
    const secret = 'jane.doe.secret@example.com';
    const attempts = [
      `[email-addr:value = '${secret}`,
      `[email-addr:value CONTAINS '${secret}']`,
      `[email-addr:value = ${secret}]`,
      `[${secret}:value = 'x']`,
      `[email-addr:value = '${secret}'] ${secret}`,
      `[email-addr:value = '${secret}' AND ${secret}]`,
    ];
    for (const pattern of attempts) {
      const result = parsePattern(pattern);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).not.toMatch(/jane|secret|example/);
    }
  });
});

describe('parsePattern: adversarial input', () => {
  it(`stops ${10_000} nested brackets and parentheses with a clean error, not a stack overflow`, () => {
    const cases: readonly [string, StixErrorCode][] = [
      ['('.repeat(10_000) + "[file:name = 'x']", StixErrorCode.PatternTooDeep],
      ['[' + '('.repeat(10_000) + "file:name = 'x']", StixErrorCode.PatternTooDeep],
      // Balanced, 10,000 deep is over the length bound before it is over the depth bound.
      ['('.repeat(10_000) + "[file:name = 'x']" + ')'.repeat(10_000), StixErrorCode.PatternTooLong],
      ['('.repeat(10_000), StixErrorCode.PatternTooDeep],
      // Brackets only open observations: the second one is already out of place.
      ['['.repeat(10_000), StixErrorCode.PatternSyntax],
      [')'.repeat(10_000), StixErrorCode.PatternUnbalanced],
    ];
    for (const [pattern, code] of cases) {
      let result: ReturnType<typeof parsePattern> | undefined;
      const elapsed = timed(() => (result = parsePattern(pattern)));
      expect(result).toMatchObject({ ok: false, code });
      expect(elapsed).toBeLessThan(100);
    }
  });

  it(`accepts nesting up to ${MAX_PATTERN_NESTING} levels and refuses one more`, () => {
    const nested = (levels: number): string => '('.repeat(levels - 1) + "[file:name = 'x']" + ')'.repeat(levels - 1);
    expect(parsePattern(nested(MAX_PATTERN_NESTING))).toMatchObject({ ok: true });
    expect(parsePattern(nested(MAX_PATTERN_NESTING + 1))).toMatchObject({ ok: false, code: StixErrorCode.PatternTooDeep });
  });

  it('refuses 1 MB of input at once', () => {
    const inputs = ['a'.repeat(1 << 20), `[file:name = '${'x'.repeat(1 << 20)}']`, '['.repeat(1 << 20)];
    for (const input of inputs) {
      let result: ReturnType<typeof parsePattern> | undefined;
      const elapsed = timed(() => (result = parsePattern(input)));
      expect(result).toMatchObject({ ok: false, code: StixErrorCode.PatternTooLong, position: MAX_PATTERN_LENGTH });
      expect(elapsed).toBeLessThan(50);
    }
  });

  it('reads long runs of quotes and backslashes in linear time', () => {
    const room = MAX_PATTERN_LENGTH - 40;
    const cases: readonly [string, boolean][] = [
      ["'".repeat(room), false],
      ['\\'.repeat(room), false],
      [`[file:name = '${'\\\\'.repeat(room / 2)}']`, true],
      [`[file:name = '${'\\\\'.repeat(room / 4)}']`, true],
      [`[file:name = '${"\\'".repeat(room / 4)}']`, true],
      [`[file:name = '${"\\'".repeat(room / 4)}`, false],
      [`[file:name = '${'\\'.repeat(room / 2 - 1)}']`, false],
      [`[file:name = ${"''".repeat(room / 4)}]`, false],
    ];
    for (const [pattern, ok] of cases) {
      let result: ReturnType<typeof parsePattern> | undefined;
      const elapsed = timed(() => (result = parsePattern(pattern)));
      expect(result?.ok).toBe(ok);
      expect(elapsed).toBeLessThan(100);
    }
  });

  it('reads long AND/OR chains without recursion', () => {
    const observations = "[file:size = 1]" + " AND [file:size = 1]".repeat(800);
    const comparisons = '[file:size = 1' + ' OR file:size = 1'.repeat(900) + ']';
    expect(observations.length).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
    expect(comparisons.length).toBeLessThanOrEqual(MAX_PATTERN_LENGTH);
    expect(comparisonsOf(observations)).toHaveLength(801);
    expect(comparisonsOf(comparisons)).toHaveLength(901);
  });

  it('never throws on random input', () => {
    const alphabet = "[]()'\\:.,*=!<>-+0123456789 abtfhxANDORNOTINLIKEWITHSECONDSREPEATSTIMESFOLLOWEDBYSTARTSTOP";
    let state = 42;
    const random = (): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    for (let run = 0; run < 3_000; run++) {
      const length = Math.floor(random() * 120);
      let pattern = '';
      for (let index = 0; index < length; index++) {
        pattern += alphabet[Math.floor(random() * alphabet.length)];
      }
      const result = parsePattern(run % 2 === 0 ? `[file:name = '${pattern}']` : pattern);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});
