import type { Lead } from '../../core/lead-list.js';
import type { ResultValue } from '../../core/results.js';
import type { Simulator } from '../../core/simulator.js';
import type { components } from '../../generated/sendkit.types.js';
import { SENDKIT_ENRICHMENTS } from './enrichment-types.js';
import { toIso } from '../../core/clock.js';

export type SendkitLead = components['schemas']['Lead'];
type EmailVerificationResult = components['schemas']['EmailVerificationResult'];

const VERIFICATION_RESULTS: readonly unknown[] = [
  'valid',
  'risky',
  'invalid',
  'unknown',
] satisfies EmailVerificationResult[];
const isVerificationResult = (value: unknown): value is EmailVerificationResult =>
  VERIFICATION_RESULTS.includes(value);
const textOf = (value: ResultValue | null | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

/**
 * `found` once a phone is known, `not_found` when a live phone job failed on the lead and none found one.
 * Reads only the jobs that name the lead: O(those jobs), whatever the workspace's history.
 */
function phoneStatusOf(
  simulator: Simulator,
  tenant: string,
  lead: Lead,
  phone: string | null,
): string | null {
  if (phone !== null) return 'found';
  const attribute = SENDKIT_ENRICHMENTS.phoneEnrichment.definition.outputAttribute;
  const failed = simulator
    .liveRunsNaming(tenant, lead.id, attribute)
    .some(
      (run) =>
        run.vendor === 'sendkit' &&
        simulator.items(run, { leadId: lead.id, limit: 1 }).items[0]?.status === 'failed',
    );
  return failed ? 'not_found' : null;
}

/**
 * A person lead as Sendkit shows it: its own fields plus what the enrichment jobs wrote on it by now
 * (through `simulator.attribute`, so scenario presets count too). A verification value outside the
 * documented results reads as `unknown`; a preset `segGateway` of `true`/`false` reads as protection
 * without a provider.
 *
 * @example
 * toLead(simulator, 'sk_demo', lead).emailVerificationResult; // 'valid' once a job verified it
 */
export function toLead(simulator: Simulator, tenant: string, lead: Lead): SendkitLead {
  const read = (attribute: string) => simulator.attribute(tenant, lead, attribute);
  const text = (name: string): string | null => textOf(lead.attributes[name]);
  const verification = read(SENDKIT_ENRICHMENTS.email.definition.outputAttribute);
  const seg = read(SENDKIT_ENRICHMENTS.segGateway.definition.outputAttribute);
  const esp = read(SENDKIT_ENRICHMENTS.espDetection.definition.outputAttribute);
  const phone = read(SENDKIT_ENRICHMENTS.phoneEnrichment.definition.outputAttribute);
  const verified = verification.value !== null;
  const segValue = seg.value;
  const segRecord = typeof segValue === 'object' && segValue !== null ? segValue : undefined;
  const phoneNumber = textOf(phone.value);
  const writes = [verification, seg, esp, phone].map((entry) => entry.at ?? lead.createdAt);
  return {
    id: lead.id,
    email: text('email'),
    firstName: text('firstName') ?? '',
    lastName: text('lastName') ?? '',
    company: text('company'),
    title: text('title'),
    emailVerified: verified,
    emailVerificationResult: verified
      ? isVerificationResult(verification.value)
        ? verification.value
        : 'unknown'
      : null,
    emailVerifiedAt: verified && verification.at !== null ? toIso(verification.at) : null,
    segProtected: segRecord
      ? segRecord['segProtected'] === true
      : typeof segValue === 'boolean'
        ? segValue
        : null,
    segProvider: textOf(segRecord?.['segProvider'] ?? null),
    espProvider: textOf(esp.value),
    phone: phoneNumber,
    phoneStatus: phoneStatusOf(simulator, tenant, lead, phoneNumber),
    createdAt: toIso(lead.createdAt),
    updatedAt: toIso(Math.max(lead.createdAt, ...writes)),
  };
}
