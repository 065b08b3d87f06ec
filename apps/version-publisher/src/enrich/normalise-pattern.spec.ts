import { normalisePattern } from './normalise-pattern';

function same(a: string, b: string): void {
  const left = normalisePattern(a);
  expect(left).not.toBeNull();
  expect(left).toBe(normalisePattern(b));
}

describe('normalisePattern', () => {
  it('prints a simple pattern canonically', () => {
    expect(normalisePattern("[ipv4-addr:value='198.51.100.7']")).toBe("[ipv4-addr:value = '198.51.100.7']");
  });

  it('ignores whitespace around operators, brackets and keywords', () => {
    same("[ipv4-addr:value = '198.51.100.7']", "  [ ipv4-addr:value   =\n'198.51.100.7' ]  ");
  });

  it('ignores the case of keywords and operators', () => {
    same("[file:name = 'a.exe' AND file:size > 10] OR [domain-name:value LIKE '%.biz']", "[file:name = 'a.exe' and file:size > 10] or [domain-name:value like '%.biz']");
    same("[file:name NOT IN ('a', 'b')]", "[file:name not in ('a', 'b')]");
  });

  it('ignores the order of AND-joined and OR-joined comparisons', () => {
    same("[file:name = 'a.exe' AND file:size = 10]", "[file:size = 10 AND file:name = 'a.exe']");
    same("[ipv4-addr:value = '198.51.100.7' OR ipv4-addr:value = '203.0.113.9']", "[ipv4-addr:value = '203.0.113.9' OR ipv4-addr:value = '198.51.100.7']");
  });

  it('flattens chains and parentheses of one operator', () => {
    same("[file:x = 1 AND (file:y = 2 AND file:z = 3)]", "[(file:z = 3 AND file:x = 1) AND file:y = 2]");
    same("([file:x = 1] OR [url:y = 2]) OR [process:z = 3]", "[process:z = 3] OR ([url:y = 2] OR [file:x = 1])");
  });

  it('ignores the order of AND-joined and OR-joined observations, and of IN sets', () => {
    same("[domain-name:value = 'evil.biz'] AND [ipv4-addr:value = '198.51.100.7']", "[ipv4-addr:value = '198.51.100.7'] AND [domain-name:value = 'evil.biz']");
    same("[ipv4-addr:value IN ('198.51.100.7', '203.0.113.9')]", "[ipv4-addr:value IN ('203.0.113.9', '198.51.100.7')]");
  });

  it('keeps what changes the meaning apart: mixed AND/OR grouping, FOLLOWEDBY order, values, NOT', () => {
    expect(normalisePattern('[file:x = 1 AND (file:y = 2 OR file:z = 3)]')).not.toBe(normalisePattern('[(file:x = 1 AND file:y = 2) OR file:z = 3]'));
    expect(normalisePattern('[file:x = 1] FOLLOWEDBY [url:y = 2]')).not.toBe(normalisePattern('[url:y = 2] FOLLOWEDBY [file:x = 1]'));
    expect(normalisePattern("[domain-name:value = 'Evil.biz']")).not.toBe(normalisePattern("[domain-name:value = 'evil.biz']"));
    expect(normalisePattern("[file:name = 'a']")).not.toBe(normalisePattern("[file:name NOT = 'a']"));
  });

  it('keeps qualifiers and prints them canonically', () => {
    same("([file:x = 1] AND [url:y = 2]) within 300 seconds", "([url:y = 2] AND [file:x = 1]) WITHIN 300 SECONDS");
    expect(normalisePattern("[file:x = 1] repeats 5 times")).toBe('[file:x = 1] REPEATS 5 TIMES');
  });

  it('keeps quotes and backslashes inside strings escaped', () => {
    expect(normalisePattern("[file:name = 'it\\'s a \\\\ path']")).toBe("[file:name = 'it\\'s a \\\\ path']");
  });

  it('prints hex in lower case and keeps object paths with quoted steps', () => {
    same("[file:hashes.'SHA-256' = 'ab' AND file:magic_number_hex = h'FFD8']", "[file:magic_number_hex = h'ffd8' AND file:hashes.'SHA-256' = 'ab']");
  });

  it('returns null for text that is not a STIX pattern', () => {
    expect(normalisePattern('alert tcp any any -> any 80')).toBeNull();
    expect(normalisePattern('')).toBeNull();
  });
});
