import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built CLI (dist/, `npx tsup`) spawned as a user runs it. Few spawns: each costs a Node start.
const root = join(import.meta.dirname, '../..');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const tmp = join(root, '.tmp/htcds');
mkdirSync(tmp, { recursive: true });

describe('import htcds', () => {
  it('the sample: one CaseFacts line per record, in order, exit 0', () => {
    const r = run(['import', 'htcds', 'examples/htcds/sample.csv']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(32);
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 32 }, (_, i) => `htcds-${String(i + 1).padStart(2, '0')}`));
  });
  it('--report states every mapping, unmapped field and assumption', () => {
    const r = run(['import', 'htcds', 'examples/htcds/sample.csv', '--report']);
    const first = JSON.parse(r.stdout.split('\n')[0] as string);
    expect(first.line).toBe(3);
    expect(first.unmapped).toContain('con_Consent');
    expect(first.reasons.con_Consent).toMatch(/interview/);
    expect(first.assumptions.length).toBeGreaterThan(0);
    expect(first.raw).toBeUndefined();
  });
  it('bad rows: exit 2, each named on stderr with file, line and field, and answered in place on stdout', () => {
    const r = run(['import', 'htcds', 'examples/htcds/bad.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/examples\/htcds\/bad\.csv: line 2: prs_Birthdate: expected a calendar date/);
    expect(r.stderr).toMatch(/examples\/htcds\/bad\.csv: line 3: vic_MethodsOfControl: not an HTCDS 2\.0 value: "Threats"/);
    expect(r.stderr).toMatch(/bad\.csv: line 5: hte_Country: /);
    expect(r.stderr).toMatch(/bad\.csv: line 7: \(row\): Invalid Record Length/);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.line ?? o.id)).toEqual([2, 3, 5, 'good-04', 7, 8]);
  });
  it('a JSON array of records, with hte and per as the JSON form', () => {
    const file = join(tmp, 'records.json');
    writeFileSync(join(tmp, 'two.json'), '[\n  {"id": "a", "prs_Citizenship": "ID"},\n\n  {"id": "b",\n   "prs_Birthdate": "2001-02-30"}\n]\n');
    const two = run(['import', 'htcds', join(tmp, 'two.json')]);
    expect(two.status).toBe(2);
    // The second record starts on line 4 of the file.
    expect(two.stderr).toMatch(/two\.json: line 4: prs_Birthdate: /);
    writeFileSync(file, JSON.stringify([{ id: 'j1', prs_Citizenship: 'Malaysia', vic_TypeOfExploitation: ['ForcedLabour'], per: [{ per_RoleInProcess: 'Transporter' }], hte: [{ hte_Type: 'Recruitment', hte_Country: 'MY', hte_Date: '2024-01-01' }] }]));
    const r = run(['import', 'htcds', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'j1', victim: { nationality: 'MY' }, acts: { transportation: true, recruitment: true }, conductDate: '2024-01-01' });
  });
});

describe('import htcds from NDJSON', () => {
  it('one record per line; a line that is not JSON is answered in place with its line number', () => {
    const file = join(tmp, 'records.ndjson');
    writeFileSync(file, '\uFEFF{"id":"n1","prs_Citizenship":"ID"}\n\n{not json\n{"id":"n3","vic_AgeWhenTrafficked":"x"}\n');
    const r = run(['import', 'htcds', file]);
    expect(r.status).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id ?? `${o.line}:${o.issues[0].code}`)).toEqual(['n1', '3:invalid_json', '4:invalid_age']);
    expect(r.stderr).toMatch(/records\.ndjson: line 4: vic_AgeWhenTrafficked: /);
  });
});

describe('hostile input', () => {
  it('an escape sequence in a CSV cell never reaches the terminal raw', () => {
    const file = join(tmp, 'escape.csv');
    writeFileSync(file, 'id,vic_MethodsOfControl,prs_Citizenship\nx1,"\u001b[31mRed",\u001b]0;title\u0007\n');
    const r = run(['import', 'htcds', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\u001b/);
    expect(r.stdout).not.toMatch(/\u001b/);
  });
});

describe('compare --from htcds and batch --from htcds', () => {
  it('compare: a bad file exits 2 naming file, line and field', () => {
    const r = run(['compare', '--from', 'htcds', 'examples/htcds/bad.csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.csv: line 2: prs_Birthdate:/);
  });
  it('batch: one answer per record in order, a bad record answered in place', () => {
    const r = run(['batch', '--from', 'htcds', '--detail', 'verdicts'], readFileSync(join(root, 'examples/htcds/bad.csv'), 'utf8'));
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ line: 2, error: 'FactsError' });
    expect(out[3].caseId).toBe('good-04');
    expect(out[3].regimes).toHaveLength(4);
  });
});

describe('batch --from htcds --format htcds', () => {
  it('one HTCDS status per regime per record, never merged, with the receipt', () => {
    const r = run(['batch', '--from', 'htcds', '--format', 'htcds', 'examples/htcds/sample.csv']);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(32);
    const values = ['ActualVictimOfTrafficking', 'PossibleVictimOfTrafficking', 'NotAVictimOfTrafficking'];
    for (const o of out) {
      expect(o.standard).toBe('HTCDS 2.0');
      for (const v of Object.values(o.vic_TraffickingStatus)) expect(values).toContain(v);
      expect(o.receipt.factsHash).toMatch(/^sha256:/);
    }
    // htcds-16 (2012): ACTIP was not yet in force, so it has no status.
    expect(Object.keys(out[15].vic_TraffickingStatus)).not.toContain('actip');
  });
});

describe('exchange', () => {
  it('made in Indonesia, verified in Malaysia: exit 0, the divergence shown; in Malay too', () => {
    const made = run(['exchange', 'make', 'examples/htcds/sample.csv', '--from', 'ID', '--to', 'MY', '--created', '2026-12-04']);
    expect(made.status, made.stderr).toBe(0);
    const records = made.stdout.trim().split('\n');
    expect(records).toHaveLength(32);
    const file = join(tmp, 'record-17.json');
    writeFileSync(file, records[16] as string);
    const v = run(['exchange', 'verify', file]);
    expect(v.status, v.stderr).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.verified).toBe(true);
    // UU 21/2007 Ps 3 (brought into Indonesia, no means needed) against Act 670 (an adult needs a means, none recorded).
    expect(report.lawDivergence.differ).toContain('trafficking');
    expect(report.htcds.vic_TraffickingStatus['uu-21-2007']).toBeDefined();
    const text = run(['exchange', 'verify', file, '--format', 'text', '--lang', 'ms']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Disahkan/);
    expect(text.stdout).toMatch(/by IOM|oleh IOM/);
  });
  it('a tampered record exits 1; a malformed one exits 2 naming the field', () => {
    const made = run(['exchange', 'make', 'examples/htcds/sample.csv', '--from', 'ID', '--to', 'MY', '--created', '2026-12-04']);
    const record = JSON.parse(made.stdout.trim().split('\n')[16] as string);
    const tampered = join(tmp, 'tampered.json');
    writeFileSync(tampered, JSON.stringify({ ...record, facts: { ...record.facts, means: ['force'] } }));
    const t = run(['exchange', 'verify', tampered]);
    expect(t.status).toBe(1);
    expect(JSON.parse(t.stdout).receipt.sameFacts).toBe(false);
    const bad = join(tmp, 'bad-record.json');
    writeFileSync(bad, JSON.stringify({ ...record, htcds: { ...record.htcds, prs_FirstName: 'Sample' } }));
    const b = run(['exchange', 'verify', bad]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/bad-record\.json: htcds: /);
  });
  it('exchange schema prints the schema in docs/', () => {
    const r = run(['exchange', 'schema']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(root, 'docs/exchange-record.schema.json'), 'utf8')));
  });
});
