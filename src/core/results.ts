import type { EnrichmentDefinition } from '../scenario/types.js';
import type { FakeData } from './fake-data.js';
import type { Lead } from './lead-list.js';
import { derive } from './random.js';
import type { Run } from './run.js';

/** A value an enrichment produced for one lead. */
export type ResultValue = string | number | boolean | Record<string, string | boolean | null>;

const VERIFICATION = ['valid', 'valid', 'valid', 'risky', 'invalid', 'unknown'];
const ESP = ['google', 'microsoft', 'zoho', 'proofpoint', 'mimecast', 'other'];
const SEG = ['proofpoint', 'mimecast', 'barracuda'];

/**
 * The seed of item `index`'s result in `run`: one per run and item.
 *
 * @example
 * generateResult(run.enrichment, lead, resultSeed(run, index), fake);
 */
export function resultSeed(run: Pick<Run, 'key'>, index: number): number {
  return derive(run.key, 'result', index);
}

/**
 * The result of `enrichment` for `lead`, drawn from `seed` (one per run and item), so any item's result
 * can be produced on its own.
 */
export function generateResult(
  enrichment: EnrichmentDefinition,
  lead: Lead,
  seed: number,
  fake: FakeData,
): ResultValue {
  const { kind, options } = enrichment.output;
  const text = (name: string): string => String(lead.attributes[name] ?? '');
  return fake.with(seed, (f): ResultValue => {
    switch (kind) {
      case 'email': {
        const first = text('firstName').toLowerCase() || f.person.firstName().toLowerCase();
        const last = text('lastName').toLowerCase() || f.person.lastName().toLowerCase();
        const domain = text('domain') || f.internet.domainName();
        return f.helpers.arrayElement([
          `${first}.${last}@${domain}`,
          `${first}@${domain}`,
          `${first[0] ?? 'x'}${last}@${domain}`,
        ]);
      }
      case 'email_verification':
        return f.helpers.arrayElement(VERIFICATION);
      case 'phone':
        return f.phone.number({ style: 'international' });
      case 'url':
        return text('website') || `https://${text('domain') || f.internet.domainName()}`;
      case 'number':
        return f.number.int({ min: 1, max: 10_000 });
      case 'date':
        return f.date.past({ years: 3 }).toISOString().slice(0, 10);
      case 'boolean':
        return f.datatype.boolean();
      case 'options':
        return f.helpers.arrayElement(options && options.length > 0 ? options : ['yes', 'no']);
      case 'seg_gateway': {
        const protectedBy = f.datatype.boolean({ probability: 0.3 });
        return { segProtected: protectedBy, segProvider: protectedBy ? f.helpers.arrayElement(SEG) : null };
      }
      case 'esp':
        return f.helpers.arrayElement(ESP);
      case 'text':
        return `${text('company') || text('name') || 'The company'} ${f.company.catchPhrase().toLowerCase()}. ${f.lorem.sentence()}`;
    }
  });
}
