import { z } from 'zod';

/**
 * The shared fact vocabulary (../shared/design/vocabulary.md). Every regime's statutory terms are
 * mapped onto these ids in its rule files; the ids are what case systems send.
 */

/**
 * Things done to the person (recruitment, transportation, ...).
 *
 * @example
 * ```ts
 * ACTS.includes('recruitment'); // true
 * ```
 */
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

/**
 * Improper means used against the person.
 *
 * @example
 * ```ts
 * const open = Object.fromEntries(MEANS.map((m) => [m, false])); // every means known absent
 * ```
 */
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

/**
 * Forms of exploitation (for `purposes` and `exploitationOccurred`).
 *
 * @example
 * ```ts
 * EXPLOITATION.filter((e) => e.startsWith('forced-'));
 * ```
 */
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

/**
 * Harm actually suffered by the person (UU 21/2007 Pasal 1 angka 3).
 *
 * @example
 * ```ts
 * const victim = { harm: [HARM[2]] }; // ['physical']
 * ```
 */
export const HARM = ['psychological', 'mental', 'physical', 'sexual', 'economic', 'social'] as const;

/**
 * Results that aggravate (UU 21/2007 Pasal 7; Act 670 s.13 (2022)).
 *
 * @example
 * ```ts
 * const facts = { consequences: ['grievous-harm'] satisfies Consequence[] };
 * ```
 */
export const CONSEQUENCES = [
  'grievous-harm',
  'severe-mental-disorder',
  'life-threatening-disease',
  'pregnancy',
  'reproductive-impairment',
  'death',
  'suicide',
] as const;

/**
 * zod enum of {@link ACTS}.
 *
 * @example
 * ```ts
 * actSchema.parse('recruitment');
 * ```
 */
export const actSchema = z.enum(ACTS);
/**
 * zod enum of {@link MEANS}.
 *
 * @example
 * ```ts
 * meansSchema.safeParse('deception').success; // true
 * ```
 */
export const meansSchema = z.enum(MEANS);
/**
 * zod enum of {@link EXPLOITATION}.
 *
 * @example
 * ```ts
 * exploitationSchema.options; // every exploitation id
 * ```
 */
export const exploitationSchema = z.enum(EXPLOITATION);
/**
 * zod enum of {@link HARM}.
 *
 * @example
 * ```ts
 * harmSchema.parse('physical');
 * ```
 */
export const harmSchema = z.enum(HARM);
/**
 * zod enum of {@link CONSEQUENCES}.
 *
 * @example
 * ```ts
 * consequenceSchema.options;
 * ```
 */
export const consequenceSchema = z.enum(CONSEQUENCES);

/**
 * An act id (recruitment, transportation, ...).
 *
 * @example
 * ```ts
 * const acts: Act[] = ['recruitment', 'transportation'];
 * ```
 */
export type Act = z.infer<typeof actSchema>;
/**
 * A means id (threat, deception, abuse-of-vulnerability, ...).
 *
 * @example
 * ```ts
 * const means: ConceptSet<Means> = { deception: true }; // open: the rest unknown
 * ```
 */
export type Means = z.infer<typeof meansSchema>;
/**
 * An exploitation id (sexual-exploitation, forced-labour, ...).
 *
 * @example
 * ```ts
 * const purposes: Exploitation[] = ['forced-labour'];
 * ```
 */
export type Exploitation = z.infer<typeof exploitationSchema>;
/**
 * A harm id (physical, psychological, economic, ...).
 *
 * @example
 * ```ts
 * const harm: Harm[] = ['physical'];
 * ```
 */
export type Harm = z.infer<typeof harmSchema>;
/**
 * A consequence id used for aggravation.
 *
 * @example
 * ```ts
 * const c: Consequence = CONSEQUENCES[0];
 * ```
 */
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
