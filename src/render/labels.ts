import type { Language, Status, VerdictName } from '../types.js';

/** Element ids used in the rule files' offences and definitions (test/render.test.ts checks the list is complete). */
export const ELEMENT_NAMES = [
  'act', 'means', 'purpose', 'territory', 'result', 'aggravation', 'route', 'exploitation-abroad', 'entry-into-indonesia', 'exit-from-indonesia',
  'victim-category', 'adult', 'nationality', 'child', 'age', 'harm', 'trafficking-offence', 'transnational', 'organised-criminal-group', 'in-force', 'offences',
] as const;
export type ElementName = (typeof ELEMENT_NAMES)[number];

/**
 * A coded position on one aspect of a definition (e.g. `unborn:yes`), worded per language by the reports.
 *
 * @example
 * ```ts
 * const code: AspectValue = 'unborn:yes';
 * ```
 */
export type AspectValue =
  | 'child-age'
  | 'unborn:yes'
  | 'unborn:no'
  | 'child-means-rule:means-not-required'
  | 'child-means-rule:means-not-required-disability'
  | 'child-means-rule:means-required'
  | 'child-means-rule:means-not-an-element'
  | 'victim:harm'
  | 'victim:no-harm'
  | 'scope:required'
  | 'scope:not-required'
  | 'actual-exploitation:no'
  | 'actual-exploitation:yes'
  | 'actual-exploitation:some-offences'
  | 'actual-exploitation:contested'
  | 'exploitation-list:open'
  | 'exploitation-list:closed'
  | 'penalty:none';

export type SignificanceKey =
  | 'conceptDiverges'
  | 'conceptContestedSuffix'
  | 'conceptContested'
  | 'conceptBreadth'
  | 'conceptSame'
  | 'definitionDiffers'
  | 'definitionSame'
  | 'childAgeDiffers'
  | 'childAgeSame'
  | 'unbornDiffers'
  | 'unbornSame'
  | 'meansRuleDiffers'
  | 'meansRuleSame'
  | 'consent'
  | 'victimDiffers'
  | 'victimSame'
  | 'scopeDiffers'
  | 'scopeSame'
  | 'actualDiffers'
  | 'actualSame'
  | 'listDiffers'
  | 'listSame'
  | 'penaltyDiffers'
  | 'penaltySame';

/**
 * Every interface text of the reports, in English, Bahasa Indonesia and Bahasa Malaysia. One typed
 * table: a key missing in one language is a type error, and test/core/render.test.ts checks the
 * values are non-empty. Statutory wording is never translated here: it is shown in its original
 * language from the rule files.
 */
type Texts = {
  title: string;
  divergenceTitle: string;
  caseLabel: string;
  asOf: string;
  noDate: string;
  regime: string;
  version: string;
  verdict: string;
  element: string;
  status: string;
  matched: string;
  citation: string;
  confidence: string;
  offences: string;
  missingFacts: string;
  interpretations: string;
  chosen: string;
  alternatives: string;
  divergences: string;
  noDivergences: string;
  cause: string;
  receipt: string;
  originalWording: string;
  english: string;
  term: string;
  relation: string;
  significance: string;
  penalty: string;
  years: string;
  fine: string;
  life: string;
  whipping: string;
  noPenalty: string;
  generated: string;
  statuses: Record<Status, string>;
  elementStatuses: Record<'satisfied' | 'not-satisfied' | 'unknown' | 'not-required', string>;
  verdicts: Record<VerdictName, string>;
  relations: Record<'exact' | 'close' | 'broader' | 'narrower' | 'contested' | 'none', string>;
  confidences: Record<'verified' | 'single-source' | 'unverified', string>;
  aspects: Record<string, string>;
  yes: string;
  no: string;
  /** Headings and marks of the regimes-by-elements matrix. */
  elementsMatrix: string;
  notAnElement: string;
  englishOnly: string;
  /** Names of the elements the rule files use (row headers); the rule files' own ids are the keys. */
  elementNames: Record<ElementName, string>;
  /** The three concept vocabularies, as the object of "counts as ...". */
  conceptKinds: Record<'act' | 'means' | 'exploitation', string>;
  /** Positions on the profile aspects of the divergence catalogue ({age}: a number). */
  aspectValues: Record<AspectValue, string>;
  /** One-line significance of a catalogue entry ({regimes}, {yes}, {no}, {groups}, {kind}, {age}). */
  significanceText: Record<SignificanceKey, string>;
  /** Penalty wording ({min}, {max}, {currency}). */
  penaltyText: Record<'range' | 'upTo' | 'lifeOrMin' | 'upToLife' | 'fineRange' | 'fineUpTo' | 'fineUnspecified' | 'and', string>;
};

export const LABELS: Record<Language, Texts> = {
  en: {
    title: 'Trafficking in persons: comparison of regimes',
    divergenceTitle: 'Where the definitions diverge: UU 21/2007, Act 670, ACTIP and the Palermo Protocol',
    caseLabel: 'Case',
    asOf: 'Law as in force on',
    noDate: 'no date given: a verdict stands only where every version of a regime agrees',
    regime: 'Regime',
    version: 'Version',
    verdict: 'Verdict',
    element: 'Element',
    status: 'Status',
    matched: 'Facts that meet it',
    citation: 'Citation',
    confidence: 'Source confidence',
    offences: 'Offences',
    missingFacts: 'Facts that would decide it',
    interpretations: 'Contested readings used',
    chosen: 'chosen',
    alternatives: 'other readings',
    divergences: 'Where the regimes diverge on this case',
    noDivergences: 'The regimes agree on every verdict.',
    cause: 'Why',
    receipt: 'Receipt',
    originalWording: 'Wording (original language)',
    english: 'English',
    term: 'Statutory term',
    relation: 'Relation to the shared concept',
    significance: 'Significance',
    penalty: 'Penalty',
    years: 'years',
    fine: 'fine',
    life: 'life imprisonment',
    whipping: 'liable to whipping',
    noPenalty: 'none of its own (a treaty obliges States to criminalise)',
    generated: 'Generated from the rule files by tip-harmonise',
    statuses: { qualifies: 'qualifies', 'does-not-qualify': 'does not qualify', undetermined: 'undetermined', 'not-in-force': 'not in force' },
    elementStatuses: { satisfied: 'satisfied', 'not-satisfied': 'not satisfied', unknown: 'unknown', 'not-required': 'not required' },
    verdicts: { trafficking: 'Trafficking', victim: 'Victim', child: 'Child', scope: 'Treaty scope' },
    relations: { exact: 'same', close: 'close', broader: 'wider', narrower: 'narrower', contested: 'contested', none: 'not covered' },
    confidences: { verified: 'verified', 'single-source': 'single source', unverified: 'unverified' },
    aspects: {
      act: 'Acts',
      means: 'Means',
      exploitation: 'Forms of exploitation',
      child: 'Who is a child',
      'child-means-rule': 'Means for a child (or a person unable to protect themself)',
      consent: 'Consent of the person',
      victim: 'Who is a victim',
      scope: 'Transnationality and organised crime',
      'actual-exploitation': 'Must exploitation actually happen?',
      'exploitation-list': 'Is the list of exploitation open?',
      definition: 'Structure of the definition',
      penalty: 'Penalties',
    },
    yes: 'yes',
    no: 'no',
    elementsMatrix: 'Elements by regime',
    notAnElement: 'not an element here',
    englishOnly: 'summary in English',
    elementNames: {
      act: 'Act', means: 'Means', purpose: 'Purpose of exploitation', territory: 'Territorial link', result: 'Exploitation actually happened',
      aggravation: 'Aggravating circumstance', route: 'Route', 'exploitation-abroad': 'Exploitation abroad', 'entry-into-indonesia': 'Brought into Indonesia',
      'exit-from-indonesia': 'Taken out of Indonesia', 'victim-category': 'Category of person', adult: 'Adult', nationality: 'Nationality', child: 'Child',
      age: 'Age', harm: 'Harm suffered', 'trafficking-offence': 'Subjected to a trafficking offence', transnational: 'Transnational',
      'organised-criminal-group': 'Organised criminal group', 'in-force': 'In force', offences: 'Offences',
    },
    conceptKinds: { act: 'an act', means: 'a means', exploitation: 'exploitation' },
    aspectValues: {
      'child-age': 'under {age}',
      'unborn:yes': 'includes a child still in the womb',
      'unborn:no': 'a person already born',
      'child-means-rule:means-not-required': 'no means needed for a child',
      'child-means-rule:means-not-required-disability': 'no means needed for a child or a person unable to protect themself',
      'child-means-rule:means-required': 'a means is required for children too (in the general offence)',
      'child-means-rule:means-not-an-element': 'the definition has no means element at all',
      'victim:harm': 'a person who suffered harm caused by the offence',
      'victim:no-harm': 'any person subjected to trafficking; no harm requirement',
      'scope:required': 'transnationality required',
      'scope:not-required': 'domestic trafficking covered; no transnationality or organised-group element',
      'actual-exploitation:no': 'no: the purpose suffices',
      'actual-exploitation:yes': 'yes',
      'actual-exploitation:some-offences': 'for some offences only',
      'actual-exploitation:contested': 'contested',
      'exploitation-list:open': 'open (a minimum, or "includes")',
      'exploitation-list:closed': 'closed list',
      'penalty:none': 'no penalty of its own (a treaty obliges States to criminalise)',
    },
    significanceText: {
      conceptDiverges: 'Counts as {kind} under {yes} but not under {no}.',
      conceptContestedSuffix: ' (contested under {regimes}; default reading shown)',
      conceptContested: 'Contested under {regimes}: the outcome depends on a named interpretation.',
      conceptBreadth: 'Every regime covers it, in terms of differing breadth.',
      conceptSame: 'Every regime covers it in the same terms.',
      definitionDiffers: 'The definitions are built differently, so the same facts can meet one and not another.',
      definitionSame: 'Same structure everywhere.',
      childAgeDiffers: 'Different age thresholds: {groups}.',
      childAgeSame: 'Every regime draws the line at {age} years.',
      unbornDiffers: 'Only {yes} counts the unborn as children: trafficking of an unborn child (e.g. the sale of a baby before birth) is child trafficking there alone.',
      unbornSame: 'No difference on the unborn.',
      meansRuleDiffers: 'A child recruited without improper means is trafficked under some regimes and not others: {groups}.',
      meansRuleSame: 'Same rule everywhere.',
      consent: 'Consent is no defence in any regime, though each says so in its own terms.',
      victimDiffers: 'A trafficked person who has not (yet) suffered harm is a victim under some regimes only: {groups}.',
      victimSame: 'Same victim test everywhere.',
      scopeDiffers: 'Transnationality is an element under some regimes only: {groups}.',
      scopeSame: 'No regime makes transnationality or an organised criminal group an element of the offence; for the treaties they only decide the scope of cooperation (UNTOC Art 34(2)).',
      actualDiffers: 'Whether a case stopped before any exploitation is trafficking differs: {groups}.',
      actualSame: 'Same everywhere.',
      listDiffers: 'Forms of exploitation not named count only where the list is open: {groups}.',
      listSame: 'Same everywhere.',
      penaltyDiffers: 'The same conduct carries different penalties from one regime to another; the treaties leave penalties to States.',
      penaltySame: 'The same penalties everywhere.',
    },
    penaltyText: {
      range: '{min} to {max} years',
      upTo: 'up to {max} years',
      lifeOrMin: 'life or at least {min} years',
      upToLife: 'up to life',
      fineRange: 'a fine of {currency} {min} to {max}',
      fineUpTo: 'a fine of {currency} up to {max}',
      fineUnspecified: 'liable to a fine ({currency}, amount not stated)',
      and: ' and ',
    },
  },
  id: {
    title: 'Tindak pidana perdagangan orang: perbandingan rezim hukum',
    divergenceTitle: 'Perbedaan definisi: UU 21/2007, Akta 670, ACTIP dan Protokol Palermo',
    caseLabel: 'Perkara',
    asOf: 'Hukum yang berlaku pada',
    noDate: 'tanggal tidak diketahui: putusan hanya berlaku jika semua versi suatu rezim sepakat',
    regime: 'Rezim',
    version: 'Versi',
    verdict: 'Penilaian',
    element: 'Unsur',
    status: 'Status',
    matched: 'Fakta yang memenuhi',
    citation: 'Dasar hukum',
    confidence: 'Keandalan sumber',
    offences: 'Tindak pidana',
    missingFacts: 'Fakta yang menentukan',
    interpretations: 'Penafsiran yang diperdebatkan dan digunakan',
    chosen: 'dipilih',
    alternatives: 'penafsiran lain',
    divergences: 'Perbedaan antar-rezim dalam perkara ini',
    noDivergences: 'Semua rezim sepakat pada setiap penilaian.',
    cause: 'Alasan',
    receipt: 'Tanda terima',
    originalWording: 'Rumusan (bahasa asli)',
    english: 'Bahasa Inggris',
    term: 'Istilah undang-undang',
    relation: 'Hubungan dengan konsep bersama',
    significance: 'Arti penting',
    penalty: 'Ancaman pidana',
    years: 'tahun',
    fine: 'denda',
    life: 'penjara seumur hidup',
    whipping: 'dapat dicambuk',
    noPenalty: 'tidak ada (perjanjian internasional mewajibkan negara mempidanakan)',
    generated: 'Dihasilkan dari berkas aturan oleh tip-harmonise',
    statuses: { qualifies: 'memenuhi', 'does-not-qualify': 'tidak memenuhi', undetermined: 'belum dapat ditentukan', 'not-in-force': 'belum/tidak berlaku' },
    elementStatuses: { satisfied: 'terpenuhi', 'not-satisfied': 'tidak terpenuhi', unknown: 'tidak diketahui', 'not-required': 'tidak disyaratkan' },
    verdicts: { trafficking: 'Perdagangan orang', victim: 'Korban', child: 'Anak', scope: 'Ruang lingkup perjanjian' },
    relations: { exact: 'sama', close: 'mirip', broader: 'lebih luas', narrower: 'lebih sempit', contested: 'diperdebatkan', none: 'tidak diatur' },
    confidences: { verified: 'terverifikasi', 'single-source': 'satu sumber', unverified: 'belum terverifikasi' },
    aspects: {
      act: 'Perbuatan',
      means: 'Cara',
      exploitation: 'Bentuk eksploitasi',
      child: 'Siapa anak',
      'child-means-rule': 'Cara bagi anak (atau orang yang tidak mampu melindungi diri)',
      consent: 'Persetujuan korban',
      victim: 'Siapa korban',
      scope: 'Sifat transnasional dan kejahatan terorganisasi',
      'actual-exploitation': 'Apakah eksploitasi harus benar-benar terjadi?',
      'exploitation-list': 'Apakah daftar eksploitasi terbuka?',
      definition: 'Struktur definisi',
      penalty: 'Ancaman pidana',
    },
    yes: 'ya',
    no: 'tidak',
    elementsMatrix: 'Unsur menurut rezim',
    notAnElement: 'bukan unsur di sini',
    englishOnly: 'ringkasan dalam bahasa Inggris',
    elementNames: {
      act: 'Perbuatan', means: 'Cara', purpose: 'Tujuan eksploitasi', territory: 'Kaitan wilayah', result: 'Eksploitasi benar-benar terjadi',
      aggravation: 'Keadaan yang memberatkan', route: 'Rute', 'exploitation-abroad': 'Eksploitasi di luar negeri', 'entry-into-indonesia': 'Dibawa masuk ke Indonesia',
      'exit-from-indonesia': 'Dibawa keluar Indonesia', 'victim-category': 'Golongan orang', adult: 'Orang dewasa', nationality: 'Kewarganegaraan', child: 'Anak',
      age: 'Umur', harm: 'Penderitaan yang dialami', 'trafficking-offence': 'Mengalami tindak pidana perdagangan orang', transnational: 'Bersifat transnasional',
      'organised-criminal-group': 'Kelompok kejahatan terorganisasi', 'in-force': 'Berlaku', offences: 'Tindak pidana',
    },
    conceptKinds: { act: 'perbuatan', means: 'cara', exploitation: 'eksploitasi' },
    aspectValues: {
      'child-age': 'di bawah {age} tahun',
      'unborn:yes': 'termasuk anak yang masih dalam kandungan',
      'unborn:no': 'orang yang sudah lahir',
      'child-means-rule:means-not-required': 'bagi anak tidak disyaratkan cara',
      'child-means-rule:means-not-required-disability': 'bagi anak atau orang yang tidak mampu melindungi diri tidak disyaratkan cara',
      'child-means-rule:means-required': 'cara tetap disyaratkan, juga bagi anak (dalam tindak pidana pokok)',
      'child-means-rule:means-not-an-element': 'definisi tidak memuat unsur cara sama sekali',
      'victim:harm': 'orang yang mengalami penderitaan akibat tindak pidana',
      'victim:no-harm': 'setiap orang yang menjadi sasaran perdagangan orang; tanpa syarat penderitaan',
      'scope:required': 'sifat transnasional disyaratkan',
      'scope:not-required': 'perdagangan dalam negeri tercakup; tanpa unsur transnasional atau kelompok terorganisasi',
      'actual-exploitation:no': 'tidak: tujuan saja cukup',
      'actual-exploitation:yes': 'ya',
      'actual-exploitation:some-offences': 'hanya untuk sebagian tindak pidana',
      'actual-exploitation:contested': 'diperdebatkan',
      'exploitation-list:open': 'terbuka (batas minimum, atau "termasuk")',
      'exploitation-list:closed': 'daftar tertutup',
      'penalty:none': 'tidak ada ancaman pidana sendiri (perjanjian internasional mewajibkan negara mempidanakan)',
    },
    significanceText: {
      conceptDiverges: 'Dihitung sebagai {kind} menurut {yes} tetapi tidak menurut {no}.',
      conceptContestedSuffix: ' (diperdebatkan menurut {regimes}; ditampilkan penafsiran bawaan)',
      conceptContested: 'Diperdebatkan menurut {regimes}: hasilnya bergantung pada penafsiran yang dipilih.',
      conceptBreadth: 'Semua rezim mencakupnya, dengan rumusan yang berbeda luasnya.',
      conceptSame: 'Semua rezim mencakupnya dengan rumusan yang sama.',
      definitionDiffers: 'Definisinya disusun secara berbeda, sehingga fakta yang sama dapat memenuhi yang satu dan tidak yang lain.',
      definitionSame: 'Strukturnya sama di semua rezim.',
      childAgeDiffers: 'Batas umur berbeda: {groups}.',
      childAgeSame: 'Semua rezim menarik batas pada umur {age} tahun.',
      unbornDiffers: 'Hanya {yes} yang menghitung anak dalam kandungan sebagai anak: perdagangan anak yang belum lahir (misalnya penjualan bayi sebelum lahir) hanya di sana merupakan perdagangan anak.',
      unbornSame: 'Tidak ada perbedaan mengenai anak dalam kandungan.',
      meansRuleDiffers: 'Anak yang direkrut tanpa cara yang dilarang merupakan korban perdagangan orang menurut sebagian rezim saja: {groups}.',
      meansRuleSame: 'Aturannya sama di semua rezim.',
      consent: 'Persetujuan korban bukan alasan pembenar dalam rezim mana pun, walaupun masing-masing merumuskannya sendiri.',
      victimDiffers: 'Orang yang diperdagangkan tetapi (belum) mengalami penderitaan hanya merupakan korban menurut sebagian rezim: {groups}.',
      victimSame: 'Ujian korban sama di semua rezim.',
      scopeDiffers: 'Sifat transnasional merupakan unsur hanya menurut sebagian rezim: {groups}.',
      scopeSame: 'Tidak ada rezim yang menjadikan sifat transnasional atau kelompok kejahatan terorganisasi sebagai unsur tindak pidana; bagi perjanjian internasional keduanya hanya menentukan ruang lingkup kerja sama (UNTOC Pasal 34 ayat (2)).',
      actualDiffers: 'Apakah perkara yang terhenti sebelum terjadi eksploitasi merupakan perdagangan orang berbeda-beda: {groups}.',
      actualSame: 'Sama di semua rezim.',
      listDiffers: 'Bentuk eksploitasi yang tidak disebut hanya dihitung jika daftarnya terbuka: {groups}.',
      listSame: 'Sama di semua rezim.',
      penaltyDiffers: 'Perbuatan yang sama diancam pidana yang berbeda dari satu rezim ke rezim lain; perjanjian internasional menyerahkan ancaman pidana kepada negara.',
      penaltySame: 'Ancaman pidananya sama di semua rezim.',
    },
    penaltyText: {
      range: '{min} sampai {max} tahun',
      upTo: 'paling lama {max} tahun',
      lifeOrMin: 'seumur hidup atau paling singkat {min} tahun',
      upToLife: 'paling berat seumur hidup',
      fineRange: 'denda {currency} {min} sampai {max}',
      fineUpTo: 'denda paling banyak {currency} {max}',
      fineUnspecified: 'dapat didenda ({currency}, jumlah tidak disebut)',
      and: ' dan ',
    },
  },
  ms: {
    title: 'Pemerdagangan orang: perbandingan rejim undang-undang',
    divergenceTitle: 'Perbezaan takrif: UU 21/2007, Akta 670, ACTIP dan Protokol Palermo',
    caseLabel: 'Kes',
    asOf: 'Undang-undang yang berkuat kuasa pada',
    noDate: 'tarikh tidak diketahui: keputusan hanya terpakai jika semua versi sesuatu rejim bersetuju',
    regime: 'Rejim',
    version: 'Versi',
    verdict: 'Penilaian',
    element: 'Elemen',
    status: 'Status',
    matched: 'Fakta yang memenuhinya',
    citation: 'Peruntukan',
    confidence: 'Kebolehpercayaan sumber',
    offences: 'Kesalahan',
    missingFacts: 'Fakta yang akan menentukannya',
    interpretations: 'Tafsiran yang dipertikaikan dan digunakan',
    chosen: 'dipilih',
    alternatives: 'tafsiran lain',
    divergences: 'Perbezaan antara rejim dalam kes ini',
    noDivergences: 'Semua rejim bersetuju pada setiap penilaian.',
    cause: 'Sebab',
    receipt: 'Resit',
    originalWording: 'Perkataan (bahasa asal)',
    english: 'Bahasa Inggeris',
    term: 'Istilah statutori',
    relation: 'Hubungan dengan konsep bersama',
    significance: 'Kepentingan',
    penalty: 'Hukuman',
    years: 'tahun',
    fine: 'denda',
    life: 'penjara seumur hidup',
    whipping: 'boleh dikenakan sebat',
    noPenalty: 'tiada (triti mewajibkan negara menjadikannya kesalahan)',
    generated: 'Dijana daripada fail peraturan oleh tip-harmonise',
    statuses: { qualifies: 'memenuhi', 'does-not-qualify': 'tidak memenuhi', undetermined: 'belum dapat ditentukan', 'not-in-force': 'tidak berkuat kuasa' },
    elementStatuses: { satisfied: 'dipenuhi', 'not-satisfied': 'tidak dipenuhi', unknown: 'tidak diketahui', 'not-required': 'tidak diperlukan' },
    verdicts: { trafficking: 'Pemerdagangan orang', victim: 'Mangsa', child: 'Kanak-kanak', scope: 'Skop triti' },
    relations: { exact: 'sama', close: 'hampir sama', broader: 'lebih luas', narrower: 'lebih sempit', contested: 'dipertikaikan', none: 'tidak diliputi' },
    confidences: { verified: 'disahkan', 'single-source': 'satu sumber', unverified: 'belum disahkan' },
    aspects: {
      act: 'Perbuatan',
      means: 'Cara',
      exploitation: 'Bentuk eksploitasi',
      child: 'Siapa kanak-kanak',
      'child-means-rule': 'Cara bagi kanak-kanak (atau orang yang tidak berupaya melindungi diri)',
      consent: 'Persetujuan orang itu',
      victim: 'Siapa mangsa',
      scope: 'Sifat rentas negara dan jenayah terancang',
      'actual-exploitation': 'Mestikah eksploitasi benar-benar berlaku?',
      'exploitation-list': 'Adakah senarai eksploitasi terbuka?',
      definition: 'Struktur takrif',
      penalty: 'Hukuman',
    },
    yes: 'ya',
    no: 'tidak',
    elementsMatrix: 'Elemen mengikut rejim',
    notAnElement: 'bukan elemen di sini',
    englishOnly: 'ringkasan dalam bahasa Inggeris',
    elementNames: {
      act: 'Perbuatan', means: 'Cara', purpose: 'Tujuan eksploitasi', territory: 'Kaitan wilayah', result: 'Eksploitasi benar-benar berlaku',
      aggravation: 'Keadaan yang memberatkan', route: 'Laluan', 'exploitation-abroad': 'Eksploitasi di luar negara', 'entry-into-indonesia': 'Dibawa masuk ke Indonesia',
      'exit-from-indonesia': 'Dibawa keluar dari Indonesia', 'victim-category': 'Golongan orang', adult: 'Orang dewasa', nationality: 'Kewarganegaraan', child: 'Kanak-kanak',
      age: 'Umur', harm: 'Kemudaratan yang dialami', 'trafficking-offence': 'Tertakluk kepada kesalahan pemerdagangan orang', transnational: 'Bersifat rentas negara',
      'organised-criminal-group': 'Kumpulan jenayah terancang', 'in-force': 'Berkuat kuasa', offences: 'Kesalahan',
    },
    conceptKinds: { act: 'perbuatan', means: 'cara', exploitation: 'eksploitasi' },
    aspectValues: {
      'child-age': 'di bawah umur {age} tahun',
      'unborn:yes': 'termasuk kanak-kanak yang masih dalam kandungan',
      'unborn:no': 'orang yang sudah dilahirkan',
      'child-means-rule:means-not-required': 'cara tidak diperlukan bagi kanak-kanak',
      'child-means-rule:means-not-required-disability': 'cara tidak diperlukan bagi kanak-kanak atau orang yang tidak berupaya melindungi diri',
      'child-means-rule:means-required': 'cara diperlukan juga bagi kanak-kanak (dalam kesalahan am)',
      'child-means-rule:means-not-an-element': 'takrif tidak mempunyai elemen cara langsung',
      'victim:harm': 'orang yang mengalami kemudaratan akibat kesalahan itu',
      'victim:no-harm': 'mana-mana orang yang diperdagangkan; tiada syarat kemudaratan',
      'scope:required': 'sifat rentas negara diperlukan',
      'scope:not-required': 'pemerdagangan dalam negeri diliputi; tiada elemen rentas negara atau kumpulan terancang',
      'actual-exploitation:no': 'tidak: tujuan sahaja sudah memadai',
      'actual-exploitation:yes': 'ya',
      'actual-exploitation:some-offences': 'bagi sesetengah kesalahan sahaja',
      'actual-exploitation:contested': 'dipertikaikan',
      'exploitation-list:open': 'terbuka (minimum, atau "termasuk")',
      'exploitation-list:closed': 'senarai tertutup',
      'penalty:none': 'tiada hukuman sendiri (triti mewajibkan negara menjadikannya kesalahan)',
    },
    significanceText: {
      conceptDiverges: 'Dikira sebagai {kind} di bawah {yes} tetapi tidak di bawah {no}.',
      conceptContestedSuffix: ' (dipertikaikan di bawah {regimes}; tafsiran lalai ditunjukkan)',
      conceptContested: 'Dipertikaikan di bawah {regimes}: hasilnya bergantung pada tafsiran yang dipilih.',
      conceptBreadth: 'Semua rejim meliputinya, dengan perkataan yang berbeza keluasannya.',
      conceptSame: 'Semua rejim meliputinya dengan perkataan yang sama.',
      definitionDiffers: 'Takrifnya dibina secara berbeza, jadi fakta yang sama boleh memenuhi satu takrif tetapi tidak yang lain.',
      definitionSame: 'Strukturnya sama di semua rejim.',
      childAgeDiffers: 'Had umur berbeza: {groups}.',
      childAgeSame: 'Semua rejim menetapkan had pada umur {age} tahun.',
      unbornDiffers: 'Hanya {yes} mengira kanak-kanak dalam kandungan sebagai kanak-kanak: pemerdagangan kanak-kanak yang belum lahir (contohnya penjualan bayi sebelum lahir) ialah pemerdagangan kanak-kanak di sana sahaja.',
      unbornSame: 'Tiada perbezaan mengenai kanak-kanak dalam kandungan.',
      meansRuleDiffers: 'Kanak-kanak yang direkrut tanpa cara yang tidak wajar diperdagangkan di bawah sesetengah rejim sahaja: {groups}.',
      meansRuleSame: 'Peraturannya sama di semua rejim.',
      consent: 'Persetujuan bukan pembelaan di bawah mana-mana rejim, walaupun setiap satu menyatakannya dengan caranya sendiri.',
      victimDiffers: 'Orang yang diperdagangkan tetapi (belum) mengalami kemudaratan ialah mangsa di bawah sesetengah rejim sahaja: {groups}.',
      victimSame: 'Ujian mangsa sama di semua rejim.',
      scopeDiffers: 'Sifat rentas negara ialah elemen di bawah sesetengah rejim sahaja: {groups}.',
      scopeSame: 'Tiada rejim yang menjadikan sifat rentas negara atau kumpulan jenayah terancang sebagai elemen kesalahan; bagi triti, kedua-duanya hanya menentukan skop kerjasama (UNTOC Perkara 34(2)).',
      actualDiffers: 'Sama ada kes yang terhenti sebelum sebarang eksploitasi ialah pemerdagangan orang berbeza-beza: {groups}.',
      actualSame: 'Sama di semua rejim.',
      listDiffers: 'Bentuk eksploitasi yang tidak disebut hanya dikira jika senarainya terbuka: {groups}.',
      listSame: 'Sama di semua rejim.',
      penaltyDiffers: 'Perbuatan yang sama membawa hukuman yang berbeza dari satu rejim ke rejim lain; triti menyerahkan hukuman kepada negara.',
      penaltySame: 'Hukumannya sama di semua rejim.',
    },
    penaltyText: {
      range: '{min} hingga {max} tahun',
      upTo: 'sehingga {max} tahun',
      lifeOrMin: 'seumur hidup atau sekurang-kurangnya {min} tahun',
      upToLife: 'sehingga seumur hidup',
      fineRange: 'denda {currency} {min} hingga {max}',
      fineUpTo: 'denda sehingga {currency} {max}',
      fineUnspecified: 'boleh didenda ({currency}, amaun tidak dinyatakan)',
      and: ' dan ',
    },
  },
};

/** Marks that read without colour (printouts) and in a terminal. */
export const STATUS_MARK: Record<Status, string> = {
  qualifies: '✔',
  'does-not-qualify': '✘',
  undetermined: '?',
  'not-in-force': '–',
};
export const ELEMENT_MARK: Record<string, string> = { satisfied: '✔', 'not-satisfied': '✘', unknown: '?', 'not-required': '○' };

export type { Texts };

export function labelsFor(language: Language | undefined): Texts {
  return LABELS[language ?? 'en'];
}

/** Fill `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Numbers as the language writes them (120,000,000 / 120.000.000). */
export function formatNumber(n: number, language: Language): string {
  return n.toLocaleString(language === 'id' ? 'id-ID' : language === 'ms' ? 'ms-MY' : 'en-US');
}
