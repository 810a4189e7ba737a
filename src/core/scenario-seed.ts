import type { Scenario } from '../scenario/types.js';
import { derive } from './random.js';

/**
 * The seed of everything clients create under a scenario (runs, lists such as Exa Websets): the scenario's
 * seed and its name, so the same requests under two scenarios never make the same ids, and the same
 * scenario, seed and requests always do. The scenario's own world (its lists and leads) keeps the
 * scenario's seed, so its ids are the same under every scenario that shares it.
 *
 * @example
 * const key = derive(createdSeed(scenario), 'run', tenant.key, sequence);
 */
export function createdSeed(scenario: Pick<Scenario, 'seed' | 'name'>): number {
  return derive(scenario.seed, 'created', scenario.name);
}
