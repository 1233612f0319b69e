import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fromHtcds, HTCDS_MAPPING } from '../../src/facts/htcds/fromHtcds.js';

// HTCDS 2.0 field names and picklist values: Human Trafficking Case Data Standard (HTCDS) by IOM, CC BY 4.0.
const root = join(import.meta.dirname, '../..');

/** The standard's own picklist for a field, read from its field list (the TSV export of the .ods) with csv-parse. */
function standardValues(field: string): string[] {
  const rows = parse(readFileSync(join(root, 'standards/htcds/htcds-fields-2.0.tsv'), 'utf8'), { delimiter: '\t', relax_column_count: true, relax_quotes: true }) as string[][];
  for (const r of rows) {
    const i = r.indexOf(field);
    if (i >= 3) return (r[i + 3] ?? '').split(/\s+/).filter(Boolean);
  }
  throw new Error(`${field} not in the standard`);
}

describe('the mapping covers the standard, value for value', () => {
  for (const field of ['vic_MethodsOfControl', 'vic_TypeOfExploitation', 'vic_TypeOfSexExploitation', 'per_RoleInProcess']) {
    it(`${field}: every HTCDS 2.0 value has a mapping, and every mapped value is in the standard`, () => {
      const mapped = Object.keys(HTCDS_MAPPING.fields[field]?.values ?? {}).sort();
      expect(mapped).toEqual(standardValues(field).sort());
    });
  }
  it('hte_Type: Recruitment, Transit, Exploitation', () => {
    expect(Object.keys(HTCDS_MAPPING.events.types).sort()).toEqual(standardValues('hte_Type').sort());
  });
});

const means = (v: string) => fromHtcds({ vic_MethodsOfControl: v }).facts.means;

describe('vic_MethodsOfControl -> means (an open set)', () => {
  // Expected from the vocabulary (../shared/design/vocabulary.md) and the HTCDS definitions, the reason beside each.
  const table: Array<[string, Record<string, true> | undefined, string]> = [
    ['PhysicalThreats', { threat: true }, 'a physical threat is the threat of force (Palermo Art 3(a); UU 21/2007 ancaman kekerasan)'],
    ['ThreatsLawEnforcement', { coercion: true }, 'threat of the legal process is "other coercion", not a threat of force'],
    ['ThreatensChildrenFamily', { coercion: true }, 'not recorded as a threat of violence, so coercion, not threat of force'],
    ['DebtBondage', { 'debt-bondage': true }, 'penjeratan utang, UU 21/2007 Ps 1 angka 15'],
    ['FalsePromises', { deception: true }, 'tricked by false pretences: deception (penipuan)'],
    ['PhysicalAbuse', { force: true }, 'use of force (penggunaan kekerasan)'],
    ['SexualAbuse', { force: true }, 'non-consenting sexual contact is violence'],
    ['TakesEarnings', { 'wage-withholding': true }, 'withholding of wages'],
    ['RestrictsFinancialAccess', undefined, 'no shared means concept'],
    ['RestrictsMedicalCare', undefined, 'no shared means concept'],
    ['WithholdsNecessities', { coercion: true }, 'threat of serious non-violent harm'],
    ['PsychologicalAbuse', { coercion: true }, 'psychological pressure'],
    ['PsychoactiveSubstance', { 'abuse-of-vulnerability': true }, 'exploiting dependence: abuse of a position of vulnerability'],
    ['ExcessiveWorkingHours', undefined, 'an indicator of the exploitation, not a means'],
    ['WithholdsDocuments', { 'document-retention': true }, 'keeping the passport or papers'],
    ['Other', undefined, 'unspecified'],
  ];
  for (const [value, expected, why] of table) {
    it(`${value} -> ${expected ? Object.keys(expected).join(', ') : 'no means'} (${why})`, () => {
      expect(means(value)).toEqual(expected);
    });
  }
  it('a method not ticked is unknown, never false', () => {
    const m = means('FalsePromises') as Record<string, boolean>;
    expect(m.deception).toBe(true);
    expect('force' in m).toBe(false);
    expect(Object.values(m).includes(false)).toBe(false);
  });
  it('harm suffered is inferred from abuse, and the inference is stated', () => {
    const r = fromHtcds({ vic_MethodsOfControl: 'PhysicalAbuse;PsychologicalAbuse' });
    expect(r.facts.victim?.harm).toEqual({ physical: true, psychological: true });
    expect(r.assumptions.some((a) => a.includes('victim.harm.physical'))).toBe(true);
  });
  it('multiselects: ";" (Excel/CSV), an array (JSON) and spaces (ODK select_multiple) read alike', () => {
    const expected = { deception: true, 'document-retention': true };
    expect(means('FalsePromises;WithholdsDocuments')).toEqual(expected);
    expect(means('FalsePromises; WithholdsDocuments')).toEqual(expected);
    expect(fromHtcds({ vic_MethodsOfControl: ['FalsePromises', 'WithholdsDocuments'] }).facts.means).toEqual(expected);
    expect(means('FalsePromises WithholdsDocuments')).toEqual(expected);
  });
  it("the XLSForm's spelling of the field (vic_Methods_of_Control) is read too", () => {
    expect(fromHtcds({ vic_Methods_of_Control: 'DebtBondage' }).facts.means).toEqual({ 'debt-bondage': true });
  });
  it('a value from the definitions document, not the picklist, is an issue naming the field', () => {
    const r = fromHtcds({ vic_MethodsOfControl: 'Threats' });
    expect(r.issues).toEqual([expect.objectContaining({ path: 'vic_MethodsOfControl', field: 'vic_MethodsOfControl', code: 'unknown_value' })]);
    expect(r.facts.means).toBeUndefined();
  });
});

describe('vic_TypeOfExploitation -> exploitationOccurred, and (stated) purposes', () => {
  const table: Array<[string, string[], string]> = [
    ['ForcedLabour', ['forced-labour'], 'forced labour or services'],
    ['SexualExploitation', ['sexual-exploitation'], 'other sexual exploitation'],
    ['ChildLabour', ['labour-exploitation'], 'using labour for gain (UU 21/2007 Ps 1 angka 7); not itself a listed form elsewhere'],
    ['ForcedMarriage', ['forced-marriage'], 'forced marriage'],
    ['Servitude', ['servitude'], 'servitude'],
    ['ForcedMilitaryByNonStateActors', ['forced-labour'], 'ILO C182 Art 3(a): forced recruitment for armed conflict is forced labour'],
    ['OrganRemoval', ['organ-removal'], 'removal of organs'],
    ['ForcedBegging', ['forced-begging'], 'forced begging'],
    ['ForcedAdoption', [], 'adoption is an act (UU 21/2007 Ps 5), not a form of exploitation'],
    ['Surrogacy', ['reproductive-exploitation'], 'pemanfaatan organ reproduksi'],
    ['Other', ['exploitation-unspecified'], 'a form not listed'],
  ];
  for (const [value, concepts, why] of table) {
    it(`${value} -> ${concepts.join(', ') || 'nothing'} (${why})`, () => {
      const r = fromHtcds({ vic_TypeOfExploitation: value });
      const expected = concepts.length ? Object.fromEntries(concepts.map((c) => [c, true])) : undefined;
      expect(r.facts.exploitationOccurred).toEqual(expected);
      expect(r.facts.purposes).toEqual(expected);
    });
  }
  it('ForcedAdoption: the act of adoption (UU 21/2007 Ps 5), stated as an assumption; no form of exploitation', () => {
    const r = fromHtcds({ vic_TypeOfExploitation: 'ForcedAdoption' });
    expect(r.facts.acts).toEqual({ adoption: true });
    expect(r.assumptions.join(' ')).toMatch(/acts\.adoption/);
  });
  it('occurred is also taken as intended, and that assumption is stated', () => {
    const r = fromHtcds({ vic_TypeOfExploitation: 'ForcedLabour' });
    expect(r.assumptions.some((a) => a.includes('exploitation intended'))).toBe(true);
  });
  it('vic_TypeOfSexExploitation Prostitution adds prostitution', () => {
    const r = fromHtcds({ vic_TypeOfExploitation: 'SexualExploitation', vic_TypeOfSexExploitation: 'Prostitution' });
    expect(r.facts.exploitationOccurred).toEqual({ 'sexual-exploitation': true, prostitution: true });
  });
});

describe('per_RoleInProcess -> acts (and means where the law makes the role one)', () => {
  const table: Array<[string, Record<string, Record<string, true>>, string]> = [
    ['RecruiterOrIntermediary', { acts: { recruitment: true } }, 'perekrutan / recruiting'],
    ['Transporter', { acts: { transportation: true } }, 'pengangkutan / transporting'],
    ['TransferredIndividual', { acts: { transfer: true } }, 'pemindahan / transfer'],
    ['HarbouredIndividual', { acts: { harbouring: true } }, 'penampungan / harbouring'],
    ['ReceivedIndividual', { acts: { receipt: true } }, 'penerimaan / receipt'],
    ['SoldIndividual', { acts: { transfer: true }, means: { 'payment-to-controller': true } }, 'Palermo Art 3(a): payments to a person having control'],
    ['BoughtIndividual', { acts: { receipt: true }, means: { 'payment-to-controller': true } }, 'Palermo Art 3(a): payments to a person having control'],
    ['Kidnapper', { means: { abduction: true } }, 'penculikan / abduction is a means, not an act'],
    ['Smuggler', {}, 'smuggling of migrants is another offence'],
    ['Exploiter', {}, 'exploiting is the purpose, not an act'],
  ];
  for (const [value, expected, why] of table) {
    it(`${value} (${why})`, () => {
      const f = fromHtcds({ per: [{ per_RoleInProcess: value }] }).facts;
      expect(f.acts).toEqual(expected.acts);
      expect(f.means).toEqual(expected.means);
    });
  }
  it('roles of several perpetrators add up; a CSV column per_RoleInProcess reads the same', () => {
    expect(fromHtcds({ per: [{ per_RoleInProcess: 'RecruiterOrIntermediary' }, { per_RoleInProcess: ['Transporter'] }] }).facts.acts).toEqual({ recruitment: true, transportation: true });
    expect(fromHtcds({ per_RoleInProcess: 'RecruiterOrIntermediary;Transporter' }).facts.acts).toEqual({ recruitment: true, transportation: true });
  });
});

describe('traps', () => {
  it('con_Consent is consent to the interview: it never sets victim.consented', () => {
    for (const v of ['TRUE', 'FALSE', true, false]) {
      const r = fromHtcds({ con_Consent: v, prs_Citizenship: 'ID' });
      expect(r.facts.victim).toEqual({ nationality: 'ID' });
      expect(r.unmapped).toContain('con_Consent');
      expect(r.reasons.con_Consent).toMatch(/interview/);
    }
  });
  it('countries: alpha-2 in any case, or a listed name in English, Indonesian or Malay', () => {
    for (const v of ['ID', 'id', 'Indonesia', 'INDONESIA', ' Republik Indonesia ']) expect(fromHtcds({ prs_Citizenship: v }).facts.victim?.nationality).toBe('ID');
    expect(fromHtcds({ prs_Citizenship: 'Viet Nam' }).facts.victim?.nationality).toBe('VN');
    expect(fromHtcds({ hte: [{ hte_Type: 'Exploitation', hte_Country: 'Arab Saudi' }] }).facts.movement?.exploitationCountry).toBe('SA');
  });
  it('an unknown country is an issue naming the field, never a guess', () => {
    const r = fromHtcds({ prs_Citizenship: 'Atlantis' });
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([['prs_Citizenship', 'unknown_country']]);
    expect(r.facts.victim).toBeUndefined();
    const e = fromHtcds({ hte: [{ hte_Type: 'Recruitment', hte_Country: 'XX' }] });
    expect(e.issues.map((i) => i.path)).toEqual(['hte.0.hte_Country']);
  });
  it('two citizenships: nationality left unknown, and said so', () => {
    const r = fromHtcds({ prs_Citizenship: 'ID;MY' });
    expect(r.facts.victim?.nationality).toBeUndefined();
    expect(r.assumptions.join(' ')).toMatch(/more than one country/);
    expect(r.mapped).toContain('prs_Citizenship');
  });
  it('vic_AgeWhenTrafficked is whole years; anything else is an issue', () => {
    expect(fromHtcds({ vic_AgeWhenTrafficked: '16' }).facts.victim?.age).toBe(16);
    expect(fromHtcds({ vic_AgeWhenTrafficked: 16 }).facts.victim?.age).toBe(16);
    for (const bad of ['sixteen', '16.5', '-1', '200']) expect(fromHtcds({ vic_AgeWhenTrafficked: bad }).issues[0]?.code).toBe('invalid_age');
  });
  it('a birth date that does not exist is an issue naming prs_Birthdate', () => {
    expect(fromHtcds({ prs_Birthdate: '2007-02-30' }).issues[0]).toMatchObject({ path: 'prs_Birthdate', code: 'invalid_date' });
    expect(fromHtcds({ prs_Birthdate: '15/01/2007' }).issues[0]).toMatchObject({ path: 'prs_Birthdate', code: 'invalid_date' });
  });
  it('a birth date and an age when trafficked that contradict each other are an issue naming the HTCDS fields', () => {
    // Born 1970-01-01, first event 2004-01-01: 34, not 16.
    const r = fromHtcds({ prs_Birthdate: '1970-01-01', vic_AgeWhenTrafficked: 16, hte: [{ hte_Type: 'Recruitment', hte_Date: '2004-01-01' }] });
    expect(r.issues).toEqual([expect.objectContaining({ path: 'vic_AgeWhenTrafficked', field: 'vic_AgeWhenTrafficked' })]);
    expect(r.issues[0]?.message).toMatch(/prs_Birthdate/);
    expect(r.facts).toEqual({});
  });
  it('an empty cell is unknown: not mapped, not listed, nothing set', () => {
    const r = fromHtcds({ prs_Birthdate: '', vic_MethodsOfControl: '  ', prs_FirstName: '' });
    expect(r).toMatchObject({ facts: {}, mapped: [], unmapped: [], issues: [] });
  });
});

describe('unmapped fields are listed, never dropped silently', () => {
  it('names, contacts and other HTCDS fields, and keys that are not HTCDS at all, each with a reason', () => {
    const r = fromHtcds({ prs_FirstName: 'Sample', prs_MobilePhone: '000', vic_TraffickingStatus: 'ActualVictimOfTrafficking', cas_Status: 'Active', myOwnColumn: 'x', prs_Birthdate: '2000-01-01' });
    expect(r.mapped).toEqual(['prs_Birthdate']);
    expect(r.unmapped).toEqual(['prs_FirstName', 'prs_MobilePhone', 'vic_TraffickingStatus', 'cas_Status', 'myOwnColumn']);
    expect(r.reasons.myOwnColumn).toBe('Not an HTCDS 2.0 field name.');
    expect(r.reasons.vic_TraffickingStatus).toMatch(/not a fact/);
    for (const f of r.unmapped) expect(r.reasons[f]).toBeTruthy();
  });
});

describe('fields inside perpetrators and events are accounted for too', () => {
  it('a perpetrator\'s name and an event\'s street are listed as unmapped; a perpetrator that is not an object is an issue', () => {
    const r = fromHtcds({
      per: [{ per_RoleInProcess: 'Transporter', prs_FirstName: 'Sample', per_RoleDetails: 'drove the van' }, 'x'],
      hte: [{ hte_Type: 'Recruitment', hte_Country: 'ID', hte_Street: 'Jalan Contoh 1', hte_Description: 'met at the market' }],
    });
    expect(r.unmapped).toEqual(['per.0.prs_FirstName', 'per.0.per_RoleDetails', 'hte.0.hte_Street', 'hte.0.hte_Description']);
    expect(r.issues.map((i) => i.path)).toEqual(['per.1']);
    expect(r.facts.acts).toEqual({ transportation: true, recruitment: true });
  });
});

describe('historic events -> movement and conductDate', () => {
  it('recruitment, transit and exploitation, with the dates: origin, transit, exploitation country, earliest date', () => {
    const r = fromHtcds({
      hte: [
        { hte_Type: 'Exploitation', hte_Country: 'MY', hte_Date: '2022-09-10' },
        { hte_Type: 'Recruitment', hte_Country: 'MM', hte_Date: '2022-09-01' },
        { hte_Type: 'Transit', hte_Country: 'TH', hte_Date: '2022-09-03' },
      ],
    });
    expect(r.facts.conductDate).toBe('2022-09-01');
    expect(r.facts.movement).toEqual({ origin: 'MM', transit: ['TH'], exploitationCountry: 'MY', destination: 'MY', completed: true });
    expect(r.facts.acts).toEqual({ recruitment: true, transportation: true });
    expect(r.assumptions.join('\n')).toMatch(/earliest hte_Date/);
  });
  it('CSV: ";"-separated lists, one item per event; lists of unequal length are an issue', () => {
    const r = fromHtcds({ hte_Type: 'Recruitment;Exploitation', hte_Country: 'ID;ID', hte_State: 'Jawa Barat;Riau', hte_Date: '2023-05-10;2023-06-01' });
    expect(r.facts.movement).toEqual({ origin: 'ID', exploitationCountry: 'ID', destination: 'ID', completed: true, interRegional: true });
    const bad = fromHtcds({ hte_Type: 'Recruitment;Exploitation', hte_Country: 'ID' });
    expect(bad.issues[0]).toMatchObject({ path: 'hte_Country', code: 'event_count' });
  });
  it('an unknown event type is an issue', () => {
    expect(fromHtcds({ hte: [{ hte_Type: 'Arrival' }] }).issues[0]).toMatchObject({ path: 'hte.0.hte_Type', code: 'unknown_value' });
  });
});

describe('docs/case-systems.md documents the mapping as it is', () => {
  const doc = readFileSync(join(root, 'docs/case-systems.md'), 'utf8');
  it('every picklist value mapped has its row in the HTCDS table, with its CaseFacts target', () => {
    for (const [field, rule] of Object.entries(HTCDS_MAPPING.fields)) {
      for (const [value, vr] of Object.entries(rule.values ?? {})) {
        const row = doc.split('\n').find((l) => l.startsWith(`| \`${field}\` | \`${value}\` |`));
        expect(row, `${field} ${value}`).toBeDefined();
        for (const to of vr.to) expect(row, `${field} ${value} -> ${to}`).toContain(to);
      }
    }
  });
  it("IOM's attribution and its no-endorsement condition are stated", () => {
    expect(doc).toMatch(/Human Trafficking Case Data Standard \(HTCDS\) by\s+> IOM\*?, licensed under \[CC BY 4\.0\]|Human Trafficking Case Data Standard \(HTCDS\) by IOM/);
    expect(doc).toMatch(/IOM does not endorse tip-harmonise/);
  });
});
