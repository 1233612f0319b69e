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
