// A second, independent case generator for the benchmarks (issue 16): unlike generate.mjs it mixes
// birth dates and bare ages, closed arrays and open concept sets ({ id: true|false }, the rest
// unknown), leaves fields out, draws conduct dates from 2005 to 2027 and gives some cases a
// continuing-conduct end date, so the speed figures do not rest on one input shape.
const ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt', 'sending', 'acquiring', 'maintaining'];
const MEANS = ['threat', 'force', 'coercion', 'abduction', 'deception', 'fraud', 'abuse-of-power', 'abuse-of-vulnerability', 'debt-bondage', 'payment-to-controller', 'payment-to-victim'];
const PURPOSES = ['prostitution', 'sexual-exploitation', 'forced-labour', 'slavery', 'servitude', 'organ-removal', 'forced-criminality', 'forced-begging'];
const COUNTRIES = ['ID', 'MY', 'TH', 'SG', 'KH', 'PH'];

export function generate2(n, seed = 7) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s ^ 0x9e3779b9, 2654435761) + 12345) >>> 0) / 2 ** 32);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const pad = (x) => String(x).padStart(2, '0');
  const date = (y) => `${y}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  // A concept set: closed array (what is true, the rest false), open object, or absent (unknown).
  const set = (ids, p) => {
    const r = rnd();
    if (r < 0.5) return ids.filter(() => rnd() < p);
    if (r < 0.85) return Object.fromEntries(ids.filter(() => rnd() < 0.4).map((id) => [id, rnd() < 0.6]));
    return undefined;
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const year = 2005 + Math.floor(rnd() * 23);
    const conductDate = date(year);
    const victim = {};
    const v = rnd();
    if (v < 0.45) victim.birthDate = date(year - 8 - Math.floor(rnd() * 30));
    else if (v < 0.85) victim.age = 8 + Math.floor(rnd() * 30);
    if (rnd() < 0.7) victim.nationality = pick(COUNTRIES);
    if (rnd() < 0.3) victim.selfProtectionImpaired = rnd() < 0.3;
    const movement = {};
    if (rnd() < 0.8) movement.origin = pick(COUNTRIES);
    if (rnd() < 0.8) movement.destination = pick(COUNTRIES);
    if (rnd() < 0.2) movement.transit = [pick(COUNTRIES)];
    if (rnd() < 0.5) movement.completed = rnd() < 0.6;
    const f = { id: `g2-${i}`, conductDate, victim, movement };
    if (rnd() < 0.15 && year < 2027) f.conductEndDate = date(Math.min(2027, year + 1 + Math.floor(rnd() * 4)));
    const acts = set(ACTS, 0.3);
    const means = set(MEANS, 0.15);
    const purposes = set(PURPOSES, 0.25);
    if (acts !== undefined) f.acts = acts;
    if (means !== undefined) f.means = means;
    if (purposes !== undefined) f.purposes = purposes;
    if (rnd() < 0.4) f.offender = { organisedCriminalGroup: rnd() < 0.3 };
    out.push(f);
  }
  return out;
}
