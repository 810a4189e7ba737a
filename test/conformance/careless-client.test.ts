import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { ConformanceError } from '../../src/conformance/conformance-error.js';
import type { ConformanceReport } from '../../src/conformance/report.js';
import { toJunit } from '../../src/conformance/to-junit.js';
import { createEnrichmentMock } from '../../src/mock/create-enrichment-mock.js';
import { captureIo } from '../cli/support/capture-io.js';
import { startTestServer, type TestServer } from '../server/support/in-process-server.js';
import { writeTempFiles } from '../support/temp-files.js';
import { checkJunit, junitFailures } from './support/junit-schema.js';
import {
  API_KEY,
  CARELESS_ERRORS,
  CARELESS_SCENARIO,
  carefulFlow,
  carelessFlow,
  errorRules,
  serverFlowIo,
  type FlowIo,
} from './support/puffle-flows.js';

// A deliberately careless client (polls every 100 ms, retries a create without a key, ignores
// Retry-After) and a careful one, judged through every outlet: in process, the control API, the HAR
// report command and JUnit.

/** A flow's io against an in-process mock, through msw's `getResponse` (no global fetch patching). */
function inProcess(seed: number) {
  const mock = createEnrichmentMock({ scenario: CARELESS_SCENARIO, seed });
  const io: FlowIo = {
    baseUrl: 'https://app.puffle.ai',
    fetch: async (url, init) => {
      const response = await getResponse(mock.handlers, new Request(url, init));
      if (!response) throw new Error(`No handler answered ${url}`);
      return response;
    },
    sleep: (ms) => mock.sleep(ms),
  };
  return { mock, io };
}

describe('in process: mock.report() and mock.assertConformance()', () => {
  it('finds the careless client’s errors, each with its source, hint and journal evidence', async () => {
    const { mock, io } = inProcess(1701);
    await carelessFlow(io);
    const report = mock.report();
    expect(errorRules(report)).toEqual(CARELESS_ERRORS);
    const ids = new Set(mock.journal.entries().map((entry) => entry.id));
    for (const finding of report.findings) {
      expect(finding).toMatchObject({ vendor: 'puffle', tenant: API_KEY, hint: expect.any(String) });
      expect(finding.source).toMatch(/seeds\/|reference\//);
      for (const id of finding.evidence) expect(ids.has(id)).toBe(true);
    }
    expect(() => mock.assertConformance()).toThrow(ConformanceError);
    expect(() => mock.assertConformance()).toThrow(
      /error poll-interval-too-short \[puffle, pk_live_conformance\]/,
    );
    expect(
      mock.report({ severity: 'warning' }).findings.every((finding) => finding.severity === 'warning'),
    ).toBe(true);
  });

  it('finds nothing wrong with the careful client', async () => {
    const { mock, io } = inProcess(1702);
    await carefulFlow(io);
    expect(mock.report().findings).toEqual([]);
    expect(() => mock.assertConformance()).not.toThrow();
  });

  it('counts journal entries by a matcher (verify)', async () => {
    const { mock, io } = inProcess(1703);
    await carefulFlow(io);
    const polls = mock.journal.count({ vendor: 'puffle', operation: 'puffleGetEnrichmentRun' });
    expect(polls).toBeGreaterThan(1);
    expect(mock.journal.count({ operation: 'puffleGetEnrichmentRun', status: 429 })).toBe(1);
    expect(mock.journal.count({ method: 'post', path: '/api/enrichment', tenant: API_KEY })).toBe(2);
    expect(mock.journal.count({ pathPattern: '/api/enrichment/[^/]+' })).toBe(polls);
    expect(() => mock.journal.count({ pathPattern: '(' })).toThrow(/pathPattern is not a regular expression/);
  });
});

describe('server: GET /__admin/report, POST /__admin/journal/count, and report FILE.har', () => {
  let server: TestServer;
  /** Where the HAR exports are written. */
  const dir = writeTempFiles({});
  afterEach(async () => server?.close());

  async function serve(seed: number): Promise<FlowIo> {
    server = await startTestServer({ scenario: CARELESS_SCENARIO, seed });
    return serverFlowIo(server.url);
  }

  /** Exports the journal as HAR and runs `enrichment-mock report` on it. */
  async function reportCommand(format: string) {
    const file = join(dir, `session-${format}.har`);
    writeFileSync(file, (await server.call('GET', '/__admin/journal?format=har')).text);
    const io = captureIo();
    const code = await runCli(['report', file, '--format', format], {}, io);
    return { code, stdout: io.stdout() };
  }

  it('gives the careless client’s error findings as JSON, JUnit and through the HAR report command', async () => {
    await carelessFlow(await serve(1711));
    const { status, json } = await server.call('GET', '/__admin/report');
    expect(status).toBe(200);
    expect(errorRules(json)).toEqual(CARELESS_ERRORS);
    expect(
      (await server.call('GET', `/__admin/report?tenant=${API_KEY}&vendor=puffle&severity=error`)).json
        .findings,
    ).toHaveLength(
      json.findings.filter((finding: { severity: string }) => finding.severity === 'error').length,
    );
    expect((await server.call('GET', '/__admin/report?vendor=exa')).json.findings).toEqual([]);

    const junit = await server.call('GET', '/__admin/report?format=junit');
    expect(junit.headers.get('content-type')).toMatch(/^application\/xml/);
    const failures = junitFailures(await checkJunit(junit.text));
    for (const rule of CARELESS_ERRORS) expect(failures).toContain(`error ${rule} [${API_KEY}]`);

    const text = await reportCommand('text');
    expect(text.code).toBe(1);
    for (const rule of CARELESS_ERRORS) expect(text.stdout).toContain(`error ${rule} [puffle, ${API_KEY}]`);
    const fromHar = await reportCommand('json');
    expect(errorRules(JSON.parse(fromHar.stdout))).toEqual(CARELESS_ERRORS);
    const xml = await reportCommand('junit');
    expect(junitFailures(await checkJunit(xml.stdout))).toEqual(failures);
  });

  it('finds nothing wrong with the careful client, through every outlet', async () => {
    await carefulFlow(await serve(1712));
    expect((await server.call('GET', '/__admin/report')).json.findings).toEqual([]);
    expect(
      junitFailures(await checkJunit((await server.call('GET', '/__admin/report?format=junit')).text)),
    ).toEqual([]);
    expect(await reportCommand('text')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^enrichment-mock conformance: 0 errors, 0 warnings/),
    });
    const count = await server.call('POST', '/__admin/journal/count', {
      body: { operation: 'puffleGetEnrichmentRun', status: 429 },
    });
    expect(count).toMatchObject({ status: 200, json: { count: 1 } });
  });
});

describe('JUnit output', () => {
  it('validates against Jenkins’ JUnit XSD with no traffic, and escapes what XML cannot carry', async () => {
    const report: ConformanceReport = {
      findings: [
        {
          rule: 'retry-after-ignored',
          severity: 'error',
          vendor: 'sendkit',
          tenant: null,
          message: 'GET /v1/x?a=1&b=<2> "quoted" \u0001',
          hint: 'wait',
          source: 'src',
          evidence: ['ex_1'],
          count: 1,
        },
      ],
      rules: createEnrichmentMock().report().rules,
      journal: { judged: 1, dropped: 0, tenants: {} },
    };
    const document = await checkJunit(toJunit(report));
    expect(junitFailures(document)).toEqual(['error retry-after-ignored [(no API key)]']);
    const failure = document.children[1]?.children.find((testcase) => testcase.children.length > 0)
      ?.children[0];
    expect(failure?.attributes['message']).toBe('GET /v1/x?a=1&b=<2> "quoted" ');
    expect(document.children.map((suite) => suite.attributes['name'])).toEqual(['puffle', 'sendkit', 'exa']);
  });

  it('is checked by a validator that refuses what the schema or the counts forbid', async () => {
    const valid = toJunit({
      findings: [],
      rules: createEnrichmentMock().report().rules,
      journal: { judged: 0, dropped: 0, tenants: {} },
    });
    await expect(checkJunit(valid)).resolves.toMatchObject({ name: 'testsuites' });
    await expect(checkJunit(valid.replace('<testcase name=', '<testcase title='))).rejects.toThrow(
      /JUnit XSD: (.|\n)*Element 'testcase': The attribute 'name' is required/,
    );
    await expect(
      checkJunit(valid.replace('<testsuite name="puffle"', '<suite name="puffle"')),
    ).rejects.toThrow(/JUnit XSD/);
    await expect(
      checkJunit(valid.replace(/<testsuites ([^>]*)tests="\d+"/, '<testsuites $1tests="9999"')),
    ).rejects.toThrow('JUnit counts do not add up: testsuites: tests');
  });
});
