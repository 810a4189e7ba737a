/**
 * The environment for a CLI child process: this process's, less the `ENRICHMENT_MOCK_*` settings a
 * developer may have exported (they would change the scenario, clock or admin token the child serves
 * with), plus `extra`.
 *
 * @example
 * spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env: cliEnvironment({ ENRICHMENT_MOCK_SEED: '7' }) });
 */
export function cliEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('ENRICHMENT_MOCK_'));
  return { ...Object.fromEntries(inherited), ...extra };
}
