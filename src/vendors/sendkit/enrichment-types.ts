import type { components } from '../../generated/sendkit.types.js';
import type { EnrichmentDefinition, OutputKind } from '../../scenario/types.js';

export type EnrichmentType = components['schemas']['EnrichmentType'];
export type JobType = components['schemas']['JobType'];

/** One Sendkit enrichment type: its job type and the simulator enrichment that runs it. */
export interface SendkitEnrichment {
  type: EnrichmentType;
  jobType: JobType;
  definition: EnrichmentDefinition;
}

const NO_INPUT = { type: 'object', additionalProperties: false, properties: {} };

function enrichment(
  type: EnrichmentType,
  jobType: JobType,
  spec: { name: string; description: string; creditCost: number; outputAttribute: string; kind: OutputKind },
): SendkitEnrichment {
  return {
    type,
    jobType,
    definition: {
      slug: `sendkit_${jobType}`,
      name: spec.name,
      description: spec.description,
      subject: 'person',
      creditCost: spec.creditCost,
      outputAttribute: spec.outputAttribute,
      output: { kind: spec.kind },
      inputSchema: NO_INPUT,
      version: 1,
      enabled: true,
    },
  };
}

/**
 * Sendkit's enrichment types, in the order the OpenAPI document lists them. Each runs on person leads and
 * writes one lead attribute, which `GET /v1/leads` reads back. The slugs (`sendkit_email_verification`,
 * ...) double as timing-profile names: a scenario can give a type its own timing under that name.
 *
 * @example
 * SENDKIT_ENRICHMENTS.phoneEnrichment.definition.creditCost; // 20
 */
export const SENDKIT_ENRICHMENTS: Readonly<Record<EnrichmentType, SendkitEnrichment>> = {
  email: enrichment('email', 'email_verification', {
    name: 'Email verification',
    description: "Verifies the lead's email address: valid, risky, invalid or unknown.",
    creditCost: 1,
    outputAttribute: 'emailVerification',
    kind: 'email_verification',
  }),
  phoneEnrichment: enrichment('phoneEnrichment', 'phone_enrichment', {
    name: 'Phone enrichment',
    description: "Finds the lead's direct phone number.",
    creditCost: 20,
    outputAttribute: 'phoneNumber',
    kind: 'phone',
  }),
  segGateway: enrichment('segGateway', 'seg_gateway', {
    name: 'SEG gateway detection',
    description: "Detects whether the lead's mail domain sits behind a secure email gateway, and which one.",
    creditCost: 0,
    outputAttribute: 'segGateway',
    kind: 'seg_gateway',
  }),
  espDetection: enrichment('espDetection', 'esp_detection', {
    name: 'ESP detection',
    description: "Detects the email service provider of the lead's domain.",
    creditCost: 0,
    outputAttribute: 'espProvider',
    kind: 'esp',
  }),
};

/** The job type of a simulator run started by this adapter, from its enrichment slug. */
export function jobTypeOf(slug: string): JobType {
  const found = Object.values(SENDKIT_ENRICHMENTS).find((entry) => entry.definition.slug === slug);
  if (!found)
    throw new Error(
      `Run enrichment "${slug}" is not a Sendkit enrichment: Sendkit runs must be started with a SENDKIT_ENRICHMENTS definition.`,
    );
  return found.jobType;
}
