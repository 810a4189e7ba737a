import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../server/support/in-process-server.js';
import { writeTempFile } from '../../support/temp-files.js';
import { listRun } from '../../vendors/puffle/puffle-api.js';

export const PUFFLE_KEY = 'pk_live_dashboard';

/** Starts a Puffle run over `listId` through the vendor API, as a client would; its id. */
export async function startPuffleRun(server: TestServer, listId = 'list_prospects'): Promise<string> {
  const created = await server.call('POST', '/api/enrichment', {
    headers: { authorization: `Bearer ${PUFFLE_KEY}` },
    body: listRun('work_email', listId),
  });
  if (created.status !== 200) throw new Error(`Cannot start a Puffle run: ${created.status} ${created.text}`);
  return created.json.enrichmentRunId as string;
}

export interface OpenOptions {
  /** Where to open the page (`#journal`...). */
  hash?: string;
  /** The window's width (its height is 800). */
  width?: number;
  /** Lets the test add inline scripts (axe-core) past the page's Content-Security-Policy. */
  bypassCSP?: boolean;
}

/** Opens the dashboard and waits until the clock has been read. */
export async function openDashboard(
  browser: Browser,
  server: TestServer,
  { hash = '', width = 1280, bypassCSP = false }: OpenOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, bypassCSP });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('close', () => {
    if (errors.length > 0) throw new Error(`The dashboard threw: ${errors.join('; ')}`);
  });
  await page.goto(`${server.url}/__admin/ui${hash}`);
  await page
    .locator('#clock-now')
    .filter({ hasText: /\d{4}-\d\d-\d\d/ })
    .waitFor();
  return page;
}

/** A scenario file (extending the default one) with a list of `size` leads and credits for it. */
export function bigListScenario(size: number): string {
  return writeTempFile(
    'big-list.yaml',
    [
      'extends: default',
      `description: One list of ${size} leads, for the dashboard's paged timeline.`,
      'world:',
      '  defaults:',
      `    credits: ${size * 2}`,
      '    lists:',
      '      - { id: list_prospects, name: Prospects, subject: person, generate: 25, leads: [] }',
      `      - { id: list_big, name: Big, subject: person, generate: ${size}, leads: [] }`,
    ].join('\n'),
  );
}
