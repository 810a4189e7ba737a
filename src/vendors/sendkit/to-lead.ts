import type { Lead } from '../../core/lead-list.js';
import type { ResultValue } from '../../core/results.js';
import { isLive, type Run } from '../../core/run.js';
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
 * The tenant's live Sendkit phone jobs: what `phoneStatus` looks at. Computed once per request and passed
 * to `toLead` for every lead of it.
 */
export function phoneRunsOf(simulator: Simulator, tenant: string): Run[] {
  const attribute = SENDKIT_ENRICHMENTS.phoneEnrichment.definition.outputAttribute;
  const now = simulator.now();
  return [...simulator.tenant(tenant).runs.values()].filter(
    (run) => run.vendor === 'sendkit' && run.outputAttribute === attribute && isLive(run, now),
  );
}

/** `found` once a phone is known, `not_found` when a phone job failed on the lead and none found one. */
function phoneStatusOf(
  simulator: Simulator,
  phoneRuns: readonly Run[],
  lead: Lead,
  phone: string | null,
): string | null {
  if (phone !== null) return 'found';
  const failed = phoneRuns.some(
    (run) => simulator.items(run, { leadId: lead.id, limit: 1 }).items[0]?.status === 'failed',
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
 * const phoneRuns = phoneRunsOf(simulator, 'sk_demo');
 * toLead(simulator, 'sk_demo', lead, phoneRuns).emailVerificationResult; // 'valid' once a job verified it
 */
export function toLead(
  simulator: Simulator,
  tenant: string,
  lead: Lead,
  phoneRuns: readonly Run[],
): SendkitLead {
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
    phoneStatus: phoneStatusOf(simulator, phoneRuns, lead, phoneNumber),
    createdAt: toIso(lead.createdAt),
    updatedAt: toIso(Math.max(lead.createdAt, ...writes)),
  };
}
