// The analysts' playground: a static page that runs the library in the browser. No server, no
// network: the library, the rule files and the fixtures are bundled into one HTML file.
import { ACTS, CONSEQUENCES, compare, EXPLOITATION, explainMissing, HARM, MEANS, renderComparison, summarise } from '../src/index.js';
import type { Comparison, ElementResult, Language, RegimeResult, Status } from '../src/index.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import { LABELS } from '../src/render/labels.js';

declare const FIXTURES: Array<{ id: string; title: string; facts: Record<string, unknown>; options?: Record<string, unknown> }>;

const UI = {
  en: { facts: 'Case facts', dates: 'Dates', conductDate: 'Conduct date', conductEndDate: 'End of continuing conduct', victim: 'The person', birthDate: 'Date of birth', age: 'Age (years, if no date of birth)', unborn: 'Unborn at the time', spi: 'Unable to protect themself (disability or condition)', nationality: 'Nationality', consented: 'Consented', harm: 'Harm suffered', acts: 'Acts', means: 'Means', purposes: 'Exploitation intended', occurred: 'Exploitation that happened', movement: 'Movement', origin: 'From (country)', destination: 'To (country)', transit: 'Through (countries, comma-separated)', exploitationCountry: 'Exploited in (country)', completed: 'Journey', interRegional: 'Between regions of one country', offender: 'Offender', ocg: 'Organised criminal group', official: 'Public official', links: 'Planned, controlled or with effects in another State', consequences: 'Consequences', unknown: 'unknown', yes: 'yes', no: 'no', othersUnknown: 'others unknown', othersNo: 'all others no', fixture: 'Load a fixture', none: '(choose)', language: 'Language', exportJson: 'Export case (JSON)', exportHtml: 'Export report (HTML)', reset: 'Clear', results: 'Results', missing: 'Facts that would decide it', arrived: 'arrived', stopped: 'stopped on the way', error: 'The facts are not valid' },
  id: { facts: 'Fakta perkara', dates: 'Tanggal', conductDate: 'Tanggal perbuatan', conductEndDate: 'Akhir perbuatan berlanjut', victim: 'Korban', birthDate: 'Tanggal lahir', age: 'Usia (tahun, jika tanggal lahir tidak diketahui)', unborn: 'Masih dalam kandungan', spi: 'Tidak mampu melindungi diri (disabilitas atau kondisi)', nationality: 'Kewarganegaraan', consented: 'Menyetujui', harm: 'Penderitaan yang dialami', acts: 'Perbuatan', means: 'Cara', purposes: 'Eksploitasi yang dituju', occurred: 'Eksploitasi yang terjadi', movement: 'Perpindahan', origin: 'Dari (negara)', destination: 'Ke (negara)', transit: 'Melalui (negara, pisahkan dengan koma)', exploitationCountry: 'Dieksploitasi di (negara)', completed: 'Perjalanan', interRegional: 'Antardaerah dalam satu negara', offender: 'Pelaku', ocg: 'Kelompok terorganisasi', official: 'Penyelenggara negara', links: 'Direncanakan, dikendalikan atau berdampak di negara lain', consequences: 'Akibat', unknown: 'tidak diketahui', yes: 'ya', no: 'tidak', othersUnknown: 'lainnya tidak diketahui', othersNo: 'lainnya tidak', fixture: 'Muat contoh perkara', none: '(pilih)', language: 'Bahasa', exportJson: 'Ekspor perkara (JSON)', exportHtml: 'Ekspor laporan (HTML)', reset: 'Kosongkan', results: 'Hasil', missing: 'Fakta yang menentukan', arrived: 'sampai', stopped: 'dihentikan di perjalanan', error: 'Fakta tidak valid' },
  ms: { facts: 'Fakta kes', dates: 'Tarikh', conductDate: 'Tarikh perbuatan', conductEndDate: 'Tamat perbuatan berterusan', victim: 'Orang itu', birthDate: 'Tarikh lahir', age: 'Umur (tahun, jika tarikh lahir tidak diketahui)', unborn: 'Masih dalam kandungan', spi: 'Tidak berupaya melindungi diri (ketidakupayaan atau keadaan)', nationality: 'Kewarganegaraan', consented: 'Bersetuju', harm: 'Kemudaratan dialami', acts: 'Perbuatan', means: 'Cara', purposes: 'Eksploitasi yang dimaksudkan', occurred: 'Eksploitasi yang berlaku', movement: 'Pergerakan', origin: 'Dari (negara)', destination: 'Ke (negara)', transit: 'Melalui (negara, dipisah koma)', exploitationCountry: 'Dieksploitasi di (negara)', completed: 'Perjalanan', interRegional: 'Antara wilayah dalam satu negara', offender: 'Pesalah', ocg: 'Kumpulan jenayah terancang', official: 'Penjawat awam', links: 'Dirancang, dikawal atau memberi kesan di negara lain', consequences: 'Akibat', unknown: 'tidak diketahui', yes: 'ya', no: 'tidak', othersUnknown: 'lain tidak diketahui', othersNo: 'lain tidak', fixture: 'Muatkan contoh kes', none: '(pilih)', language: 'Bahasa', exportJson: 'Eksport kes (JSON)', exportHtml: 'Eksport laporan (HTML)', reset: 'Kosongkan', results: 'Keputusan', missing: 'Fakta yang akan menentukannya', arrived: 'sampai', stopped: 'ditahan dalam perjalanan', error: 'Fakta tidak sah' },
} as const;

const COUNTRIES = ['ID', 'MY', 'SG', 'TH', 'PH', 'VN', 'KH', 'MM', 'LA', 'BN', 'TL', 'CN', 'IN', 'BD', 'SA', 'AE', 'TW', 'HK', 'KR', 'JP', 'AU'];
const SETS = [
  { key: 'acts', ids: ACTS, vocab: 'act' },
  { key: 'means', ids: MEANS, vocab: 'means' },
  { key: 'purposes', ids: EXPLOITATION, vocab: 'exploitation' },
  { key: 'exploitationOccurred', ids: EXPLOITATION, vocab: 'exploitation' },
  { key: 'victim.harm', ids: HARM, vocab: 'harm' },
  { key: 'consequences', ids: CONSEQUENCES, vocab: 'consequence' },
] as const;
const SET_LABEL: Record<string, keyof (typeof UI)['en']> = { acts: 'acts', means: 'means', purposes: 'purposes', exploitationOccurred: 'occurred', 'victim.harm': 'harm', consequences: 'consequences' };
const TRI = [
  ['victim.unborn', 'unborn'],
  ['victim.selfProtectionImpaired', 'spi'],
  ['victim.consented', 'consented'],
  ['movement.interRegional', 'interRegional'],
  ['offender.organisedCriminalGroup', 'ocg'],
  ['offender.publicOfficial', 'official'],
  ['offender.crossBorderLinks', 'links'],
] as const;

let lang: Language = 'en';
const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const conceptLabel = (vocab: string, id: string) => (bundledRuleBook().concepts as Record<string, Record<string, Record<string, string>>>)[vocab]?.[id]?.[lang] ?? id;

function triSelect(name: string, label: string): string {
  const u = UI[lang];
  return `<label class="tri"><span>${esc(label)}</span><select name="${name}" data-tri><option value="">${u.unknown}</option><option value="true">${u.yes}</option><option value="false">${u.no}</option></select></label>`;
}
function countrySelect(name: string, label: string): string {
  return `<label><span>${esc(label)}</span><select name="${name}"><option value="">${UI[lang].unknown}</option>${COUNTRIES.map((c) => `<option>${c}</option>`).join('')}</select></label>`;
}

function buildForm(): void {
  const u = UI[lang];
  const setBlocks = SETS.map(({ key, ids, vocab }) => `<fieldset class="set"><legend>${esc(u[SET_LABEL[key] as keyof typeof u] as string)}</legend>
    <div class="grid">${ids.map((id) => triSelect(`${key}::${id}`, conceptLabel(vocab, id))).join('')}</div>
    <label class="others"><span>&nbsp;</span><select name="${key}::__others"><option value="unknown">${u.othersUnknown}</option><option value="no">${u.othersNo}</option></select></label></fieldset>`).join('');
  $('#form').innerHTML = `
  <fieldset><legend>${u.dates}</legend><div class="grid">
    <label><span>${u.conductDate}</span><input type="date" name="conductDate"></label>
    <label><span>${u.conductEndDate}</span><input type="date" name="conductEndDate"></label></div></fieldset>
  <fieldset><legend>${u.victim}</legend><div class="grid">
    <label><span>${u.birthDate}</span><input type="date" name="victim.birthDate"></label>
    <label><span>${u.age}</span><input type="number" min="0" max="130" name="victim.age"></label>
    ${countrySelect('victim.nationality', u.nationality)}
    ${TRI.slice(0, 3).map(([n, l]) => triSelect(n, u[l])).join('')}</div></fieldset>
  ${setBlocks}
  <fieldset><legend>${u.movement}</legend><div class="grid">
    ${countrySelect('movement.origin', u.origin)}${countrySelect('movement.destination', u.destination)}${countrySelect('movement.exploitationCountry', u.exploitationCountry)}
    <label><span>${u.transit}</span><input name="movement.transit" placeholder="TH, MY / none"></label>
    <label class="tri"><span>${u.completed}</span><select name="movement.completed"><option value="">${u.unknown}</option><option value="true">${u.arrived}</option><option value="false">${u.stopped}</option></select></label>
    ${triSelect('movement.interRegional', u.interRegional)}</div></fieldset>
  <fieldset><legend>${u.offender}</legend><div class="grid">${TRI.slice(4).map(([n, l]) => triSelect(n, u[l])).join('')}</div></fieldset>`;
}

function setDeep(o: Record<string, any>, path: string, v: unknown) {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
  cur[keys[keys.length - 1] as string] = v;
}
function getDeep(o: any, path: string): unknown {
  return path.split('.').reduce((x, k) => (x == null ? undefined : x[k]), o);
}

function readForm(): Record<string, unknown> {
  const f: Record<string, any> = {};
  const form = $('#form') as HTMLFormElement;
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))) {
    const name = el.name;
    if (!name || name.includes('::')) continue;
    const v = el.value.trim();
    if (!v) continue;
    if (name === 'victim.age') setDeep(f, name, Number(v));
    else if (name === 'movement.transit') setDeep(f, name, v.toLowerCase() === 'none' ? [] : v.split(/[,\s]+/).filter(Boolean).map((x) => x.toUpperCase()));
    else if (el.hasAttribute('data-tri') || name === 'movement.completed') setDeep(f, name, v === 'true');
    else setDeep(f, name, v);
  }
  for (const { key, ids } of SETS) {
    const others = (form.querySelector(`[name="${key}::__others"]`) as HTMLSelectElement).value;
    const given: Record<string, boolean> = {};
    for (const id of ids) {
      const v = (form.querySelector(`[name="${key}::${id}"]`) as HTMLSelectElement).value;
      if (v) given[id] = v === 'true';
    }
    if (others === 'no') setDeep(f, key, ids.filter((id) => given[id]));
    else if (Object.keys(given).length) setDeep(f, key, given);
  }
  return f;
}

function writeForm(f: Record<string, any>): void {
  const form = $('#form') as HTMLFormElement;
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'))) {
    const name = el.name;
    if (!name || name.includes('::')) continue;
    const v = getDeep(f, name);
    // An empty transit list is a known fact ("none"), not an unknown one.
    el.value = v === undefined ? '' : Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : String(v);
  }
  for (const { key, ids } of SETS) {
    const set = getDeep(f, key) as string[] | Record<string, boolean> | undefined;
    (form.querySelector(`[name="${key}::__others"]`) as HTMLSelectElement).value = Array.isArray(set) ? 'no' : 'unknown';
    for (const id of ids) {
      const v = Array.isArray(set) ? set.includes(id) : set?.[id];
      (form.querySelector(`[name="${key}::${id}"]`) as HTMLSelectElement).value = v === undefined ? '' : String(v);
    }
  }
}

const CLASS: Record<Status, string> = { qualifies: 'q', 'does-not-qualify': 'n', undetermined: 'u', 'not-in-force': 'x' };
function badge(s: Status): string {
  return `<span class="badge ${CLASS[s]}" data-status="${s}">${esc(LABELS[lang].statuses[s])}</span>`;
}
function elementItem(e: ElementResult): string {
  const c = e.notRequiredBy ?? e.citation;
  const wording = c.text ? `<blockquote lang="${c.text.language}">${esc(c.text.original)}</blockquote>${c.text.english ? `<blockquote lang="en">${esc(c.text.english)}</blockquote>` : ''}` : '';
  return `<li><details><summary><span class="el ${e.status}">${esc(LABELS[lang].elementStatuses[e.status])}</span> ${esc(e.label ?? e.element)}${e.matched.length ? ` <small>(${esc(e.matched.join(', '))})</small>` : ''}</summary>
    <p class="cite">${esc(`${c.instrument} ${c.provision}`)} · ${esc(LABELS[lang].confidences[c.confidence])}</p>${wording}${e.note ? `<p>${esc(e.note)}</p>` : ''}</details></li>`;
}
function column(r: RegimeResult, c: Comparison): string {
  const t = LABELS[lang];
  const verdicts = (['trafficking', 'victim', 'child', 'scope'] as const).filter((v) => r[v]);
  return `<section class="regime" data-regime="${r.regime}" aria-label="${esc(r.version.label)}"><h3>${esc(r.version.label)}</h3>
    <dl>${verdicts.map((v) => `<dt>${esc(t.verdicts[v])}</dt><dd data-verdict="${v}">${badge((r[v] as { status: Status }).status)}</dd>`).join('')}</dl>
    <p class="summary">${esc(summarise(r, { language: lang, ...(c.asOf ? { asOf: c.asOf } : {}) }))}</p>
    <h4>${esc(t.verdicts.trafficking)}</h4><ul class="elements">${r.trafficking.elements.map(elementItem).join('')}</ul></section>`;
}

async function update(): Promise<void> {
  const facts = readForm();
  history.replaceState(null, '', `#${encodeURIComponent(JSON.stringify(facts))}`);
  const out = $('#results');
  try {
    const c = await compare(facts);
    lastComparison = c;
    const t = LABELS[lang];
    const questions = explainMissing(c, { language: lang });
    out.innerHTML = `<div class="columns">${c.regimes.map((r) => column(r, c)).join('')}</div>
      <section><h3>${esc(t.divergences)}</h3>${c.divergences.length ? `<ul>${c.divergences.flatMap((d) => d.causes.map((x) => `<li><strong>${esc(t.verdicts[d.verdict])} · ${esc(x.element)}</strong>: ${esc(x.explanation)}</li>`)).join('')}</ul>` : `<p>${esc(t.noDivergences)}</p>`}</section>
      ${questions.length ? `<section><h3>${esc(UI[lang].missing)}</h3><ol>${questions.slice(0, 8).map((q) => `<li>${esc(q.question)} <small>(${esc(q.fact)})</small></li>`).join('')}</ol></section>` : ''}`;
  } catch (e) {
    lastComparison = undefined;
    const issues = (e as { issues?: Array<{ path: string; message: string }> }).issues ?? [];
    out.innerHTML = `<div role="alert" class="error"><strong>${esc(UI[lang].error)}</strong><ul>${issues.map((i) => `<li><code>${esc(i.path)}</code>: ${esc(i.message)}</li>`).join('')}</ul></div>`;
  }
}
let lastComparison: Comparison | undefined;

function download(name: string, type: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
}

function relabel(): void {
  const u = UI[lang];
  document.documentElement.lang = lang;
  $('#title').textContent = LABELS[lang].title;
  $('#facts-heading').textContent = u.facts;
  $('#results-heading').textContent = u.results;
  $('#lang-label').textContent = u.language;
  $('#fixture-label').textContent = u.fixture;
  $('#export-json').textContent = u.exportJson;
  $('#export-html').textContent = u.exportHtml;
  $('#reset').textContent = u.reset;
  ($('#fixture') as HTMLSelectElement).options[0]!.textContent = u.none;
}

function init(): void {
  const fixture = $('#fixture') as HTMLSelectElement;
  fixture.innerHTML = `<option value=""></option>${FIXTURES.map((f, i) => `<option value="${i}">${esc(f.title)}</option>`).join('')}`;
  buildForm();
  relabel();
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash) {
    try {
      writeForm(JSON.parse(hash));
    } catch {
      /* a broken link: start empty */
    }
  }
  $('#form').addEventListener('change', () => void update());
  $('#form').addEventListener('input', (e) => (e.target as HTMLElement).tagName === 'INPUT' && void update());
  fixture.addEventListener('change', () => {
    const f = FIXTURES[Number(fixture.value)];
    if (f) {
      writeForm(f.facts as Record<string, any>);
      void update();
    }
  });
  $('#lang').addEventListener('change', () => {
    const facts = readForm();
    lang = ($('#lang') as HTMLSelectElement).value as Language;
    buildForm();
    writeForm(facts);
    relabel();
    void update();
  });
  $('#export-json').addEventListener('click', () => download('case.json', 'application/json', JSON.stringify(readForm(), null, 2)));
  $('#export-html').addEventListener('click', () => lastComparison && download('report.html', 'text/html', renderComparison(lastComparison, 'html', { language: lang })));
  $('#reset').addEventListener('click', () => {
    writeForm({});
    void update();
  });
  void update();
}

init();
