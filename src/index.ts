/**
 * enrichment-mock: a mock of the Puffle, Sendkit and Exa Websets enrichment APIs for contract tests.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createEnrichmentMock } from 'enrichment-mock';
 *
 * const mock = createEnrichmentMock({ scenario: 'cancel-race', seed: 7 });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 */
export {
  createEnrichmentMock,
  type EnrichmentMock,
  type EnrichmentMockOptions,
  type ScenarioOverrides,
  type DeepPartial,
  type TenantHandle,
  type WebhookControls,
} from './mock/create-enrichment-mock.js';
export { createVirtualClock, type Clock, type VirtualClock } from './core/clock.js';
export type { JournalEntry, JournalQuery, Journal } from './runtime/journal.js';
export {
  loadScenario,
  listScenarios,
  formatProblems,
  type LoadResult,
  type ScenarioProblem,
} from './scenario/load-scenario.js';
export type {
  Scenario,
  Vendor,
  FaultRule,
  FaultEffect,
  TimingModel,
  WebhookModel,
} from './scenario/types.js';
export type { DeliveryReport } from './webhooks/outbox.js';
/**
 * Client conformance: judge a client's behaviour (poll cadence, Retry-After, idempotent creates, ...)
 * against the vendors' documented rules; see docs/conformance.md.
 *
 * @example
 * import { ConformanceError } from 'enrichment-mock';
 *
 * afterEach(() => mock.assertConformance()); // throws a ConformanceError listing the findings
 */
export { ConformanceError } from './conformance/conformance-error.js';
export type { ConformanceReport, ReportFilter, ReportedRule } from './conformance/report.js';
export type { Finding } from './conformance/findings.js';
export type { RuleId, Severity } from './conformance/rules.js';
export type { JournalMatcher } from './conformance/journal-matcher.js';
export { toJunit } from './conformance/to-junit.js';
/**
 * Checks the `Exa-Signature` header of a webhook delivery (HMAC-SHA256 of `<t>.<raw body>`, timestamp
 * within tolerance) in your receiver: `{ ok: true }` or `{ ok: false, reason, message }`.
 *
 * @example
 * import { verifyExaSignature } from 'enrichment-mock';
 *
 * const checked = verifyExaSignature({
 *   header: request.headers['exa-signature'],
 *   rawBody, // the bytes as received, before JSON.parse
 *   secret, // from the create-webhook answer
 *   now: mock.clock.now(), // under the mock's virtual clock; omit against real Exa
 * });
 * if (!checked.ok) return reply(400, checked.reason);
 */
export {
  verifyExaSignature,
  type VerifyExaSignatureOptions,
  type VerifyResult,
  type SignatureFailure,
} from './webhooks/verify-signature.js';
