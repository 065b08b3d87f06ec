import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeHit, scanDirectory, scanText, type PlantedValue } from './leak-scan';

const PLANTED: PlantedValue[] = [
  { index: 0, kind: 'email', source: 'sample', value: 'Jo.Doe@sample-leak.example' },
  { index: 1, kind: 'ssn', source: 'sample', value: '532-41-7789' },
  { index: 2, kind: 'person-name', source: 'sample', value: 'Zoë "Z" Wilson' },
];

const CLEAN_LOG = [
  '{"level":30,"service":"ingest-gateway","msg":"submission accepted","objects":3}',
  '{"level":40,"msg":"AIS_PII_HELD: 2 fields held for review"}',
  'ais_submissions_total{channel="taxii",outcome="accepted"} 12',
].join('\n');

describe('leak scan', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'leak-scan-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds a planted value in a sample log file and names the file, the line and the value by number only', () => {
    mkdirSync(join(root, 'e2e_1'));
    writeFileSync(join(root, 'e2e_1', 'ingest-gateway.log'), `${CLEAN_LOG}\n{"level":50,"msg":"bad sender Jo.Doe@sample-leak.example"}\n`);
    writeFileSync(join(root, 'e2e_1', 'pii-filter.log'), CLEAN_LOG);

    const { files, hits } = scanDirectory(root, PLANTED);

    expect(files).toBe(2);
    expect(hits).toEqual([{ file: join('e2e_1', 'ingest-gateway.log'), line: 4, index: 0, kind: 'email', source: 'sample' }]);
    expect(describeHit(hits[0]!)).toBe(`${join('e2e_1', 'ingest-gateway.log')}:4: planted value #0 (email, from sample)`);
    expect(describeHit(hits[0]!)).not.toContain('sample-leak');
  });

  it('reports nothing for clean files', () => {
    writeFileSync(join(root, 'review-service.log'), CLEAN_LOG);
    writeFileSync(join(root, 'review-service.metrics.txt'), 'process_cpu_seconds_total 1.5\n');

    expect(scanDirectory(root, PLANTED)).toEqual({ files: 2, hits: [] });
  });

  it('finds the JSON-escaped, percent-encoded and lower-cased forms a log or a metric gives a value', () => {
    const text = [
      '{"msg":"name Zoë \\"Z\\" Wilson"}',
      'ais_x{value="jo.doe@sample-leak.example"} 1',
      'GET /verify?email=Jo.Doe%40sample-leak.example',
      'ssn 532-41-7789 twice 532-41-7789',
      'ssn digits 532417789 only',
    ].join('\n');

    expect(scanText('mixed.log', text, PLANTED).map((hit) => [hit.line, hit.index])).toEqual([
      [1, 2],
      [2, 0],
      [3, 0],
      [4, 1],
    ]);
  });
});
