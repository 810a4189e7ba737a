import type { EnrichmentDefinition, OutputKind, Subject } from '../../scenario/types.js';
import type { EnrichmentFormat, EnrichmentOption, EnrichmentVersion } from './webset-store.js';

/** Credits one Enrichment costs per Item. */
export const CREDITS_PER_ITEM = 1;

/** Timing profile Exa Enrichments use when the scenario defines it (else the scenario's default timing). */
export const EXA_TIMING_PROFILE = 'exa';

const KIND: Record<EnrichmentFormat, OutputKind> = {
  text: 'text',
  date: 'date',
  number: 'number',
  options: 'options',
  email: 'email',
  phone: 'phone',
  url: 'url',
};

const ANSWER: Record<EnrichmentFormat, string> = {
  text: 'Answer in plain text.',
  date: 'Answer with a date (YYYY-MM-DD).',
  number: 'Answer with a number.',
  options: 'Answer with exactly one of the allowed options',
  email: 'Answer with an email address.',
  phone: 'Answer with a phone number in international format.',
  url: 'Answer with a URL.',
};

const TITLE_LENGTH = 60;

/** A short title from the description: its first sentence, cut at a word boundary. */
export function titleOf(description: string): string {
  const sentence = (description.trim().split(/(?<=[.!?])\s/)[0] ?? '').replace(/\.$/, '');
  if (sentence.length <= TITLE_LENGTH) return sentence;
  const cut = sentence.slice(0, TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : TITLE_LENGTH)}...`;
}

/** Working instructions: the description and how to shape the answer. */
export function instructionsOf(
  version: Pick<EnrichmentVersion, 'description' | 'format' | 'options'>,
): string {
  const labels = version.options?.map((option) => option.label).join(', ');
  const answer =
    version.format === 'options' ? `${ANSWER.options}: ${labels ?? ''}.` : ANSWER[version.format];
  const description = version.description.trim();
  return `${description}${/[.!?]$/.test(description) ? '' : '.'} ${answer}`;
}

/**
 * Why a format and options cannot go together, or null: `options` needs a non-empty `options` list and
 * only `options` may have one.
 */
export function settingsProblem(format: EnrichmentFormat, options: EnrichmentOption[] | null): string | null {
  if (format === 'options' && (options === null || options.length === 0))
    return 'options is required when format is options';
  if (format !== 'options' && options !== null)
    return `options is only allowed when format is options (format is ${format})`;
  return null;
}

/**
 * The core enrichment an Exa Enrichment runs: output kind from the format, subject from the Webset's
 * Items, one credit per Item, timing from the scenario's `exa` profile when it has one.
 */
export function toEnrichmentDefinition(version: EnrichmentVersion, subject: Subject): EnrichmentDefinition {
  const options = version.options?.map((option) => option.label);
  return {
    slug: `exa_${version.format}`,
    name: titleOf(version.description),
    description: version.description,
    subject,
    creditCost: CREDITS_PER_ITEM,
    outputAttribute: `exa_${version.format}`,
    output: options ? { kind: KIND[version.format], options } : { kind: KIND[version.format] },
    inputSchema: {},
    timingProfile: EXA_TIMING_PROFILE,
    version: 1,
    enabled: true,
  };
}
