import type { CitationOut } from '../types.js';
import type { Citation } from './schema.js';

/** A citation of the rule data as answers carry it (original wording, English, confidence). */
export function citationOut(c: Citation): CitationOut {
  return {
    instrument: c.instrument,
    provision: c.provision,
    ...(c.text ? { text: { ...c.text } } : {}),
    confidence: c.confidence,
    ...(c.noteMark ? { noteMark: c.noteMark } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}
