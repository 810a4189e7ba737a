/**
 * The six servers under test. Each starts as its own child process on 127.0.0.1 with a port the OS
 * picks, and is stopped (process group killed) by `stop()` or, failing that, by children.ts.
 */
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, type ToolProcess } from './children.js';
import { loadFixtures, PUFFLE_SPEC } from './fixtures.js';
import { writeWireMockRoot } from './wiremock-mappings.js';

export const TOOLS = ['node-http', 'express', 'msw-express', 'prism', 'wiremock', 'enrichment-mock'] as const;
export type ToolName = (typeof TOOLS)[number];

export const TOOL_LABELS: Record<ToolName, string> = {
  'node-http': 'node:http',
  express: 'plain express',
  'msw-express': 'msw on express',
  prism: 'Prism 5.14.2',
  wiremock: 'WireMock 3.13.2',
  'enrichment-mock': 'enrichment-mock',
};

export interface Target {
  tool: ToolName;
  /** What the report calls it: the tool's label, or `enrichment-mock (<checkout>)` for one of several. */
  label: string;
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  process: ToolProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** `prism mock --verboseLevel`; `info` is Prism's default (one log line per request). */
  prismLogLevel: string;
  /** Run this (node) server under `node --cpu-prof`, writing the profile into this directory on exit. */
  cpuProfileDir?: string | undefined;
  /** enrichment-mock from source through tsx, or from the built dist/ through bin/enrichment-mock.js. */
  oursEntry: 'tsx' | 'dist';
  /** The checkout to run enrichment-mock from; default this one. */
  oursRoot?: string | undefined;
  /** Label for the report; default the tool's. */
  label?: string | undefined;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_MS = 60_000;
const require = createRequire(import.meta.url);

/** Starts one tool and resolves once it accepts HTTP requests. */
export async function startTarget(tool: ToolName, options: StartOptions): Promise<Target> {
  const started = await startTool(tool, options);
  return { ...started, label: options.label ?? TOOL_LABELS[tool] };
}

function startTool(tool: ToolName, options: StartOptions): Promise<Omit<Target, 'label'>> {
  switch (tool) {
    case 'node-http':
    case 'express':
    case 'msw-express':
      return startStub(tool, options.cpuProfileDir);
    case 'prism':
      return startPrism(options.prismLogLevel);
    case 'wiremock':
      return startWireMock();
    case 'enrichment-mock':
      return startEnrichmentMock(options);
  }
}

type Started = Omit<Target, 'label'>;

function target(tool: ToolName, origin: string, process: ToolProcess, cleanup = (): void => {}): Started {
  return {
    tool,
    origin,
    process,
    async stop() {
      await process.stop();
      cleanup();
    },
  };
}

const cpuProf = (dir: string | undefined): string[] => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);

/** The hand-written stubs in bench/throughput/servers/. */
const STUB_SCRIPTS = {
  'node-http': 'node-http.ts',
  express: 'plain-express.ts',
  'msw-express': 'msw-express.ts',
} as const;

async function startStub(
  tool: keyof typeof STUB_SCRIPTS,
  cpuProfileDir: string | undefined,
): Promise<Started> {
  const script = join(ROOT, 'bench/throughput/servers', STUB_SCRIPTS[tool]);
  const child = startProcess(TOOL_LABELS[tool], process.execPath, [
    ...cpuProf(cpuProfileDir),
    '--import',
    'tsx',
    script,
  ]);
  const [, port] = await child.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, STARTUP_MS);
  return target(tool, `http://127.0.0.1:${port}`, child);
}

async function startPrism(logLevel: string): Promise<Started> {
  // Prism prints the port it bound only at `info` and below; otherwise ask the OS for one first.
  const announces = ['trace', 'debug', 'info'].includes(logLevel);
  const port = announces ? 0 : await freePort();
  const cli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
  const args = [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), '-v', logLevel, PUFFLE_SPEC];
  const child = startProcess('Prism', process.execPath, args);
  if (announces) {
    const [, bound] = await child.waitFor(/Prism is listening on http:\/\/127\.0\.0\.1:(\d+)/, STARTUP_MS);
    return target('prism', `http://127.0.0.1:${bound}`, child);
  }
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin + '/api/enrichments', child);
  return target('prism', origin, child);
}

/** The WireMock jar shipped inside the `wiremock` npm package (no install script, no download). */
export function wireMockJar(): string {
  const dir = dirname(require.resolve('wiremock/package.json'));
  const { version } = require('wiremock/package.json') as { version: string };
  return join(dir, 'build', `wiremock-standalone-${version}.jar`);
}

async function startWireMock(): Promise<Started> {
  const root = writeWireMockRoot(loadFixtures());
  const args = [
    '-jar',
    wireMockJar(),
    '--port',
    '0',
    '--bind-address',
    '127.0.0.1',
    '--disable-request-logging',
    '--no-request-journal',
    '--root-dir',
    root,
  ];
  const child = startProcess('WireMock', 'java', args);
  const removeRoot = (): void => rmSync(root, { recursive: true, force: true });
  try {
    const [, port] = await child.waitFor(/^port:\s+(\d+)/m, STARTUP_MS);
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(origin + '/__admin/health', child);
    return target('wiremock', origin, child, removeRoot);
  } catch (error) {
    await child.stop();
    removeRoot();
    throw error;
  }
}

/**
 * Starts enrichment-mock's CLI as users do, on 127.0.0.1 and a port the OS picks, with `serveArgs` (by
 * default the throughput bench's frozen virtual clock), and resolves once it answers.
 */
export async function startEnrichmentMock(
  options: Pick<StartOptions, 'cpuProfileDir' | 'oursEntry' | 'oursRoot'>,
  serveArgs: string[] = ['--clock', 'virtual'],
): Promise<Started> {
  const root = options.oursRoot ?? ROOT;
  const entry =
    options.oursEntry === 'dist'
      ? [join(root, 'dist/cli/main.js')] // what the installed bin runs (in a clone the bin runs src/ through tsx)
      : ['--import', 'tsx', join(root, 'src/cli/main.ts')];
  if (options.oursEntry === 'dist' && !existsSync(join(root, 'dist/cli/main.js'))) {
    throw new Error(
      `BENCH_OURS=dist needs a build: ${join(root, 'dist/cli/main.js')} is missing. Run \`npm run build\` first.`,
    );
  }
  // How users start it (`npm start`, or the bin), with the flags the issue names; port 0 = the OS picks.
  const args = [
    ...cpuProf(options.cpuProfileDir),
    ...entry,
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    ...serveArgs,
    '--log-level',
    'silent',
  ];
  const child = startProcess('enrichment-mock', process.execPath, args);
  const [, port] = await child.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, STARTUP_MS);
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin + '/__admin/health', child);
  return {
    tool: 'enrichment-mock',
    origin,
    process: child,
    // SIGINT: the CLI shuts down gracefully and exits normally, which is when --cpu-prof writes its file.
    stop: () => child.stop('SIGINT', 15_000),
  };
}

/** Polls `url` until it answers at all (any status), failing if the process exits or takes too long. */
async function waitForHttp(url: string, child: ToolProcess): Promise<void> {
  const deadline = performance.now() + STARTUP_MS;
  while (performance.now() < deadline) {
    const exited = child.exitStatus();
    if (exited !== undefined) {
      throw new Error(
        `${child.name} exited (${exited}) before answering ${url}. Its output:\n${child.output()}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(
    `${child.name} did not answer ${url} within ${STARTUP_MS} ms. Its output:\n${child.output()}`,
  );
}
