import { z } from 'zod';

/**
 * The shared fact vocabulary (../shared/design/vocabulary.md). Every regime's statutory terms are
 * mapped onto these ids in its rule files; the ids are what case systems send.
 */

/** Things done to the person (recruitment, transportation, ...). */
export const ACTS = [
  'recruitment',
  'transportation',
  'transfer',
  'harbouring',
  'receipt',
  'sending',
  'providing',
  'acquiring',
  'maintaining',
  'adoption',
] as const;

/** Improper means used against the person. */
export const MEANS = [
  'threat',
  'force',
  'coercion',
  'abduction',
  'confinement',
  'falsification',
  'fraud',
  'deception',
  'abuse-of-power',
  'abuse-of-vulnerability',
  'debt-bondage',
  'payment-to-controller',
  'payment-to-victim',
  'document-retention',
  'wage-withholding',
  'isolation',
] as const;

/** Forms of exploitation (for `purposes` and `exploitationOccurred`). */
export const EXPLOITATION = [
  'prostitution',
  'sexual-exploitation',
  'forced-labour',
  'slavery',
  'slavery-like-practice',
  'servitude',
  'organ-removal',
  'reproductive-exploitation',
  'physical-exploitation',
  'oppression',
  'extortion',
  'labour-exploitation',
  'forced-criminality',
  'forced-marriage',
  'forced-begging',
  'exploitation-unspecified',
] as const;

/** Harm actually suffered by the person (UU 21/2007 Pasal 1 angka 3). */
export const HARM = ['psychological', 'mental', 'physical', 'sexual', 'economic', 'social'] as const;

/** Results that aggravate (UU 21/2007 Pasal 7; Act 670 s.13 (2022)). */
export const CONSEQUENCES = [
  'grievous-harm',
  'severe-mental-disorder',
  'life-threatening-disease',
  'pregnancy',
  'reproductive-impairment',
  'death',
  'suicide',
] as const;

export const actSchema = z.enum(ACTS);
export const meansSchema = z.enum(MEANS);
export const exploitationSchema = z.enum(EXPLOITATION);
export const harmSchema = z.enum(HARM);
export const consequenceSchema = z.enum(CONSEQUENCES);

export type Act = z.infer<typeof actSchema>;
export type Means = z.infer<typeof meansSchema>;
export type Exploitation = z.infer<typeof exploitationSchema>;
export type Harm = z.infer<typeof harmSchema>;
export type Consequence = z.infer<typeof consequenceSchema>;

/** The concept groups, keyed by the CaseFacts field that carries them. */
export const CONCEPT_GROUPS = {
  acts: ACTS,
  means: MEANS,
  purposes: EXPLOITATION,
  exploitationOccurred: EXPLOITATION,
  'victim.harm': HARM,
  consequences: CONSEQUENCES,
} as const;

export type ConceptField = keyof typeof CONCEPT_GROUPS;

/** Which vocabulary a concept field draws from (purposes and exploitationOccurred share one). */
export const VOCABULARY_OF_FIELD: Record<ConceptField, 'act' | 'means' | 'exploitation' | 'harm' | 'consequence'> = {
  acts: 'act',
  means: 'means',
  purposes: 'exploitation',
  exploitationOccurred: 'exploitation',
  'victim.harm': 'harm',
  consequences: 'consequence',
};

export const VOCABULARIES = {
  act: ACTS,
  means: MEANS,
  exploitation: EXPLOITATION,
  harm: HARM,
  consequence: CONSEQUENCES,
} as const;

export type VocabularyId = keyof typeof VOCABULARIES;
