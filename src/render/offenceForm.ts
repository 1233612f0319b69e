import type { Language, OffenceForm } from '../types.js';
import { message } from '../words/messages.js';

/**
 * A qualifying offence's form in words: completed, or an attempt punished as the completed offence
 * (UU 21/2007 Pasal 10), with the provision to name ("Pasal 4 jo. Pasal 10"). The provision is
 * never translated: it is how a charge cites it.
 *
 * @example
 * ```ts
 * offenceFormText({ status: 'attempt', provision: 'Pasal 4 jo. Pasal 10', citations: [] }, 'id');
 * // 'percobaan, dipidana sama dengan tindak pidana selesai: Pasal 4 jo. Pasal 10'
 * ```
 */
export function offenceFormText(form: OffenceForm, language: Language): string {
  return message(language, 'journey.form.line', { form: message(language, `journey.form.${form.status}`), provision: form.provision });
}
