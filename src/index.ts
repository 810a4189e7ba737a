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
  type TenantHandle,
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
export type { Scenario, Vendor, FaultRule, FaultEffect, TimingModel } from './scenario/types.js';
