import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it when it is missing. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Launches Chromium headless through playwright-core. A missing browser fails the test with what to do,
 * never skips it: the dashboard's tests are part of `npm test`.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Cannot run the dashboard's browser tests: no Chromium at ${CHROMIUM}. Install it with \`apt-get update && apt-get install -y chromium\` (bash .ci/run does so), or point CHROMIUM_PATH at a Chromium binary.`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/**
 * One browser for a test file: launched before its tests, closed after them.
 *
 * @example
 * const browser = useBrowser();
 * it('...', async () => { const page = await browser().newPage(); });
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());
  return () => {
    if (!browser)
      throw new Error('The browser is not launched: call useBrowser() at the top of the test file.');
    return browser;
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, as the tests report it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeResult[]; passes: unknown[] }> } }
    ).axe;
    interface AxeResult {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    const { violations, passes } = await axe.run();
    // A page axe-core found nothing to check on is not a pass (the script did not run, or the page is empty).
    if (passes.length === 0) throw new Error('axe-core checked nothing: is the page rendered?');
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        targets: nodes.map((node) => node.target.join(' ')),
      }));
  });
}
