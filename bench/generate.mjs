// Deterministic generated cases for the benchmarks (a small LCG; no dependency).
const ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt', 'sending'];
const MEANS = ['threat', 'force', 'coercion', 'abduction', 'deception', 'fraud', 'abuse-of-vulnerability', 'debt-bondage', 'payment-to-controller'];
const PURPOSES = ['prostitution', 'sexual-exploitation', 'forced-labour', 'slavery', 'servitude', 'organ-removal', 'forced-criminality'];
const COUNTRIES = ['ID', 'MY', 'TH', 'SG'];
const DATES = ['2009-06-01', '2015-03-10', '2019-11-20', '2023-05-05', '2026-03-01'];

export function generate(n, seed = 42) {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const some = (a, p) => a.filter(() => rnd() < p);
  const out = [];
  for (let i = 0; i < n; i++) {
    const conductDate = pick(DATES);
    const year = Number(conductDate.slice(0, 4)) - (10 + Math.floor(rnd() * 25));
    out.push({
      id: `case-${i}`,
      conductDate,
      victim: { birthDate: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`, nationality: pick(COUNTRIES), selfProtectionImpaired: rnd() < 0.1, harm: rnd() < 0.7 ? ['psychological'] : [] },
      acts: some(ACTS, 0.3),
      means: some(MEANS, 0.15),
      purposes: some(PURPOSES, 0.25),
      exploitationOccurred: some(PURPOSES, 0.1),
      movement: { origin: pick(COUNTRIES), destination: pick(COUNTRIES), transit: [], completed: rnd() < 0.5 },
      offender: { organisedCriminalGroup: rnd() < 0.3 },
    });
  }
  return out;
}
