import type { Language, Status, VerdictName } from '../types.js';

/**
 * Short nouns for the elements the rule files use, in the three languages of the library, for
 * sentences such as "Pasal 2 ayat (1) fails on means, territory". The rule files carry a full
 * label per element (a sentence); a summary needs a word. Unknown elements fall back to their id.
 */
export const ELEMENT_NOUNS: Record<string, Record<Language, string>> = {
  act: { en: 'act', id: 'perbuatan', ms: 'perbuatan' },
  means: { en: 'means', id: 'cara', ms: 'cara' },
  purpose: { en: 'purpose of exploitation', id: 'tujuan eksploitasi', ms: 'maksud eksploitasi' },
  territory: { en: 'territory', id: 'wilayah', ms: 'wilayah' },
  result: { en: 'result (actual exploitation)', id: 'akibat (tereksploitasi)', ms: 'akibat (eksploitasi sebenar)' },
  'entry-into-indonesia': { en: 'entry into Indonesia', id: 'memasukkan ke wilayah Indonesia', ms: 'dibawa masuk ke Indonesia' },
  nationality: { en: 'Indonesian nationality', id: 'kewarganegaraan Indonesia', ms: 'kewarganegaraan Indonesia' },
  'exit-from-indonesia': { en: 'exit from Indonesia', id: 'membawa ke luar wilayah Indonesia', ms: 'dibawa keluar dari Indonesia' },
  'exploitation-abroad': { en: 'exploitation abroad', id: 'eksploitasi di luar negeri', ms: 'eksploitasi di luar negara' },
  child: { en: 'child', id: 'anak', ms: 'kanak-kanak' },
  route: { en: 'route (between regions or abroad)', id: 'tujuan pengiriman (antardaerah atau luar negeri)', ms: 'laluan (antara wilayah atau ke luar negara)' },
  adult: { en: 'adult', id: 'dewasa', ms: 'dewasa' },
  'victim-category': { en: 'victim category', id: 'kategori korban', ms: 'kategori mangsa' },
  aggravation: { en: 'aggravation', id: 'pemberatan', ms: 'pemberatan' },
  harm: { en: 'harm', id: 'penderitaan', ms: 'kemudaratan' },
  consent: { en: 'consent', id: 'persetujuan', ms: 'persetujuan' },
};

/** Short nouns for fact paths (what a verdict "turns on"). Unknown paths fall back to the path. */
export const FACT_NOUNS: Record<string, Record<Language, string>> = {
  conductDate: { en: 'the date of the conduct', id: 'tanggal perbuatan', ms: 'tarikh perbuatan' },
  'victim.birthDate': { en: "the person's age", id: 'usia orang tersebut', ms: 'umur orang itu' },
  'victim.age': { en: "the person's age", id: 'usia orang tersebut', ms: 'umur orang itu' },
  'victim.unborn': { en: 'whether the child was still unborn', id: 'apakah anak masih dalam kandungan', ms: 'sama ada kanak-kanak itu masih dalam kandungan' },
  'victim.selfProtectionImpaired': { en: 'whether the person could protect themself', id: 'apakah orang tersebut mampu melindungi diri', ms: 'sama ada orang itu berupaya melindungi diri' },
  'victim.nationality': { en: "the person's nationality", id: 'kewarganegaraan orang tersebut', ms: 'kewarganegaraan orang itu' },
  'victim.harm': { en: 'the harm suffered', id: 'penderitaan yang dialami', ms: 'kemudaratan yang dialami' },
  acts: { en: 'what was done to the person', id: 'perbuatan yang dilakukan', ms: 'perbuatan yang dilakukan' },
  means: { en: 'the means used', id: 'cara yang digunakan', ms: 'cara yang digunakan' },
  purposes: { en: 'the purpose', id: 'tujuan eksploitasi', ms: 'maksud eksploitasi' },
  exploitationOccurred: { en: 'whether exploitation took place', id: 'apakah eksploitasi terjadi', ms: 'sama ada eksploitasi berlaku' },
  'movement.origin': { en: 'where the person was taken from', id: 'asal orang tersebut', ms: 'tempat asal orang itu' },
  'movement.destination': { en: 'where the person was taken to', id: 'tujuan orang tersebut dibawa', ms: 'destinasi orang itu' },
  'movement.transit': { en: 'the countries of transit', id: 'negara transit', ms: 'negara transit' },
  'movement.exploitationCountry': { en: 'where the exploitation was to take place', id: 'tempat eksploitasi', ms: 'tempat eksploitasi' },
  'movement.completed': { en: 'whether the journey was completed', id: 'apakah perjalanan selesai', ms: 'sama ada perjalanan selesai' },
  'movement.interRegional': { en: 'whether the person was moved between regions', id: 'apakah orang tersebut dipindahkan antardaerah', ms: 'sama ada orang itu dipindahkan antara wilayah' },
  'offender.organisedCriminalGroup': { en: 'whether an organised criminal group was involved', id: 'keterlibatan kelompok terorganisasi', ms: 'penglibatan kumpulan jenayah terancang' },
  'offender.publicOfficial': { en: 'whether the offender was a public official', id: 'apakah pelaku penyelenggara negara', ms: 'sama ada pesalah penjawat awam' },
  'offender.crossBorderLinks': { en: 'links to another country', id: 'kaitan dengan negara lain', ms: 'kaitan dengan negara lain' },
  consequences: { en: 'the consequences', id: 'akibat perbuatan', ms: 'akibat perbuatan' },
};

/** What a verdict is called in a sentence ("trafficking: not met instead of met"). */
export const VERDICT_NOUNS: Record<VerdictName, Record<Language, string>> = {
  trafficking: { en: 'trafficking', id: 'perdagangan orang', ms: 'pemerdagangan orang' },
  victim: { en: 'victim status', id: 'status korban', ms: 'status mangsa' },
  child: { en: 'child status', id: 'status anak', ms: 'status kanak-kanak' },
  scope: { en: 'scope', id: 'ruang lingkup', ms: 'skop' },
};

export const STATUS_WORDS: Record<Status, Record<Language, string>> = {
  qualifies: { en: 'met', id: 'terpenuhi', ms: 'dipenuhi' },
  'does-not-qualify': { en: 'not met', id: 'tidak terpenuhi', ms: 'tidak dipenuhi' },
  undetermined: { en: 'undetermined', id: 'belum dapat ditentukan', ms: 'belum dapat ditentukan' },
  'not-in-force': { en: 'not in force', id: 'tidak berlaku', ms: 'tidak berkuat kuasa' },
};

export const elementNoun = (element: string, lang: Language): string => ELEMENT_NOUNS[element]?.[lang] ?? element;
export const factNoun = (fact: string, lang: Language): string => FACT_NOUNS[fact]?.[lang] ?? fact;
