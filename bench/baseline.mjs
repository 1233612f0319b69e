// Hand-written predicates for the four regimes' trafficking verdicts, written for the bench as the
// speed floor. They read the generated (closed, complete) facts directly: no validation, no
// unknowns, no citations, no versions other than the one the date selects, no interpretations
// beyond the defaults. Their answers are checked against the library on the same inputs.
const has = (arr, ...xs) => xs.some((x) => arr.includes(x));
const PALERMO_MEANS = ['threat', 'force', 'coercion', 'abduction', 'deception', 'fraud', 'abuse-of-vulnerability', 'payment-to-controller', 'debt-bondage'];
const PALERMO_PURPOSE = ['prostitution', 'sexual-exploitation', 'forced-labour', 'slavery', 'servitude', 'organ-removal', 'forced-criminality'];
const UU_MEANS = ['threat', 'force', 'coercion', 'abduction', 'deception', 'fraud', 'abuse-of-vulnerability', 'debt-bondage', 'payment-to-controller'];
const UU_ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt', 'sending'];
const MY_ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt', 'sending'];

function age(birth, date) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function baseline(f) {
  const child = age(f.victim.birthDate, f.conductDate) < 18;
  const act = f.acts.length > 0;
  const purpose = has(f.purposes, ...PALERMO_PURPOSE);
  const palermo = act && purpose && (child || has(f.means, ...PALERMO_MEANS));
  const actip = f.conductDate >= '2017-03-08' ? palermo : undefined;
  const m = f.movement;
  const myLink = m.origin === 'MY' || m.destination === 'MY';
  let act670;
  if (f.conductDate < '2022-02-22') act670 = has(f.acts, ...MY_ACTS) && purpose && myLink;
  else act670 = has(f.acts, ...MY_ACTS) && purpose && myLink && (child || f.victim.selfProtectionImpaired || has(f.means, ...PALERMO_MEANS));
  const inId = m.origin === 'ID' || m.destination === 'ID';
  const p2 = has(f.acts, ...UU_ACTS) && has(f.means, ...UU_MEANS) && f.purposes.length > 0 && inId;
  const p3 = m.destination === 'ID' && m.origin !== 'ID' && f.purposes.length > 0;
  const p4 = f.victim.nationality === 'ID' && m.origin === 'ID' && m.destination !== 'ID' && f.purposes.length > 0;
  const uu = p2 || p3 || p4;
  return { uu, act670, actip, palermo };
}

// For generate2.mjs cases (open sets, ages or birth dates, fields left out): the same predicates
// over facts read the simplest way, an unknown taken as false. A floor, not a second library.
const trueIn = (set, ids) => (Array.isArray(set) ? set.some((x) => ids.includes(x)) : !!set && ids.some((x) => set[x] === true));
const anyIn = (set) => (Array.isArray(set) ? set.length > 0 : !!set && Object.values(set).some((x) => x === true));
export function baseline2(f) {
  const v = f.victim ?? {};
  const years = v.birthDate ? age(v.birthDate, f.conductDate) : v.age;
  const child = years !== undefined && years < 18;
  const act = anyIn(f.acts);
  const purpose = trueIn(f.purposes, PALERMO_PURPOSE);
  const means = trueIn(f.means, PALERMO_MEANS);
  const palermo = act && purpose && (child || means);
  const actip = f.conductDate >= '2017-03-08' ? palermo : undefined;
  const m = f.movement ?? {};
  const myLink = m.origin === 'MY' || m.destination === 'MY';
  const act670 = f.conductDate < '2008-02-28' ? undefined : act && purpose && myLink && (f.conductDate < '2022-02-22' || child || v.selfProtectionImpaired === true || means);
  const inId = m.origin === 'ID' || m.destination === 'ID';
  const uu = (trueIn(f.acts, UU_ACTS) && trueIn(f.means, UU_MEANS) && anyIn(f.purposes) && inId) || (m.destination === 'ID' && m.origin !== 'ID' && anyIn(f.purposes)) || (v.nationality === 'ID' && m.origin === 'ID' && m.destination !== 'ID' && anyIn(f.purposes));
  return { uu, act670, actip, palermo };
}

// The naive json-rules-engine run the issue measures full detail against: per regime one Engine
// with one minimal rule, act AND (child OR means) AND purpose, on four facts read from the case.
export async function toyEngines() {
  const { Engine } = await import('json-rules-engine');
  const rule = { conditions: { all: [{ fact: 'acts', operator: 'greaterThan', value: 0 }, { any: [{ fact: 'child', operator: 'equal', value: true }, { fact: 'means', operator: 'greaterThan', value: 0 }] }, { fact: 'purposes', operator: 'greaterThan', value: 0 }] }, event: { type: 'trafficking' } };
  const engines = ['uu-21-2007', 'act-670', 'actip', 'palermo'].map(() => {
    const e = new Engine([], { allowUndefinedFacts: true });
    e.addRule(rule);
    return e;
  });
  const count = (set) => (Array.isArray(set) ? set.length : set ? Object.values(set).filter((x) => x === true).length : 0);
  return async (f) => {
    const v = f.victim ?? {};
    const years = v.birthDate ? age(v.birthDate, f.conductDate) : v.age;
    const facts = { acts: count(f.acts), means: count(f.means), purposes: count(f.purposes), child: years !== undefined && years < 18 };
    for (const e of engines) await e.run(facts);
  };
}
