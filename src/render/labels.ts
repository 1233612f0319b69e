import type { Language, Status, VerdictName } from '../types.js';

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

export function labelsFor(language: Language | undefined): Texts {
  return LABELS[language ?? 'en'];
}
