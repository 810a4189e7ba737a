import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioFileSchema } from '../../src/scenario/file-schema.js';
import { libraryDir, listScenarios, packageRoot } from '../../src/scenario/library.js';
import { loadScenario, resolveBuiltinScenario } from '../../src/scenario/load-scenario.js';
import { OPERATIONS } from '../../src/scenario/operations.js';
import { formatProblems } from '../../src/scenario/problem.js';
import { VENDOR_DESCRIPTORS, VENDORS } from '../../src/vendors/vendor-descriptors.js';

const LIBRARY = [
  'cancel-race',
  'client-tolerance',
  'default',
  'dispatch-failure',
  'empty-scopes',
  'expired-jobs',
  'flaky-network',
  'happy-path-fast',
  'insufficient-credits',
  'partial-failures',
  'slow-web-research',
  'webhook-chaos',
];

describe('the built-in scenario library', () => {
  it('lists every scenario of scenarios/ with its one-line description', () => {
    const listed = listScenarios();
    expect(listed.map((scenario) => scenario.name)).toEqual(LIBRARY);
    for (const scenario of listed) {
      expect(scenario.source).toBe('builtin');
      expect(scenario.description).toMatch(/^[^\n]{10,120}$/);
    }
  });

  it.each(LIBRARY)('loads %s with no problems, named after its file', (name) => {
    const loaded = loadScenario(name);
    if (!loaded.ok) expect.fail(formatProblems(name, loaded.problems));
    expect(loaded.scenario.name).toBe(name);
  });

  it.each(LIBRARY)('starts %s with the schema comment for editors', (name) => {
    const text = readFileSync(join(libraryDir(), `${name}.yaml`), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
  });

  it('spells out in default.yaml exactly the defaults a file gets for what it leaves out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    writeFileSync(join(dir, 'bare.yaml'), 'description: Nothing but a description.\n');
    const bare = loadScenario(join(dir, 'bare.yaml'));
    const spelled = loadScenario('default');
    if (!bare.ok || !spelled.ok) expect.fail('both load');
    expect({ ...spelled.scenario, name: '', description: '' }).toEqual({
      ...bare.scenario,
      name: '',
      description: '',
    });
  });

  it('finds the package root from the module location', () => {
    expect(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'))).toMatchObject({
      name: 'enrichment-mock',
    });
  });

  it('resolves a built-in by name for the runtime, and nothing for an unknown or path-like name', () => {
    expect(resolveBuiltinScenario('cancel-race', 9)).toMatchObject({ name: 'cancel-race', seed: 9 });
    expect(resolveBuiltinScenario('no-such-scenario')).toBeUndefined();
    expect(resolveBuiltinScenario('../package')).toBeUndefined();
  });
});

describe('the scenario file schema', () => {
  it('describes every property, so editors can show what each one means', () => {
    const undescribed: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      for (const [name, child] of Object.entries(
        (node['properties'] as Record<string, unknown> | undefined) ?? {},
      )) {
        if (typeof (child as Record<string, unknown>)['description'] !== 'string')
          undescribed.push(`${where}.${name}`);
        visit(child, `${where}.${name}`);
      }
      for (const key of ['additionalProperties', 'items']) {
        const child = node[key];
        if (child !== null && typeof child === 'object') {
          if (typeof (child as Record<string, unknown>)['description'] !== 'string')
            undescribed.push(`${where}[${key}]`);
          visit(child, `${where}[${key}]`);
        }
      }
      for (const [index, child] of ((node['prefixItems'] as unknown[] | undefined) ?? []).entries()) {
        if (typeof (child as Record<string, unknown>)['description'] !== 'string')
          undescribed.push(`${where}[${index}]`);
      }
      for (const [name, child] of Object.entries(
        (node['$defs'] as Record<string, unknown> | undefined) ?? {},
      ))
        visit(child, `$defs.${name}`);
    };
    visit(scenarioFileSchema, '');
    expect(undescribed).toEqual([]);
  });

  it('is generated into scenarios/scenario.schema.json', () => {
    expect(JSON.parse(readFileSync(join(libraryDir(), 'scenario.schema.json'), 'utf8'))).toEqual(
      scenarioFileSchema,
    );
  });

  it("lists as fault operations exactly the operationIds of the vendors' OpenAPI documents", () => {
    for (const vendor of VENDORS) {
      const file = `${VENDOR_DESCRIPTORS[vendor].spec}.yaml`;
      const document = parse(readFileSync(join(packageRoot(), 'openapi', file), 'utf8')) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const ids = Object.values(document.paths).flatMap((item) =>
        Object.values(item).flatMap((operation) => {
          const id = (operation as { operationId?: unknown } | null)?.operationId;
          return typeof id === 'string' ? [id] : [];
        }),
      );
      expect([...OPERATIONS[vendor]].sort(), vendor).toEqual(ids.sort());
    }
  });
});
