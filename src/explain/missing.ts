import { rankFacts, verdictsByFact } from '../compare/rankMissingFacts.js';
import type { Comparison, Language, RegimeResult, VerdictName } from '../types.js';

type Q = Record<Language, (date: string | undefined) => string>;
const on = (d: string | undefined, word: Record<Language, string>, lang: Language) => (d ? ` ${word[lang]} ${d}` : '');
const ON = { en: 'on', id: 'pada', ms: 'pada' };

/** The question to put to whoever holds the file, per fact path, in three languages. */
const QUESTIONS: Record<string, Q> = {
  conductDate: { en: () => 'When did the conduct take place (its first day)?', id: () => 'Kapan perbuatan itu dilakukan (hari pertamanya)?', ms: () => 'Bilakah perbuatan itu berlaku (hari pertamanya)?' },
  'victim.birthDate': {
    en: (d) => `Was the person under 18${on(d, ON, 'en')}? (What is their date of birth?)`,
    id: (d) => `Apakah orang tersebut belum berusia 18 tahun${on(d, ON, 'id')}? (Kapan tanggal lahirnya?)`,
    ms: (d) => `Adakah orang itu di bawah umur 18 tahun${on(d, ON, 'ms')}? (Apakah tarikh lahirnya?)`,
  },
  'victim.unborn': { en: () => 'Was the child still in the womb at the time?', id: () => 'Apakah anak itu masih dalam kandungan pada waktu itu?', ms: () => 'Adakah kanak-kanak itu masih dalam kandungan pada masa itu?' },
  'victim.selfProtectionImpaired': {
    en: () => 'Was the person unable to fully take care of or protect themself because of a physical or mental disability or condition?',
    id: () => 'Apakah orang tersebut tidak mampu sepenuhnya menjaga atau melindungi diri karena disabilitas atau kondisi fisik atau mental?',
    ms: () => 'Adakah orang itu tidak berupaya sepenuhnya menjaga atau melindungi diri kerana ketidakupayaan atau keadaan fizikal atau mental?',
  },
  'victim.nationality': { en: () => "What is the person's nationality (is the person an Indonesian citizen)?", id: () => 'Apa kewarganegaraan orang tersebut (apakah ia WNI)?', ms: () => 'Apakah kewarganegaraan orang itu (adakah dia warganegara Indonesia)?' },
  'victim.harm': { en: () => 'Did the person suffer harm (psychological, mental, physical, sexual, economic or social)?', id: () => 'Apakah orang tersebut mengalami penderitaan psikis, mental, fisik, seksual, ekonomi, atau sosial?', ms: () => 'Adakah orang itu mengalami kemudaratan psikologi, mental, fizikal, seksual, ekonomi atau sosial?' },
  acts: { en: () => 'What was done to the person: recruited, transported, transferred, harboured, received, sent, ...?', id: () => 'Perbuatan apa yang dilakukan: perekrutan, pengangkutan, pemindahan, penampungan, penerimaan, pengiriman, ...?', ms: () => 'Apakah yang dilakukan terhadap orang itu: direkrut, diangkut, dipindahkan, dilindungi, diterima, dihantar, ...?' },
  means: { en: () => 'Were any improper means used: threats, force, deception, abuse of vulnerability, debt bondage, payments, ...?', id: () => 'Apakah digunakan cara yang dilarang: ancaman, kekerasan, penipuan, penyalahgunaan posisi rentan, penjeratan utang, bayaran, ...?', ms: () => 'Adakah cara yang tidak wajar digunakan: ugutan, kekerasan, tipu daya, penyalahgunaan kedudukan, ikatan hutang, bayaran, ...?' },
  purposes: { en: () => 'For what kind of exploitation was the person recruited or moved?', id: () => 'Untuk bentuk eksploitasi apa orang tersebut direkrut atau dipindahkan?', ms: () => 'Untuk bentuk eksploitasi apakah orang itu direkrut atau dipindahkan?' },
  exploitationOccurred: { en: () => 'Was the person actually exploited, and how?', id: () => 'Apakah orang tersebut benar-benar tereksploitasi, dan dalam bentuk apa?', ms: () => 'Adakah orang itu benar-benar dieksploitasi, dan bagaimana?' },
  'movement.origin': { en: () => 'In which country was the person recruited or taken from?', id: () => 'Di negara mana orang tersebut direkrut atau diambil?', ms: () => 'Di negara manakah orang itu direkrut atau diambil?' },
  'movement.destination': { en: () => 'To which country was the person taken, or being taken?', id: () => 'Ke negara mana orang tersebut dibawa atau akan dibawa?', ms: () => 'Ke negara manakah orang itu dibawa atau akan dibawa?' },
  'movement.transit': { en: () => 'Did the journey pass through any other country (which)?', id: () => 'Apakah perjalanan melewati negara lain (negara mana)?', ms: () => 'Adakah perjalanan melalui negara lain (negara mana)?' },
  'movement.exploitationCountry': { en: () => 'In which country was the exploitation intended or carried out?', id: () => 'Di negara mana eksploitasi dimaksudkan atau dilakukan?', ms: () => 'Di negara manakah eksploitasi dimaksudkan atau dilakukan?' },
  'movement.begun': {
    en: () => 'Had the person already set off on the journey (even if stopped on the way), or only been recruited so far?',
    id: () => 'Apakah orang tersebut sudah diberangkatkan (walaupun dihentikan di perjalanan), atau baru direkrut?',
    ms: () => 'Adakah orang itu sudah memulakan perjalanan (walaupun ditahan dalam perjalanan), atau baru direkrut?',
  },
  'movement.completed': { en: () => 'Did the person arrive at the destination, or were they stopped on the way?', id: () => 'Apakah orang tersebut sampai di tempat tujuan, atau dihentikan di perjalanan?', ms: () => 'Adakah orang itu sampai ke destinasi, atau ditahan dalam perjalanan?' },
  'movement.interRegional': { en: () => 'Was the person sent between regions (provinces, regencies) within the country?', id: () => 'Apakah orang tersebut dikirim antardaerah di dalam negeri?', ms: () => 'Adakah orang itu dihantar antara wilayah dalam negara?' },
  'offender.organisedCriminalGroup': { en: () => 'Did the offender act as or within an organised criminal group (three or more persons)?', id: () => 'Apakah pelaku bertindak dalam kelompok yang terorganisasi (tiga orang atau lebih)?', ms: () => 'Adakah pesalah bertindak dalam kumpulan jenayah terancang (tiga orang atau lebih)?' },
  'offender.publicOfficial': { en: () => 'Was the offender a public official abusing their office?', id: () => 'Apakah pelaku penyelenggara negara yang menyalahgunakan kekuasaan?', ms: () => 'Adakah pesalah penjawat awam yang menyalahgunakan jawatan?' },
  'offender.crossBorderLinks': { en: () => 'Was the offence planned, directed or controlled from another country, or did it have substantial effects there?', id: () => 'Apakah tindak pidana direncanakan, diarahkan atau dikendalikan dari negara lain, atau berdampak besar di sana?', ms: () => 'Adakah kesalahan dirancang, diarah atau dikawal dari negara lain, atau memberi kesan besar di sana?' },
  'movement.unlawfulCrossing': {
    en: () => 'Did the person cross a border without the right to do so lawfully (no papers, false papers, or avoiding immigration control)?',
    id: () => 'Apakah orang tersebut masuk atau keluar wilayah suatu negara tanpa hak yang sah (tanpa dokumen, dengan dokumen palsu, atau menghindari pemeriksaan imigrasi)?',
    ms: () => 'Adakah orang itu masuk atau keluar dari sesebuah negara tanpa hak yang sah (tanpa dokumen, dengan dokumen palsu, atau mengelak pemeriksaan imigresen)?',
  },
  'offender.forGain': {
    en: () => 'Did the offender act for a benefit (a fee, a price), directly or indirectly?',
    id: () => 'Apakah pelaku bertujuan mencari keuntungan (bayaran, harga), baik secara langsung maupun tidak langsung?',
    ms: () => 'Adakah pesalah bertindak untuk mendapat faedah (bayaran, harga), secara langsung atau tidak langsung?',
  },
  'offender.placedMigrantWorker': {
    en: () => 'Did the offender arrange the placement of the person as a migrant worker in a job abroad?',
    id: () => 'Apakah pelaku melaksanakan penempatan orang tersebut sebagai pekerja migran di luar negeri?',
    ms: () => 'Adakah pesalah mengatur penempatan orang itu sebagai pekerja migran di luar negara?',
  },
  'offender.placementRequirementsMet': {
    en: () => 'Did the placement meet the legal requirements for migrant workers (age, health, social security, complete documents)?',
    id: () => 'Apakah penempatan memenuhi persyaratan pekerja migran (umur, kesehatan, jaminan sosial, dokumen lengkap)?',
    ms: () => 'Adakah penempatan memenuhi syarat undang-undang bagi pekerja migran (umur, kesihatan, keselamatan sosial, dokumen lengkap)?',
  },
  'offender.individualPlacer': {
    en: () => 'Was the worker placed by an individual rather than a company or the state?',
    id: () => 'Apakah pekerja ditempatkan oleh orang perseorangan, bukan perusahaan atau negara?',
    ms: () => 'Adakah pekerja ditempatkan oleh individu, bukan syarikat atau negara?',
  },
  consequences: { en: () => 'Did the conduct cause grievous harm, death, suicide, pregnancy or a life-threatening disease?', id: () => 'Apakah perbuatan mengakibatkan luka berat, kematian, bunuh diri, kehamilan atau penyakit yang membahayakan jiwa?', ms: () => 'Adakah perbuatan itu menyebabkan cedera parah, kematian, bunuh diri, kehamilan atau penyakit yang mengancam nyawa?' },
};

/** Every fact path the library may ask for has a question (a test holds this list to the law's facts). */
export const QUESTION_FACTS = Object.keys(QUESTIONS);

/**
 * For an undetermined comparison, the facts to establish next, most decisive first, each with the
 * question to ask in plain words and the verdicts it would decide (`act-670.trafficking`, ...).
 *
 * @example
 * ```ts
 * explainMissing(await compare({ conductDate: '2024-05-01', acts: ['recruitment'] }), { language: 'id' })[0]?.question;
 * ```
 */
export function explainMissing(c: Comparison, options: { language?: Language } = {}): Array<{ fact: string; question: string; decides: string[] }> {
  const lang = options.language ?? 'en';
  const decides = verdictsByFact(c.regimes);
  return rankFacts(c.regimes).map((fact) => ({ fact, question: (QUESTIONS[fact]?.[lang] ?? (() => fact))(c.asOf), decides: decides.get(fact) ?? [] }));
}
