import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Ajv is present as a dependency of @readme/openapi-parser (a devDependency); used here only to check
// that the generated JSON Schema accepts what the library writes and refuses what it refuses.
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isFactsError } from '../../src/facts/errors.js';
import { factsJsonSchema } from '../../src/facts/jsonSchema.js';
import { CASE_FACTS_SCHEMA_ID, exchangeJsonSchema, makeExchange, verifyExchange, type ExchangeRecord } from '../../src/explain/exchange.js';

const root = join(import.meta.dirname, '../..');
const sampleText = readFileSync(join(root, 'examples/htcds/sample.csv'), 'utf8');
const raw = (parse(sampleText, { columns: true, bom: true }) as Array<Record<string, string>>).slice(1).map((r) => {
  const { '': id, ...rest } = r;
  return { id, ...rest } as Record<string, string>;
});
/** The sample rows as the HTCDS record objects a case system holds (cells by field name; the template's blank first column is the id). */
const rec = (id: string) => raw.find((r) => r.id === id) as Record<string, string>;

// The record's schema refers to the CaseFacts schema by its $id: the validator is given both.
const validate = new Ajv2020({ allErrors: true, strict: false }).addSchema(factsJsonSchema()).compile(exchangeJsonSchema());

describe('exchange record: made in Indonesia, verified in Malaysia', () => {
  it('htcds-17: trafficking under Indonesian law, undetermined under Malaysian law; the record verifies and shows the divergence', async () => {
    const record = await makeExchange(rec('htcds-17'), { from: 'ID', to: 'MY', caseRef: 'ID-2022-017', created: '2026-12-04' });
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    // No names, contacts or case workers travel; only the documented minimal set.
    expect(Object.keys(record.htcds).sort()).toEqual(['hte', 'per', 'prs_Citizenship', 'vic_AgeWhenTrafficked', 'vic_TypeOfExploitation', 'vic_TypeOfSexExploitation'].sort());
    expect(JSON.stringify(record)).not.toMatch(/Sample|caseworker|Synthetic/);
    // Both national laws and ACTIP judged by the sender.
    expect(record.verdicts['uu-21-2007']?.trafficking).toBe('qualifies'); // UU 21/2007 Ps 3: brought into Indonesia, no means needed
    expect(record.verdicts['act-670']?.trafficking).toBe('undetermined'); // Act 670 (2022): an adult needs a means; none recorded
    expect(record.verdicts.actip).toBeDefined();

    const v = await verifyExchange(JSON.parse(JSON.stringify(record)), { receiver: 'MY' });
    expect(v.verified).toBe(true);
    expect(v.receipt).toEqual({ sameLibrary: true, sameFacts: true, ruleSetsDiffer: [] });
    expect(v.reEvaluation).toEqual([]);
    expect(v.factsMatchHtcds).toBe(true);
    expect(v.sender).toEqual({ country: 'ID', regime: 'uu-21-2007' });
    expect(v.receiver).toEqual({ country: 'MY', regime: 'act-670' });
    expect(v.lawDivergence.differ).toContain('trafficking');
    expect(v.lawDivergence.statuses['uu-21-2007']?.trafficking).toBe('qualifies');
    expect(v.lawDivergence.statuses['act-670']?.trafficking).toBe('undetermined');
    expect(v.lawDivergence.causes.find((d) => d.verdict === 'trafficking')?.causes.length).toBeGreaterThan(0);
  });

  it('the birth date is not shared by default: the age at the first event is, and that is stated', async () => {
    const record = await makeExchange(rec('htcds-01'), { from: 'ID', to: 'MY', created: '2026-12-04' });
    expect(record.htcds.prs_Birthdate).toBeUndefined();
    // Born 1995-03-10, recruited 2023-08-01: 28.
    expect(record.htcds.vic_AgeWhenTrafficked).toBe(28);
    expect(record.facts.victim?.birthDate).toBeUndefined();
    expect(record.assumptions.join('\n')).toMatch(/derived by the sender from prs_Birthdate/);
    const shared = await makeExchange(rec('htcds-01'), { from: 'ID', share: ['prs_Birthdate'], created: '2026-12-04' });
    expect(shared.htcds.prs_Birthdate).toBe('1995-03-10');
  });

  it('names and contact details cannot be shared, and the schema refuses them', async () => {
    await expect(makeExchange(rec('htcds-01'), { from: 'ID', share: ['prs_FirstName'] })).rejects.toSatisfy(isFactsError);
    const record = await makeExchange(rec('htcds-01'), { from: 'ID', to: 'MY', created: '2026-12-04' });
    const withName = { ...record, htcds: { ...record.htcds, prs_FirstName: 'Sample' } };
    expect(validate(withName)).toBe(false);
    await expect(verifyExchange(withName, { receiver: 'MY' })).rejects.toSatisfy((e: unknown) => isFactsError(e) && e.issues.some((i) => i.path === 'htcds'));
  });

  it('tampered facts: the facts hash no longer matches and the record does not verify', async () => {
    const record = await makeExchange(rec('htcds-17'), { from: 'ID', to: 'MY', created: '2026-12-04' });
    const tampered: ExchangeRecord = { ...record, facts: { ...record.facts, means: ['force'] } };
    const v = await verifyExchange(tampered);
    expect(v.verified).toBe(false);
    expect(v.receipt.sameFacts).toBe(false);
    expect(v.factsMatchHtcds).toBe(false);
  });

  it("a sender's verdict that the receiver's re-evaluation does not give is reported", async () => {
    const record = await makeExchange(rec('htcds-17'), { from: 'ID', to: 'MY', created: '2026-12-04' });
    const altered = structuredClone(record);
    (altered.verdicts['act-670'] as { trafficking: string }).trafficking = 'qualifies';
    const v = await verifyExchange(altered);
    expect(v.verified).toBe(false);
    expect(v.reEvaluation).toEqual([{ regime: 'act-670', verdict: 'trafficking', sender: 'qualifies', receiver: 'undetermined' }]);
  });

  it('other rule files on the receiving side are named', async () => {
    const record = await makeExchange(rec('htcds-05'), { from: 'MY', to: 'ID', created: '2026-12-04' });
    const other = structuredClone(record);
    other.receipt.ruleSets['act-670'] = 'act-670/2022-02-22#sha256:0000';
    const v = await verifyExchange(other);
    expect(v.verified).toBe(false);
    expect(v.receipt.ruleSetsDiffer).toEqual([{ regime: 'act-670', sender: 'act-670/2022-02-22#sha256:0000', receiver: record.receipt.ruleSets['act-670'] }]);
  });

  it('made in Malaysia, verified in Indonesia: htcds-05 is trafficking under Act 670 (transit, s.3) and not under UU 21/2007 (no Indonesian link)', async () => {
    const record = await makeExchange(rec('htcds-05'), { from: 'MY', to: 'ID', created: '2026-12-04' });
    const v = await verifyExchange(record);
    expect(v.verified).toBe(true);
    expect(v.lawDivergence.statuses['act-670']?.trafficking).toBe('qualifies');
    expect(v.lawDivergence.statuses['uu-21-2007']?.trafficking).toBe('does-not-qualify');
    expect(v.lawDivergence.differ).toContain('trafficking');
  });

  it('every sample record makes an exchange record that the generated JSON Schema accepts and that verifies', async () => {
    for (const r of raw) {
      const record = await makeExchange(r, { from: 'ID', to: 'MY', created: '2026-12-04' });
      expect(validate(record), `${r.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect((await verifyExchange(record)).verified, r.id).toBe(true);
    }
  });

  it('the schema has a version, and a record of another version is refused', async () => {
    const record = await makeExchange(rec('htcds-01'), { from: 'ID', to: 'MY', created: '2026-12-04' });
    expect(record.version).toBe(1);
    expect(validate({ ...record, version: 2 })).toBe(false);
    await expect(verifyExchange({ ...record, version: 2 })).rejects.toSatisfy((e: unknown) => isFactsError(e) && e.issues.some((i) => i.path === 'version'));
  });

  it('a contested reading chosen by the sender travels in the record and is applied by the receiver', async () => {
    // htcds-06: a Filipina in Sabah whose documents and earnings were withheld (2024), no other method recorded.
    const def = await makeExchange(rec('htcds-06'), { from: 'MY', to: 'ID', created: '2026-12-04' });
    const narrow = await makeExchange(rec('htcds-06'), { from: 'MY', to: 'ID', created: '2026-12-04', interpretations: { 'act-670-control-practices': 'not-means' } });
    // Default reading: withholding documents and wages are coercion or abuse of vulnerability (Act 670 s.2 as amended by A1644).
    expect(def.verdicts['act-670']?.trafficking).toBe('qualifies');
    // 'not-means': they are evidence, not means; no other means is recorded (an open set), so not established.
    expect(narrow.verdicts['act-670']?.trafficking).not.toBe('qualifies');
    expect(narrow.options?.interpretations).toEqual({ 'act-670-control-practices': 'not-means' });
    const v = await verifyExchange(narrow);
    expect(v.verified).toBe(true);
    expect(v.comparison.regimes.find((r) => r.regime === 'act-670')?.interpretations.find((i) => i.id === 'act-670-control-practices')?.chosen).toBe('not-means');
  });

  it('bad facts in a record are refused by the schema, through the CaseFacts schema it refers to', async () => {
    const record = await makeExchange(rec('htcds-01'), { from: 'ID', to: 'MY', created: '2026-12-04' });
    expect(validate({ ...record, facts: { ...record.facts, acts: ['kidnapping'] } })).toBe(false);
  });

  it('docs/exchange-record.schema.json is the generated schema', () => {
    const file = JSON.parse(readFileSync(join(root, 'docs/exchange-record.schema.json'), 'utf8'));
    expect(file, 'regenerate: node bin/tip-harmonise.mjs exchange schema > docs/exchange-record.schema.json').toEqual(exchangeJsonSchema());
    expect((factsJsonSchema() as { $id: string }).$id).toBe(CASE_FACTS_SCHEMA_ID);
  });
});
