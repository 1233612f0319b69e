import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { proposalJsonSchema } from '../../src/law/proposalJsonSchema.js';
import { parseProposal } from '../../src/law/proposal.js';

const root = join(import.meta.dirname, '..', '..');
const proposals = readdirSync(join(root, 'proposals'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(root, 'proposals', f), 'utf8')) }));

describe('docs/proposal.schema.json (generated from the zod schema)', () => {
  it('is current: regenerate with `npm run build && node scripts/proposal-schema.mjs`', () => {
    const onDisk = JSON.parse(readFileSync(join(root, 'docs/proposal.schema.json'), 'utf8'));
    expect(onDisk).toEqual(proposalJsonSchema());
  });

  it('accepts every bundled proposal, as zod does, and refuses a change with no op', () => {
    // ajv is CJS: its class is the default export, or the module's `default` field under some loaders.
    const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(proposalJsonSchema());
    expect(proposals.length).toBeGreaterThan(0);
    for (const { file, json } of proposals) {
      expect({ file, errors: validate(json) ? [] : validate.errors }).toEqual({ file, errors: [] });
      expect(() => parseProposal(json)).not.toThrow();
    }
    const bad = structuredClone(proposals[0]!.json);
    delete bad.amends[0].changes[0].op;
    expect(validate(bad)).toBe(false);
    expect(() => parseProposal(bad)).toThrow(/amends\.0\.changes\.0\.op/);
  });
});
