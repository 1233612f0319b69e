// The analysts' playground: a static page that runs the library in the browser. No server, no
// network: the library, the rule files and the fixtures are bundled into one HTML file
// (scripts/build-playground.mjs), so it works when opened from the file system.
//
// No framework: the page is one form and one results pane, re-rendered as a whole on every
// change (a comparison takes well under a millisecond), which keeps the state in two places only:
// the form and the URL hash.
import { ACTS, CONSEQUENCES, compare, EXPLOITATION, explainMissing, HARM, MEANS, regimes, renderComparison, summarise } from '../src/index.js';
import type { CompareOptions, Comparison, ElementResult, ExplanationNode, Language, OffenceResult, RegimeResult, Status } from '../src/index.js';
import { COUNTRY_CODES } from '../src/facts/countries.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import { LABELS } from '../src/words/labels.js';
import { offenceFormText } from '../src/render/offenceForm.js';
import { escapeHtml } from '../src/render/escape.js';
import { message } from '../src/words/messages.js';
import { otherOffenceTitle, penaltyPhrase } from '../src/compare/caughtBy.js';
import type { OtherOffenceResult } from '../src/index.js';

/** Facts the neighbouring offences turn on (issue 13): smuggling, placement of migrant workers; labels in locales (otherOffences). */
const NEIGHBOURING_FACTS = [
  { name: 'movement.unlawfulCrossing', key: 'uiUnlawfulCrossing' },
  { name: 'offender.forGain', key: 'uiForGain' },
  { name: 'offender.placedMigrantWorker', key: 'uiPlaced' },
  { name: 'offender.individualPlacer', key: 'uiIndividualPlacer' },
  { name: 'offender.placementRequirementsMet', key: 'uiRequirementsMet' },
] as const;

type Facts = Record<string, any>;
type Options = { asOf?: string; interpretations?: Record<string, string> };
declare const FIXTURES: Array<{ id: string; title: string; facts: Facts; options?: Options }>;

// Interface texts. Statutory wording is never translated: it is shown as the rule files hold it.
const UI = {
  en: {
    facts: 'Case facts', caseId: 'Case reference (optional)', dates: 'Dates', conductDate: 'Conduct date (start)', conductEndDate: 'End of continuing conduct',
    victim: 'The person', birthDate: 'Date of birth', age: 'Age in years (if no date of birth)', ageMax: 'Age up to (only if a range is known)',
    unborn: 'Unborn at the time', spi: 'Unable to protect themself (disability or condition)', nationality: 'Nationality', consented: 'Consented',
    harm: 'Harm suffered', acts: 'Acts done to the person', means: 'Means used', purposes: 'Exploitation intended', occurred: 'Exploitation that happened',
    movement: 'Movement', origin: 'Taken from (country)', destination: 'Taken to (country)', transit: 'Through (country codes, comma-separated; "none" if none)',
    exploitationCountry: 'Exploited in (country)', begun: 'Had the journey begun (not only recruited)?', completed: 'Did the journey end at the destination?', interRegional: 'Moved between regions of one country',
    offender: 'Offender', ocg: 'Organised criminal group', official: 'Public official abusing office', links: 'Planned, controlled or with effects in another State',
    consequences: 'Consequences (aggravation)', unknown: 'unknown', yes: 'yes', no: 'no', others: 'Not answered above', othersUnknown: 'unknown',
    othersNo: 'no (this list is complete)', fixture: 'Load an example case', none: '(choose an example)', language: 'Language',
    exportJson: 'Export case (JSON)', exportHtml: 'Export report (HTML)', reset: 'Clear all facts', results: 'Results', missing: 'Questions that would decide open verdicts',
    decides: 'decides', answer: 'Answer', arrived: 'arrived', stopped: 'stopped on the way', error: 'The facts are not valid', law: 'Law and contested readings',
    asOf: 'Judge the law as in force on (default: conduct date)', readingsChanged: 'not the default', defaultReading: 'default', asean: 'ASEAN', allCountries: 'All countries',
    elements: 'Elements', whyTree: 'Why', notEvaluated: 'not evaluated', found: 'found', required: 'required', inForce: 'in force', until: 'until',
    laterVersions: 'Later versions during the conduct', offline: 'Runs entirely in this page: nothing you enter leaves your computer.', toResults: 'Skip to results',
  },
  id: {
    facts: 'Fakta perkara', caseId: 'Nomor perkara (opsional)', dates: 'Tanggal', conductDate: 'Tanggal perbuatan (awal)', conductEndDate: 'Akhir perbuatan berlanjut',
    victim: 'Orang tersebut', birthDate: 'Tanggal lahir', age: 'Usia dalam tahun (jika tanggal lahir tidak diketahui)', ageMax: 'Usia sampai dengan (hanya jika rentang)',
    unborn: 'Masih dalam kandungan', spi: 'Tidak mampu melindungi diri (disabilitas atau kondisi)', nationality: 'Kewarganegaraan', consented: 'Menyetujui',
    harm: 'Penderitaan yang dialami', acts: 'Perbuatan terhadap orang', means: 'Cara yang digunakan', purposes: 'Eksploitasi yang dituju', occurred: 'Eksploitasi yang terjadi',
    movement: 'Perpindahan', origin: 'Dibawa dari (negara)', destination: 'Dibawa ke (negara)', transit: 'Melalui (kode negara, pisahkan dengan koma; "none" jika tidak ada)',
    exploitationCountry: 'Dieksploitasi di (negara)', begun: 'Apakah perjalanan sudah dimulai (tidak hanya direkrut)?', completed: 'Apakah perjalanan sampai di tujuan?', interRegional: 'Dipindahkan antardaerah dalam satu negara',
    offender: 'Pelaku', ocg: 'Kelompok kejahatan terorganisasi', official: 'Penyelenggara negara yang menyalahgunakan kekuasaan', links: 'Direncanakan, dikendalikan atau berdampak di negara lain',
    consequences: 'Akibat (pemberatan)', unknown: 'tidak diketahui', yes: 'ya', no: 'tidak', others: 'Yang tidak dijawab di atas', othersUnknown: 'tidak diketahui',
    othersNo: 'tidak (daftar ini lengkap)', fixture: 'Muat contoh perkara', none: '(pilih contoh)', language: 'Bahasa',
    exportJson: 'Ekspor perkara (JSON)', exportHtml: 'Ekspor laporan (HTML)', reset: 'Kosongkan semua fakta', results: 'Hasil', missing: 'Pertanyaan yang akan menentukan putusan terbuka',
    decides: 'menentukan', answer: 'Jawab', arrived: 'sampai', stopped: 'dihentikan di perjalanan', error: 'Fakta tidak valid', law: 'Hukum dan tafsiran yang diperdebatkan',
    asOf: 'Nilai menurut hukum yang berlaku pada (bawaan: tanggal perbuatan)', readingsChanged: 'bukan bawaan', defaultReading: 'bawaan', asean: 'ASEAN', allCountries: 'Semua negara',
    elements: 'Unsur', whyTree: 'Alasan', notEvaluated: 'tidak dinilai', found: 'ditemukan', required: 'disyaratkan', inForce: 'berlaku', until: 'sampai',
    laterVersions: 'Versi berikutnya selama perbuatan', offline: 'Berjalan sepenuhnya di halaman ini: data yang Anda masukkan tidak keluar dari komputer Anda.', toResults: 'Langsung ke hasil',
  },
  ms: {
    facts: 'Fakta kes', caseId: 'Rujukan kes (pilihan)', dates: 'Tarikh', conductDate: 'Tarikh perbuatan (mula)', conductEndDate: 'Tamat perbuatan berterusan',
    victim: 'Orang itu', birthDate: 'Tarikh lahir', age: 'Umur dalam tahun (jika tarikh lahir tidak diketahui)', ageMax: 'Umur hingga (hanya jika julat)',
    unborn: 'Belum lahir pada masa itu', spi: 'Tidak berupaya melindungi diri (ketidakupayaan atau keadaan)', nationality: 'Kewarganegaraan', consented: 'Bersetuju',
    harm: 'Kemudaratan yang dialami', acts: 'Perbuatan terhadap orang itu', means: 'Cara yang digunakan', purposes: 'Eksploitasi yang dimaksudkan', occurred: 'Eksploitasi yang berlaku',
    movement: 'Pergerakan', origin: 'Dibawa dari (negara)', destination: 'Dibawa ke (negara)', transit: 'Melalui (kod negara, dipisah koma; "none" jika tiada)',
    exploitationCountry: 'Dieksploitasi di (negara)', begun: 'Adakah perjalanan sudah bermula (bukan hanya direkrut)?', completed: 'Adakah perjalanan sampai ke destinasi?', interRegional: 'Dipindahkan antara wilayah dalam satu negara',
    offender: 'Pesalah', ocg: 'Kumpulan jenayah terancang', official: 'Penjawat awam yang menyalahgunakan jawatan', links: 'Dirancang, dikawal atau memberi kesan di negara lain',
    consequences: 'Akibat (pemberatan)', unknown: 'tidak diketahui', yes: 'ya', no: 'tidak', others: 'Yang tidak dijawab di atas', othersUnknown: 'tidak diketahui',
    othersNo: 'tidak (senarai ini lengkap)', fixture: 'Muatkan contoh kes', none: '(pilih contoh)', language: 'Bahasa',
    exportJson: 'Eksport kes (JSON)', exportHtml: 'Eksport laporan (HTML)', reset: 'Kosongkan semua fakta', results: 'Keputusan', missing: 'Soalan yang akan menentukan keputusan terbuka',
    decides: 'menentukan', answer: 'Jawab', arrived: 'sampai', stopped: 'ditahan dalam perjalanan', error: 'Fakta tidak sah', law: 'Undang-undang dan tafsiran yang dipertikaikan',
    asOf: 'Nilai menurut undang-undang yang berkuat kuasa pada (lalai: tarikh perbuatan)', readingsChanged: 'bukan lalai', defaultReading: 'lalai', asean: 'ASEAN', allCountries: 'Semua negara',
    elements: 'Elemen', whyTree: 'Sebab', notEvaluated: 'tidak dinilai', found: 'didapati', required: 'dikehendaki', inForce: 'berkuat kuasa', until: 'hingga',
    laterVersions: 'Versi kemudian semasa perbuatan', offline: 'Berjalan sepenuhnya dalam halaman ini: apa yang anda masukkan tidak meninggalkan komputer anda.', toResults: 'Terus ke keputusan',
  },
} as const;
type UiKey = keyof (typeof UI)['en'];

// Every concept set of CaseFacts, with the library's own concept ids (contract.md, vocabulary.md).
const SETS = [
  { key: 'acts', ids: ACTS, vocab: 'act', label: 'acts' },
  { key: 'means', ids: MEANS, vocab: 'means', label: 'means' },
  { key: 'purposes', ids: EXPLOITATION, vocab: 'exploitation', label: 'purposes' },
  { key: 'exploitationOccurred', ids: EXPLOITATION, vocab: 'exploitation', label: 'occurred' },
  { key: 'victim.harm', ids: HARM, vocab: 'harm', label: 'harm' },
  { key: 'consequences', ids: CONSEQUENCES, vocab: 'consequence', label: 'consequences' },
] as const satisfies ReadonlyArray<{ key: string; ids: readonly string[]; vocab: string; label: UiKey }>;
const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'];
const NONE_WORDS = ['none', '-', 'tidak ada', 'tiada'];
// Contested readings of every regime, once each (a shared international reading appears in two regimes).
const READINGS = (() => {
  const m = new Map<string, ReturnType<typeof regimes>[number]['interpretations'][number] & { regimes: string[] }>();
  for (const r of regimes()) for (const i of r.interpretations) m.set(i.id, { ...i, regimes: [...(m.get(i.id)?.regimes ?? []), r.shortName] });
  return [...m.values()];
})();

const SHORT: Record<string, string> = Object.fromEntries(regimes().map((r) => [r.id, r.shortName]));

let lang: Language = 'en';
const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
// The library's one HTML escaping (src/render/escape/html.ts): markup characters and control/bidi characters.
const esc = escapeHtml;
const u = () => UI[lang];
const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`;
const conceptLabel = (vocab: string, id: string) =>
  (bundledRuleBook().concepts as Record<string, Record<string, Record<string, string>>>)[vocab]?.[id]?.[lang] ?? id;

function countryName(code: string): string {
  try {
    // Built into the browser (ICU): no network, names in the chosen language.
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// --- form controls ---------------------------------------------------------------------------

/** A three-state toggle (unknown / yes / no) as a native radio group: arrow keys move the choice. */
function tri(name: string, label: string, yes: string = u().yes, no: string = u().no): string {
  const id = fieldId(name);
  const opt = (value: string, text: string, cls: string, sr?: string) =>
    `<label class="${cls}"><input type="radio" name="${name}" value="${value}"${value === '' ? ' checked' : ''}><span${sr ? ' aria-hidden="true"' : ''}>${esc(text)}</span>${sr ? `<span class="sr">${esc(sr)}</span>` : ''}</label>`;
  return `<div class="tri" role="radiogroup" aria-labelledby="${id}"><span class="tl" id="${id}">${esc(label)}</span><span class="seg">${opt('true', yes, 'y')}${opt('false', no, 'n')}${opt('', '?', 'u', u().unknown)}</span></div>`;
}
function field(name: string, label: string, input: string): string {
  return `<label class="field" for="${fieldId(name)}"><span>${esc(label)}</span>${input}</label>`;
}
function countrySelect(name: string, label: string): string {
  const opt = (c: string) => `<option value="${c}">${esc(countryName(c))} (${c})</option>`;
  const rest = [...COUNTRY_CODES].filter((c) => !ASEAN.includes(c)).map((c) => [c, countryName(c)] as const).sort((a, b) => a[1].localeCompare(b[1], lang));
  return field(
    name,
    label,
    `<select id="${fieldId(name)}" name="${name}"><option value="">${esc(u().unknown)}</option><optgroup label="${esc(u().asean)}">${ASEAN.map(opt).join('')}</optgroup><optgroup label="${esc(u().allCountries)}">${rest.map(([c]) => opt(c)).join('')}</optgroup></select>`,
  );
}
function input(name: string, label: string, type: string, extra = ''): string {
  return field(name, label, `<input id="${fieldId(name)}" type="${type}" name="${name}"${extra}>`);
}

function buildForm(): void {
  const t = u();
  const sets = SETS.map(
    ({ key, ids, vocab, label }) => `<fieldset class="set" data-set="${key}"><legend>${esc(t[label])}</legend>
    <div class="tris">${ids.map((id) => tri(`${key}::${id}`, conceptLabel(vocab, id))).join('')}</div>
    ${field(`${key}::__others`, t.others, `<select id="${fieldId(`${key}::__others`)}" name="${key}::__others"><option value="unknown">${esc(t.othersUnknown)}</option><option value="no">${esc(t.othersNo)}</option></select>`)}</fieldset>`,
  ).join('');
  const readings = READINGS.map((i) =>
    field(
      `opt::i::${i.id}`,
      `${i.regimes.join(', ')}: ${i.question}`,
      `<select id="${fieldId(`opt::i::${i.id}`)}" name="opt::i::${i.id}" data-default="${i.default}">${i.readings
        .map((r) => `<option value="${r.id}" title="${esc(r.label)}">${esc(r.id.replace(/-/g, ' '))}${r.id === i.default ? ` (${esc(t.defaultReading)})` : ''}</option>`)
        .join('')}</select><small class="reading" data-for="${i.id}"></small>`,
    ),
  ).join('');
  $('#form').innerHTML = `
  <fieldset><legend>${esc(t.dates)}</legend><div class="grid">
    ${input('conductDate', t.conductDate, 'date')}${input('conductEndDate', t.conductEndDate, 'date')}${input('id', t.caseId, 'text', ' maxlength="200" autocomplete="off"')}</div></fieldset>
  <fieldset><legend>${esc(t.victim)}</legend><div class="grid">
    ${input('victim.birthDate', t.birthDate, 'date')}${countrySelect('victim.nationality', t.nationality)}
    ${input('victim.age', t.age, 'number', ' min="0" max="130" step="1" inputmode="numeric"')}${input('victim.age::max', t.ageMax, 'number', ' min="0" max="130" step="1" inputmode="numeric"')}</div>
    <div class="tris">${tri('victim.unborn', t.unborn)}${tri('victim.selfProtectionImpaired', t.spi)}${tri('victim.consented', t.consented)}</div></fieldset>
  ${sets}
  <fieldset><legend>${esc(t.movement)}</legend><div class="grid">
    ${countrySelect('movement.origin', t.origin)}${countrySelect('movement.destination', t.destination)}${countrySelect('movement.exploitationCountry', t.exploitationCountry)}
    ${input('movement.transit', t.transit, 'text', ' autocomplete="off" placeholder="TH, MY"')}</div>
    <div class="tris">${tri('movement.begun', t.begun)}${tri('movement.completed', t.completed, t.arrived, t.stopped)}${tri('movement.interRegional', t.interRegional)}</div></fieldset>
  <fieldset><legend>${esc(t.offender)}</legend><div class="tris">${tri('offender.organisedCriminalGroup', t.ocg)}${tri('offender.publicOfficial', t.official)}${tri('offender.crossBorderLinks', t.links)}</div></fieldset>
  <fieldset><legend>${esc(message(lang, 'otherOffences.uiLegend'))}</legend><div class="tris">${NEIGHBOURING_FACTS.map((x) => tri(x.name, message(lang, `otherOffences.${x.key}`))).join('')}</div></fieldset>
  <details class="law" id="law"><summary>${esc(t.law)} <span id="law-count"></span></summary>
    <div class="grid">${input('opt::asOf', t.asOf, 'date')}</div>${readings}</details>`;
}

// --- form <-> facts ----------------------------------------------------------------------------

function setDeep(o: Facts, path: string, v: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
  cur[keys[keys.length - 1] as string] = v;
}
function getDeep(o: unknown, path: string): any {
  return path.split('.').reduce<any>((x, k) => (x == null ? undefined : x[k]), o);
}
const form = () => $('#form') as HTMLFormElement;
const control = (name: string) => form().elements.namedItem(name) as (HTMLInputElement & RadioNodeList) | HTMLSelectElement | null;
const valueOf = (name: string): string => (control(name) as { value?: string } | null)?.value?.trim() ?? '';
function setValue(name: string, v: string): void {
  const c = control(name);
  if (!c) return;
  if (c instanceof RadioNodeList) {
    // Not `c.value = v`: Chromium's RadioNodeList setter does not select the radio whose value is ''.
    for (const r of Array.from(c) as HTMLInputElement[]) r.checked = r.value === v;
    return;
  }
  if (c instanceof HTMLSelectElement && v && !Array.from(c.options).some((o) => o.value === v)) c.add(new Option(v, v)); // keep an unlisted value visible (the library will say why it is wrong)
  c.value = v;
}

/** The form as CaseFacts (absent = unknown) and CompareOptions. */
function readForm(): { facts: Facts; options: Options } {
  const f: Facts = {};
  const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s); // a non-number is passed on so that validation names it
  for (const name of ['id', 'conductDate', 'conductEndDate', 'victim.birthDate', 'victim.nationality', 'movement.origin', 'movement.destination', 'movement.exploitationCountry']) {
    const v = valueOf(name);
    if (v) setDeep(f, name, v);
  }
  const age = valueOf('victim.age');
  const ageMax = valueOf('victim.age::max');
  if (ageMax && ageMax !== age) setDeep(f, 'victim.age', { min: age === '' ? undefined : num(age), max: num(ageMax) });
  else if (age) setDeep(f, 'victim.age', num(age));
  const transit = valueOf('movement.transit');
  if (transit) setDeep(f, 'movement.transit', NONE_WORDS.includes(transit.toLowerCase()) ? [] : transit.split(/[,;\s]+/).filter(Boolean).map((x) => x.toUpperCase()));
  for (const name of [...['victim.unborn', 'victim.selfProtectionImpaired', 'victim.consented', 'movement.begun', 'movement.completed', 'movement.interRegional', 'offender.organisedCriminalGroup', 'offender.publicOfficial', 'offender.crossBorderLinks'], ...NEIGHBOURING_FACTS.map((x) => x.name)]) {
    const v = valueOf(name);
    if (v) setDeep(f, name, v === 'true');
  }
  for (const { key, ids } of SETS) {
    const given: Record<string, boolean> = {};
    for (const id of ids) {
      const v = valueOf(`${key}::${id}`);
      if (v) given[id] = v === 'true';
    }
    // "No (this list is complete)": a closed set, the contract's array form; otherwise an open set.
    if (valueOf(`${key}::__others`) === 'no') setDeep(f, key, ids.filter((id) => given[id]));
    else if (Object.keys(given).length) setDeep(f, key, given);
  }
  const options: Options = {};
  const asOf = valueOf('opt::asOf');
  if (asOf) options.asOf = asOf;
  for (const i of READINGS) {
    const v = valueOf(`opt::i::${i.id}`);
    if (v && v !== i.default) (options.interpretations ??= {})[i.id] = v;
  }
  return { facts: f, options };
}

function writeForm(f: Facts, options: Options = {}): void {
  for (const name of ['id', 'conductDate', 'conductEndDate', 'victim.birthDate', 'victim.nationality', 'movement.origin', 'movement.destination', 'movement.exploitationCountry']) {
    const v = getDeep(f, name);
    setValue(name, v === undefined ? '' : String(v));
  }
  const age = getDeep(f, 'victim.age');
  const range = age !== null && typeof age === 'object';
  setValue('victim.age', age === undefined ? '' : String(range ? (age.min ?? '') : age));
  setValue('victim.age::max', range ? String(age.max ?? '') : '');
  const transit = getDeep(f, 'movement.transit');
  // An empty transit list is a known fact ("none"), not an unknown one.
  setValue('movement.transit', Array.isArray(transit) ? (transit.length ? transit.join(', ') : 'none') : transit === undefined ? '' : String(transit));
  for (const name of [...['victim.unborn', 'victim.selfProtectionImpaired', 'victim.consented', 'movement.begun', 'movement.completed', 'movement.interRegional', 'offender.organisedCriminalGroup', 'offender.publicOfficial', 'offender.crossBorderLinks'], ...NEIGHBOURING_FACTS.map((x) => x.name)]) {
    const v = getDeep(f, name);
    setValue(name, typeof v === 'boolean' ? String(v) : '');
  }
  for (const { key, ids } of SETS) {
    const set = getDeep(f, key) as string[] | Record<string, boolean> | undefined;
    setValue(`${key}::__others`, Array.isArray(set) ? 'no' : 'unknown');
    for (const id of ids) {
      const v = Array.isArray(set) ? set.includes(id) : set?.[id];
      setValue(`${key}::${id}`, typeof v === 'boolean' ? String(v) : '');
    }
  }
  setValue('opt::asOf', options.asOf ?? '');
  for (const i of READINGS) setValue(`opt::i::${i.id}`, options.interpretations?.[i.id] ?? i.default);
}

// --- results -----------------------------------------------------------------------------------

const CLASS: Record<Status, string> = { qualifies: 'q', 'does-not-qualify': 'n', undetermined: 'u', 'not-in-force': 'x' };
const badge = (s: Status) => `<span class="badge ${CLASS[s]}" data-status="${s}">${esc(LABELS[lang].statuses[s])}</span>`;
const elementStatus = (s: ExplanationNode['status']) => (s === 'not-evaluated' ? u().notEvaluated : LABELS[lang].elementStatuses[s]);
const show = (v: unknown) => (v === undefined ? u().unknown : typeof v === 'string' ? v : JSON.stringify(v));

function citation(c: ElementResult['citation']): string {
  const wording = c.text
    ? `<blockquote lang="${c.text.language}"><span class="sr">${esc(LABELS[lang].originalWording)}: </span>${esc(c.text.original)}</blockquote>${c.text.english && c.text.language !== 'en' ? `<blockquote lang="en" class="en"><span class="sr">${esc(LABELS[lang].english)}: </span>${esc(c.text.english)}</blockquote>` : ''}`
    : '';
  return `<p class="cite">${esc(`${c.instrument} ${c.provision}`)} · ${esc(LABELS[lang].confidences[c.confidence])}</p>${wording}`;
}
function tree(n: ExplanationNode): string {
  const fact = n.fact ? ` <code>${esc(n.fact)}</code> ${esc(u().required)}: ${esc(show(n.expected))}, ${esc(u().found)}: ${esc(show(n.actual))}` : '';
  return `<li><span class="el ${n.status}">${esc(elementStatus(n.status))}</span> ${esc(n.label)}${fact}${n.children?.length ? `<ul>${n.children.map(tree).join('')}</ul>` : ''}</li>`;
}
// A disclosure whose body is built when it is first opened: the full trees of four regimes (every
// offence, element and sub-condition with its wording) are large, and building them all on every
// keystroke made the page lag.
let lazy = new Map<string, () => string>();
let lazyCount = 0;
function disclosure(summary: string, body: () => string, attrs = '', open = false): string {
  if (open) return `<details${attrs} open><summary>${summary}</summary>${body()}</details>`;
  const k = String(++lazyCount);
  lazy.set(k, body);
  return `<details${attrs} data-lazy="${k}"><summary>${summary}</summary></details>`;
}
function fillLazy(d: HTMLDetailsElement): void {
  const k = d.dataset.lazy;
  const body = k && lazy.get(k);
  if (!d.open || !body) return;
  lazy.delete(k);
  delete d.dataset.lazy;
  d.insertAdjacentHTML('beforeend', body());
}

function elementItem(e: ElementResult): string {
  const matched = e.matched.length ? ` <small>(${esc(e.matched.join(', '))})</small>` : '';
  return `<li data-element="${esc(e.element)}">${disclosure(
    `<span class="el ${e.status}">${esc(elementStatus(e.status))}</span> ${esc(e.label ?? e.element)}${matched}`,
    () => `${citation(e.notRequiredBy ?? e.citation)}${e.notRequiredBy ? citation(e.citation) : ''}${e.note ? `<p class="note">${esc(e.note)}</p>` : ''}
    ${e.children?.length ? `<p class="why">${esc(u().whyTree)}:</p><ul class="tree">${e.children.map(tree).join('')}</ul>` : ''}`,
  )}</li>`;
}
function offenceItem(o: OffenceResult): string {
  // A qualifying UU 21/2007 Pasal 3 / 4: completed, or an attempt punished as the offence ("Pasal 4 jo. Pasal 10").
  const form = o.form ? ` <span class="form" data-form="${o.form.status}">${esc(offenceFormText(o.form, lang))}</span>` : '';
  return `<li>${disclosure(`${badge(o.status)} ${esc(o.title ?? o.id)}${form}`, () => `${citation(o.citation)}${o.form ? o.form.citations.slice(1).map(citation).join('') : ''}<ul class="elements">${o.elements.map(elementItem).join('')}</ul>`)}</li>`;
}
/** One neighbouring offence (not trafficking): status, title in the page's language, penalty; elements on demand. */
function otherOffenceItem(r: RegimeResult, o: OtherOffenceResult): string {
  return `<li data-other-offence="${esc(o.id)}">${disclosure(
    `${badge(o.status)} ${esc(otherOffenceTitle(r, o, lang))} <small class="penalty">${esc(penaltyPhrase(o.penalty, lang))}</small>`,
    () => `${citation(o.citation)}${citation(o.penalty.citation)}<ul class="elements">${o.elements.map(elementItem).join('')}</ul>`,
  )}</li>`;
}
function column(r: RegimeResult, c: Comparison): string {
  const t = LABELS[lang];
  const verdicts = (['trafficking', 'victim', 'child', 'scope'] as const).filter((v) => r[v]);
  const v = r.version;
  return `<section class="regime" data-regime="${r.regime}" aria-labelledby="h-${r.regime}"><h3 id="h-${r.regime}">${esc(v.label)}</h3>
    <p class="dates">${esc(u().inForce)} ${v.inForceFrom}${v.inForceUntil ? ` ${esc(u().until)} ${v.inForceUntil}` : ''}</p>
    <dl>${verdicts.map((k) => `<dt>${esc(t.verdicts[k])}</dt><dd data-verdict="${k}">${badge(r[k]!.status)}</dd>`).join('')}</dl>
    <p class="summary">${esc(summarise(r, { language: lang, ...(c.asOf ? { asOf: c.asOf } : {}) }))}</p>
    ${r.laterVersions?.length ? `<p class="later"><strong>${esc(u().laterVersions)}:</strong> ${r.laterVersions.map((l) => `${esc(l.version.label)} ${badge(l.trafficking)}`).join('; ')}</p>` : ''}
    ${verdicts
      .map((k) =>
        disclosure(`<h4>${esc(t.verdicts[k])}: ${esc(u().elements)}</h4>`, () => `<ul class="elements">${r[k]!.elements.map(elementItem).join('')}</ul>`, ' class="verdict"', k === 'trafficking'),
      )
      .join('')}
    ${r.offences.length ? disclosure(`<h4>${esc(t.offences)} (${r.offences.length})</h4>`, () => `<ul class="offences">${r.offences.map(offenceItem).join('')}</ul>`, ' class="verdict"') : ''}
    ${r.otherOffences?.length ? disclosure(`<h4>${esc(message(lang, 'otherOffences.heading'))} (${r.otherOffences.filter((o) => o.status === 'qualifies').length}/${r.otherOffences.length})</h4>`, () => `<ul class="other-offences">${r.otherOffences!.map((o) => otherOffenceItem(r, o)).join('')}</ul>`, ' class="verdict other"', r.otherOffences.some((o) => o.status === 'qualifies')) : ''}
    ${r.interpretations.length ? disclosure(`<h4>${esc(t.interpretations)}</h4>`, () => `<ul>${r.interpretations.map((i) => `<li><code>${esc(i.id)}</code>: ${esc(i.chosen)}</li>`).join('')}</ul>`, ' class="verdict"') : ''}
  </section>`;
}

function results(c: Comparison): string {
  const t = LABELS[lang];
  const questions = explainMissing(c, { language: lang });
  const div = c.divergences.length
    ? `<ul class="divergences">${c.divergences
        .map(
          (d) => `<li><strong>${esc(t.verdicts[d.verdict])}</strong>: ${Object.entries(d.statuses)
            .map(([rid, s]) => `<span class="pair">${esc(SHORT[rid] ?? rid)} ${badge(s as Status)}</span>`)
            .join(' ')}
          <ul>${d.causes.map((x) => `<li><strong>${esc(x.element)}</strong> (${esc(x.regimes.map((rid) => SHORT[rid] ?? rid).join(', '))}): ${esc(x.explanation)}${x.citations.length ? ` <small class="cite">${esc(x.citations.map((ci) => `${ci.instrument} ${ci.provision}`).join('; '))}</small>` : ''}</li>`).join('')}</ul></li>`,
        )
        .join('')}</ul>`
    : `<p>${esc(t.noDivergences)}</p>`;
  const qs = questions.length
    ? `<section class="block" aria-labelledby="h-missing"><h3 id="h-missing">${esc(u().missing)}</h3><ol class="questions">${questions
        .map(
          (q) =>
            `<li data-fact="${esc(q.fact)}">${esc(q.question)} <small>(${esc(u().decides)}: ${esc(q.decides.join(', '))})</small>${targetFor(q.fact) ? ` <button type="button" class="answer" data-fact="${esc(q.fact)}">${esc(u().answer)}</button>` : ''}</li>`,
        )
        .join('')}</ol></section>`
    : '';
  return `<p class="asof">${c.asOf ? `${esc(t.asOf)} ${c.asOf}` : esc(t.noDate)}</p><div class="columns">${c.regimes.map((r) => column(r, c)).join('')}</div>
    <section class="block" aria-labelledby="h-div"><h3 id="h-div">${esc(t.divergences)}</h3>${div}</section>${qs}`;
}

/** The form control that answers a missing fact ('means', 'victim.birthDate', ...), if there is one. */
function targetFor(fact: string): HTMLElement | null {
  const f = form();
  return (f.querySelector(`[name="${CSS.escape(fact)}"]`) ?? f.querySelector(`[name^="${CSS.escape(fact)}::"]`)) as HTMLElement | null;
}

// --- state: hash, update, exports ----------------------------------------------------------------

let lastComparison: Comparison | undefined;
let lastHash = '';
let seq = 0;

function encodeState(facts: Facts, options: Options): string {
  const state: Record<string, unknown> = { facts };
  if (options.asOf || options.interpretations) state.options = options;
  if (lang !== 'en') state.lang = lang;
  return `#${encodeURIComponent(JSON.stringify(state))}`;
}
/** A hash written by this page ({facts, options, lang}) or a bare CaseFacts object pasted by hand. */
function decodeState(hash: string): { facts: Facts; options: Options; lang?: Language } | undefined {
  if (hash.length < 2) return undefined;
  try {
    const v = JSON.parse(decodeURIComponent(hash.slice(1)));
    if (!v || typeof v !== 'object') return undefined;
    if (v.facts && typeof v.facts === 'object') return { facts: v.facts, options: v.options ?? {}, ...(['en', 'id', 'ms'].includes(v.lang) ? { lang: v.lang } : {}) };
    return { facts: v, options: {} };
  } catch {
    return undefined; // a broken link: start empty rather than fail
  }
}

async function update(): Promise<void> {
  const { facts, options } = readForm();
  lastHash = encodeState(facts, options);
  if (location.hash !== lastHash) history.replaceState(null, '', lastHash);
  refreshLawSummary(options);
  const mine = ++seq;
  const out = $('#results');
  try {
    const c = await compare(facts, options as CompareOptions);
    if (mine !== seq) return; // a newer change is already being shown
    lastComparison = c;
    lazy = new Map();
    out.innerHTML = results(c);
    // Phones: the results sit below a long form, so a strip at the bottom keeps the four verdicts in view.
    $('#strip').innerHTML = `<a href="#results-heading">${c.regimes.map((r) => `<span class="pair">${esc(SHORT[r.regime] ?? r.regime)} ${badge(r.trafficking.status)}</span>`).join(' ')}</a>`;
    out.removeAttribute('aria-busy');
  } catch (e) {
    if (mine !== seq) return;
    lastComparison = undefined;
    const issues = (e as { issues?: Array<{ path: string; message: string }> }).issues ?? [{ path: '', message: String((e as Error).message ?? e) }];
    $('#strip').innerHTML = `<a href="#results-heading">${esc(u().error)}</a>`;
    out.innerHTML = `<div role="alert" class="error"><strong>${esc(u().error)}</strong><ul>${issues.map((i) => `<li><code>${esc(i.path)}</code>: ${esc(i.message)}</li>`).join('')}</ul></div>`;
  }
  ($('#export-html') as HTMLButtonElement).disabled = !lastComparison;
  out.dataset.for = lastHash; // which state the results show (the browser test waits on it)
}

function refreshLawSummary(options: Options): void {
  const n = Object.keys(options.interpretations ?? {}).length;
  $('#law-count').textContent = n || options.asOf ? `(${[options.asOf, n ? `${n} ${u().readingsChanged}` : ''].filter(Boolean).join(', ')})` : '';
  for (const i of READINGS) {
    const el = form().querySelector(`small.reading[data-for="${i.id}"]`);
    if (el) el.textContent = i.readings.find((r) => r.id === valueOf(`opt::i::${i.id}`))?.label ?? '';
  }
}

function download(name: string, type: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
const fileStem = (facts: Facts) => (typeof facts.id === 'string' && facts.id ? facts.id.replace(/[^\w.-]+/g, '-') : 'case');

function relabel(): void {
  const t = u();
  document.documentElement.lang = lang;
  document.title = `${LABELS[lang].title} · tip-harmonise`;
  $('#title').textContent = LABELS[lang].title;
  $('#offline').textContent = t.offline;
  $('#skip').textContent = t.toResults;
  $('#facts-heading').textContent = t.facts;
  $('#results-heading').textContent = t.results;
  $('#lang-label').textContent = t.language;
  $('#fixture-label').textContent = t.fixture;
  $('#export-json').textContent = t.exportJson;
  $('#export-html').textContent = t.exportHtml;
  $('#reset').textContent = t.reset;
  $('#strip').setAttribute('aria-label', LABELS[lang].verdicts.trafficking);
  ($('#fixture') as HTMLSelectElement).options[0]!.textContent = t.none;
}

function setLanguage(next: Language): void {
  const { facts, options } = readForm();
  lang = next;
  ($('#lang') as HTMLSelectElement).value = lang;
  buildForm();
  writeForm(facts, options);
  relabel();
}

function loadState(s: { facts: Facts; options: Options; lang?: Language }): void {
  if (s.lang && s.lang !== lang) setLanguage(s.lang);
  writeForm(s.facts, s.options);
}

function init(): void {
  const fixture = $('#fixture') as HTMLSelectElement;
  fixture.innerHTML = `<option value=""></option>${FIXTURES.map((f) => `<option value="${esc(f.id)}">${esc(f.title)}</option>`).join('')}`;
  buildForm();
  relabel();
  const initial = decodeState(location.hash);
  if (initial) loadState(initial);
  form().addEventListener('change', () => void update());
  form().addEventListener('input', (e) => (e.target as HTMLElement).tagName === 'INPUT' && (e.target as HTMLInputElement).type !== 'radio' && void update());
  form().addEventListener('submit', (e) => e.preventDefault());
  fixture.addEventListener('change', () => {
    const f = FIXTURES.find((x) => x.id === fixture.value);
    if (!f) return;
    writeForm(f.facts, f.options ?? {}); // the fixture's readings too: its expected verdicts rest on them
    if (f.options?.asOf || f.options?.interpretations) ($('#law') as HTMLDetailsElement).open = true;
    void update();
  });
  $('#lang').addEventListener('change', () => {
    setLanguage(($('#lang') as HTMLSelectElement).value as Language);
    void update();
  });
  // A link pasted into this tab (only the hash changes): load it. Our own replaceState fires no event.
  window.addEventListener('hashchange', () => {
    if (location.hash === lastHash) return;
    const s = decodeState(location.hash);
    if (s) {
      loadState(s);
      void update();
    }
  });
  $('#export-json').addEventListener('click', () => {
    const { facts } = readForm();
    download(`${fileStem(facts)}.json`, 'application/json', `${JSON.stringify(facts, null, 2)}\n`);
  });
  $('#export-html').addEventListener('click', () => {
    if (lastComparison) download(`${fileStem(readForm().facts)}-report.html`, 'text/html', renderComparison(lastComparison, 'html', { language: lang }));
  });
  $('#reset').addEventListener('click', () => {
    writeForm({});
    fixture.value = '';
    void update();
  });
  // 'toggle' does not bubble: listen in the capture phase.
  $('#results').addEventListener('toggle', (e) => e.target instanceof HTMLDetailsElement && fillLazy(e.target), true);
  $('#results').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button.answer') as HTMLButtonElement | null;
    const target = b && targetFor(b.dataset.fact ?? '');
    if (!target) return;
    const details = target.closest('details');
    if (details) details.open = true;
    const checked = target instanceof HTMLInputElement && target.type === 'radio' ? (form().querySelector(`input[name="${CSS.escape(target.name)}"]:checked`) as HTMLElement | null) : null;
    (checked ?? target).scrollIntoView({ block: 'center' });
    (checked ?? target).focus();
  });
  void update();
}

init();
