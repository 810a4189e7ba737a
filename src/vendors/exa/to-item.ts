import type { FakeData } from '../../core/fake-data.js';
import type { Lead } from '../../core/lead-list.js';
import type { Run } from '../../core/run.js';
import type { components } from '../../generated/exa-websets.types.js';
import { itemId } from './exa-ids.js';
import { toEnrichmentResult } from './to-enrichment.js';
import {
  enrichmentExistsAt,
  itemExistsAt,
  type EnrichmentRecord,
  type WebsetRecord,
} from './webset-store.js';
import { toIso } from '../../core/clock.js';

export type WebsetItem = components['schemas']['WebsetItem'];
type Reference = components['schemas']['EnrichmentResult']['references'][number];

/** What item views need from the world: the Webset's leads and the seeded fake data. */
export interface ItemSource {
  leadAt(webset: WebsetRecord, index: number): Lead | undefined;
  fake: FakeData;
}

const text = (lead: Lead, name: string): string | null => {
  const value = lead.attributes[name];
  return value === undefined || value === null || value === '' ? null : String(value);
};

const locationOf = (lead: Lead): string | null => {
  const parts = [text(lead, 'city'), text(lead, 'country')].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : null;
};

/** The entity-specific properties of a lead, per the person/company variants of `WebsetItem.properties`. */
function propertiesOf(lead: Lead): WebsetItem['properties'] {
  const location = locationOf(lead);
  if (lead.subject === 'company') {
    const name = text(lead, 'name') ?? `Company ${lead.index + 1}`;
    const industry = text(lead, 'industry');
    const employees = Number(lead.attributes['employeeCount']);
    return {
      type: 'company',
      url: text(lead, 'website') ?? `https://${text(lead, 'domain') ?? `company-${lead.id}.example`}`,
      description: `${name} is ${industry ? `a ${industry} company` : 'a company'}${location ? ` based in ${location}` : ''}.`,
      content: null,
      company: {
        name,
        location,
        employees: Number.isFinite(employees) ? employees : null,
        industry,
        about: null,
        logoUrl: null,
      },
    };
  }
  const name =
    text(lead, 'fullName') ??
    (`${text(lead, 'firstName') ?? ''} ${text(lead, 'lastName') ?? ''}`.trim() || `Person ${lead.index + 1}`);
  const position = text(lead, 'title');
  const company = text(lead, 'company');
  return {
    type: 'person',
    url: text(lead, 'linkedinUrl') ?? `https://www.linkedin.com/in/${lead.id}`,
    description: `${name}${position ? ` is ${position}` : ''}${company ? ` at ${company}` : ''}.`,
    person: {
      name,
      location,
      position,
      company: company ? { name: company, location } : null,
      pictureUrl: null,
    },
  };
}

/** The source an Enrichment result cites: the Item's own page. */
function referenceOf(properties: WebsetItem['properties']): Reference {
  if (properties.type === 'person')
    return {
      title: `${properties.person.name} - LinkedIn`,
      snippet: properties.person.position,
      url: properties.url,
    };
  if (properties.type === 'company')
    return { title: properties.company.name, snippet: properties.company.industry, url: properties.url };
  return { title: null, snippet: null, url: properties.url };
}

const hasRun = (enrichment: EnrichmentRecord): enrichment is EnrichmentRecord & { run: Run } =>
  enrichment.run !== null;

/**
 * Item `index` of the Webset as it stands at `t`, with one result per Enrichment that exists at `t`;
 * undefined past the Webset's end or once the Item is deleted.
 */
export function toItem(
  source: ItemSource,
  webset: WebsetRecord,
  index: number,
  t: number,
): WebsetItem | undefined {
  const lead = itemExistsAt(webset, index, t) ? source.leadAt(webset, index) : undefined;
  if (!lead) return undefined;
  const properties = propertiesOf(lead);
  const reference = referenceOf(properties);
  const criteria = webset.search?.criteria ?? [];
  let updatedAt = webset.createdAt;
  const enrichments = webset.enrichments
    .filter((enrichment) => enrichmentExistsAt(enrichment, t))
    .filter(hasRun)
    .map((enrichment) => {
      const { result, changedAt } = toEnrichmentResult(enrichment, lead, reference, t, source.fake);
      if (changedAt !== null) updatedAt = Math.max(updatedAt, changedAt);
      return result;
    });
  return {
    id: itemId(webset.itemPrefix, index),
    object: 'webset_item',
    source: 'search',
    sourceId: webset.search?.id ?? webset.id,
    websetId: webset.id,
    properties,
    evaluations: criteria.map((criterion) => ({
      criterion,
      reasoning: `${properties.description} This satisfies: ${criterion}`,
      satisfied: 'yes',
      references: [],
    })),
    enrichments,
    createdAt: toIso(webset.createdAt),
    updatedAt: toIso(updatedAt),
  };
}
