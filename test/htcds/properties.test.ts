import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseFacts } from '../../src/facts/parseFacts.js';
import { fromHtcds, HTCDS_FIELDS } from '../../src/facts/htcds/fromHtcds.js';
import { fromHtcdsRows } from '../../src/facts/htcds/table.js';
import { makeExchange, verifyExchange } from '../../src/explain/exchange.js';

// Random HTCDS records built from the standard's own value lists (src/facts/htcds/fields.json, from the TSV).
const values = (f: string) => HTCDS_FIELDS[f]?.values ?? [];
const subset = (f: string) => fc.subarray(values(f), { minLength: 1 });
const country = fc.constantFrom('ID', 'MY', 'SG', 'TH', 'MM', 'KH', 'PH', 'VN', 'Indonesia', 'Malaysia', 'Viet Nam');
const date = fc.date({ min: new Date('2004-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const event = fc.record({ hte_Type: fc.constantFrom('Recruitment', 'Transit', 'Exploitation'), hte_Country: country, hte_Date: date }, { requiredKeys: ['hte_Type'] });
const record = fc.record(
  {
    prs_FirstName: fc.constant('Sample'),
    con_Consent: fc.constantFrom('TRUE', 'FALSE'),
    prs_Birthdate: fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    prs_Citizenship: country,
    vic_AgeWhenTrafficked: fc.integer({ min: 0, max: 90 }),
    vic_MethodsOfControl: subset('vic_MethodsOfControl').map((a) => a.join(';')),
    vic_TypeOfExploitation: subset('vic_TypeOfExploitation'),
    vic_TypeOfSexExploitation: subset('vic_TypeOfSexExploitation').map((a) => a.join(' ')),
    per: fc.array(fc.record({ per_RoleInProcess: subset('per_RoleInProcess') }), { maxLength: 3 }),
    hte: fc.array(event, { maxLength: 4 }),
  },
  { requiredKeys: [] },
).map((r) => {
  // A birth date and an age that agree are one fact; two that disagree are a contradiction (tested in mapping.test.ts).
  if (r.prs_Birthdate !== undefined && r.vic_AgeWhenTrafficked !== undefined) {
    const { vic_AgeWhenTrafficked: _age, ...rest } = r;
    return rest;
  }
  return r;
});

describe('fromHtcds on any record of standard values', () => {
  it('never throws, raises no issue, yields valid CaseFacts, and accounts for every field', () => {
    fc.assert(
      fc.property(record, (r) => {
        const m = fromHtcds(r);
        expect(m.issues).toEqual([]);
        expect(safeParseFacts(m.facts).success).toBe(true);
        const present = Object.entries(r).filter(([, v]) => !(Array.isArray(v) && v.length === 0)).map(([k]) => k);
        for (const k of present) expect([...m.mapped, ...m.unmapped]).toContain(k);
        // Open sets only: no concept is ever set to false from HTCDS.
        expect(JSON.stringify(m.facts)).not.toMatch(/:false/);
        expect(m.facts.victim?.consented).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  it('the same record as a table row (CSV cells, ";"-lists) maps to the same facts', () => {
    fc.assert(
      fc.property(record, (r) => {
        const cells: Record<string, string> = {};
        for (const [k, v] of Object.entries(r)) {
          if (k === 'per') cells.per_RoleInProcess = (v as Array<{ per_RoleInProcess: string[] }>).flatMap((p) => p.per_RoleInProcess).join(';');
          else if (k === 'hte') {
            const evs = v as Array<Record<string, string>>;
            for (const f of ['hte_Type', 'hte_Country', 'hte_Date']) cells[f] = evs.map((e) => e[f] ?? '').join(';');
          } else cells[k] = Array.isArray(v) ? v.join(';') : String(v);
        }
        const names = Object.keys(cells);
        const [row] = fromHtcdsRows([
          { line: 1, cells: names },
          { line: 2, cells: names.map((n) => cells[n] as string) },
        ]);
        expect(row?.issues).toEqual([]);
        expect(row?.facts).toEqual(fromHtcds(r).facts);
      }),
      { numRuns: 200 },
    );
  });
});

describe('exchange round trip', () => {
  it('a record made from any HTCDS record verifies, and its shared fields give back its facts', async () => {
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const rec = await makeExchange(r, { from: 'ID', to: 'MY', created: '2026-12-04' });
        expect(JSON.stringify(rec)).not.toMatch(/Sample/);
        const v = await verifyExchange(JSON.parse(JSON.stringify(rec)));
        expect(v.factsMatchHtcds).toBe(true);
        expect(v.verified).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
