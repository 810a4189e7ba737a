import { Ajv2020 } from 'ajv/dist/2020.js';
import { MAX_GENERATED_LEADS } from '../core/lead-list.js';
import { parseDuration } from './duration.js';
import { isPlainObject } from './merge.js';
import { DISPATCHING_OPERATIONS, vendorOfOperation } from './operations.js';
import { toPathText, type ScenarioProblem, type ValuePath } from './problem.js';
import { didYouMean } from './suggest.js';

/** Finds where a path of the merged scenario was written: its line and, when not the loaded file, its file. */
export type Locate = (path: ValuePath, options?: { key?: boolean }) => { line?: number; file?: string };

const record = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ms = (value: unknown): number | undefined => {
  const parsed = parseDuration(value);
  return parsed.ok ? parsed.ms : undefined;
};

const schemaChecker = new Ajv2020({ strict: false });

/**
 * The checks a schema cannot make, over the merged scenario (the file with everything it extends):
 * cross-references, orderings and uniqueness. Tolerates data that failed the schema: whatever is
 * malformed is skipped here, since the schema check already reported it. With `partial: true` (a file whose
 * `extends` chain could not be read to its end) the checks that need what the unread files declare (a
 * catalog entry's timing profile) are skipped, and every other check still runs.
 *
 * @example
 * const problems = checkSemantics(merged, (path) => ({ line: source.lineOf(path)?.line }));
 */
export function checkSemantics(
  merged: unknown,
  locate: Locate,
  options: { partial?: boolean } = {},
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const report = (path: ValuePath, message: string, key = false): void => {
    problems.push({ path: toPathText(path), ...locate(path, { key }), message });
  };
  const root = record(merged);
  const world = record(root['world']);
  const timing = record(root['timing']);
  const profiles = record(timing['profiles']);

  // Distributions: ordered bounds.
  const checkDistribution = (path: ValuePath, value: unknown): void => {
    const uniform = record(value)['uniform'];
    if (Array.isArray(uniform)) {
      const [min, max] = [ms(uniform[0]), ms(uniform[1])];
      if (min !== undefined && max !== undefined && min > max)
        report(
          [...path, 'uniform'],
          `min (${String(uniform[0])}) is greater than max (${String(uniform[1])})`,
        );
    }
    const lognormal = record(record(value)['lognormal']);
    const [median, max] = [ms(lognormal['median']), ms(lognormal['max'])];
    if (median !== undefined && max !== undefined && median > max) {
      report(
        [...path, 'lognormal'],
        `median (${String(lognormal['median'])}) is greater than max (${String(lognormal['max'])})`,
      );
    }
  };
  const timingModels: [ValuePath, unknown][] = [
    [['timing', 'default'], timing['default']],
    ...Object.entries(profiles).map(([name, model]): [ValuePath, unknown] => [
      ['timing', 'profiles', name],
      model,
    ]),
  ];
  for (const [path, model] of timingModels) {
    for (const part of ['queueWait', 'itemDuration']) checkDistribution([...path, part], record(model)[part]);
  }

  // Catalog: unique slugs, known profiles, options, input schemas.
  const slugs = new Map<string, number>();
  for (const [index, raw] of list(world['catalog']).entries()) {
    const entry = record(raw);
    const at: ValuePath = ['world', 'catalog', index];
    const slug = entry['slug'];
    if (typeof slug === 'string') {
      const first = slugs.get(slug);
      if (first === undefined) slugs.set(slug, index);
      else report([...at, 'slug'], `duplicate slug "${slug}" (also at world.catalog[${first}])`);
    }
    const profile = entry['timingProfile'];
    if (typeof profile === 'string' && !options.partial && !(profile in profiles)) {
      const known = Object.keys(profiles);
      report(
        [...at, 'timingProfile'],
        `names no profile in timing.profiles${didYouMean(profile, known) || ` (known: ${known.join(', ') || 'none'})`}`,
      );
    }
    const output = record(entry['output']);
    if (output['kind'] === 'options' && output['options'] === undefined)
      report([...at, 'output'], 'kind "options" needs options: the values a result picks from');
    if (output['kind'] !== 'options' && output['kind'] !== undefined && output['options'] !== undefined) {
      report(
        [...at, 'output', 'options'],
        `only applies to kind "options", not ${JSON.stringify(output['kind'])}`,
        true,
      );
    }
    const inputSchema = entry['inputSchema'];
    if (inputSchema !== undefined && !schemaChecker.validateSchema(record(inputSchema))) {
      report(
        [...at, 'inputSchema'],
        `is not a valid JSON Schema: ${schemaChecker.errorsText(schemaChecker.errors?.slice(0, 1), { dataVar: 'inputSchema' })}`,
      );
    }
  }

  // Worlds: unique list and lead ids per tenant, generated ids within bounds.
  const worlds: [ValuePath, unknown][] = [
    [['world', 'defaults'], world['defaults']],
    ...Object.entries(record(world['tenants'])).map(([key, tenant]): [ValuePath, unknown] => [
      ['world', 'tenants', key],
      tenant,
    ]),
  ];
  for (const [path, tenant] of worlds) {
    const listIds = new Set<string>();
    const leadIds = new Set<string>();
    for (const [index, raw] of list(record(tenant)['lists']).entries()) {
      const at: ValuePath = [...path, 'lists', index];
      const spec = record(raw);
      if (typeof spec['id'] === 'string') {
        if (listIds.has(spec['id'])) report([...at, 'id'], `duplicate list id "${spec['id']}" in this world`);
        listIds.add(spec['id']);
      }
      const leads = list(spec['leads']);
      const generate = typeof spec['generate'] === 'number' ? spec['generate'] : 0;
      if (leads.length + generate > MAX_GENERATED_LEADS)
        report(
          at,
          `holds ${leads.length + generate} leads; the most a list can hold is ${MAX_GENERATED_LEADS}`,
        );
      for (const [leadIndex, lead] of leads.entries()) {
        const id = record(lead)['id'];
        if (typeof id !== 'string') continue;
        if (leadIds.has(id))
          report([...at, 'leads', leadIndex, 'id'], `duplicate lead id "${id}" in this world`);
        leadIds.add(id);
      }
    }
  }

  // Faults: unique names, nth xor every, operation of the vendor, dispatch failures on creates only.
  const names = new Set<string>();
  for (const [index, raw] of list(root['faults']).entries()) {
    const at: ValuePath = ['faults', index];
    const fault = record(raw);
    const match = record(fault['match']);
    const effect = record(fault['effect']);
    if (typeof fault['name'] === 'string') {
      if (names.has(fault['name'])) report([...at, 'name'], `duplicate fault name "${fault['name']}"`);
      names.add(fault['name']);
    }
    if (match['nth'] !== undefined && match['every'] !== undefined)
      report([...at, 'match'], 'give nth or every, not both');
    const operation = match['operation'];
    const owner = typeof operation === 'string' ? vendorOfOperation(operation) : undefined;
    if (owner !== undefined && typeof match['vendor'] === 'string' && owner !== match['vendor']) {
      report([...at, 'match', 'operation'], `is an operation of ${owner}, not of ${match['vendor']}`);
    }
    if (
      typeof effect['dispatchFailure'] === 'string' &&
      !(typeof operation === 'string' && DISPATCHING_OPERATIONS.has(operation))
    ) {
      report(
        [...at, 'effect', 'dispatchFailure'],
        `needs match.operation to be one that dispatches work: ${[...DISPATCHING_OPERATIONS].join(', ')}`,
      );
    }
    const retryAfter = ms(effect['retryAfter']);
    if (retryAfter !== undefined && retryAfter % 1_000 !== 0)
      report([...at, 'effect', 'retryAfter'], 'Retry-After is sent in whole seconds: write e.g. 1s or 2s');
  }

  // Webhooks: a receiver gets some time to answer; attempts come in order.
  const webhooks = record(root['webhooks']);
  if (ms(webhooks['timeout']) === 0)
    report(['webhooks', 'timeout'], 'must be longer than 0: the receiver needs time to answer, e.g. 5s');
  const schedule = list(webhooks['retrySchedule']).map(ms);
  for (let index = 1; index < schedule.length; index++) {
    const [previous, current] = [schedule[index - 1], schedule[index]];
    if (previous !== undefined && current !== undefined && current < previous)
      report(
        ['webhooks', 'retrySchedule', index],
        'is earlier than the attempt before it: list attempts in ascending order',
      );
  }
  return problems;
}
