import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/in-process-server.js';
import { seriousViolations, useBrowser } from './support/browser.js';
import { openDashboard, PUFFLE_KEY, startPuffleRun } from './support/dashboard-page.js';

const browser = useBrowser();
let server: TestServer;

afterEach(async () => server?.close());

/** A server with a Puffle run polled too fast (so there is a finding), advanced until items ran. */
async function busyServer(seed: number): Promise<{ id: string }> {
  server = await startTestServer({ seed });
  const id = await startPuffleRun(server);
  server.virtual().advance(2_000);
  for (let poll = 0; poll < 2; poll++)
    await server.call('GET', `/api/enrichment/${id}`, { headers: { authorization: `Bearer ${PUFFLE_KEY}` } });
  return { id };
}

/** Every panel, filled: the hash and what to wait for before judging it. */
async function visitPanels(page: Page, id: string, visit: (name: string) => Promise<void>): Promise<void> {
  await page.locator(`tr[data-run="${id}"]`).waitFor();
  await visit('runs');
  await page.goto(`${server.url}/__admin/ui/#timeline/default/${id}`);
  await page.locator('.item-row').first().waitFor();
  await visit('timeline');
  await page.goto(`${server.url}/__admin/ui/#journal`);
  await page.locator('.entry-button').first().click();
  await page.locator('article.entry').waitFor();
  await visit('journal');
  await page.goto(`${server.url}/__admin/ui/#tenants`);
  await page.getByLabel('API key').fill(PUFFLE_KEY);
  await page.getByRole('button', { name: 'Show tenant' }).click();
  await page.locator('.lists').waitFor();
  await visit('tenants');
  await page.goto(`${server.url}/__admin/ui/#findings`);
  await page.locator('li.finding').first().waitFor();
  await visit('findings');
}

describe('dashboard: accessible and usable', () => {
  for (const width of [1280, 420]) {
    it(`has no serious or critical axe-core violations and no sideways scroll on any panel at ${width} px`, async () => {
      const { id } = await busyServer(1820 + width);
      const page = await openDashboard(browser(), server, { width, bypassCSP: true });
      const found: Record<string, unknown> = {};
      await visitPanels(page, id, async (name) => {
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[name] = violations;
        // Readable at this width: nothing makes the page scroll sideways (wide tables scroll in their own box).
        const pageWidth = await page.evaluate('document.documentElement.scrollWidth');
        if (pageWidth !== width) found[`${name} width`] = pageWidth;
        await page.screenshot({ path: `/tmp/dashboard-${name}-${width}.png`, fullPage: true });
      });
      expect(found).toEqual({});
      await page.close();
    }, 90_000);
  }

  it("opens a run's timeline and goes back with the keyboard alone, keeping the focus while the page polls", async () => {
    const { id } = await busyServer(1830);
    const page = await openDashboard(browser(), server);
    await page.locator(`tr[data-run="${id}"]`).waitFor();
    const timelineLink = `Timeline of puffle run ${id}`;
    for (let tab = 0; tab < 40; tab++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate('document.activeElement?.getAttribute("aria-label")');
      if (label === timelineLink) break;
    }
    // The page polls every second: the focus stays on the link across refreshes. A refresh comes up to a
    // second (plus the request) after the advance, so the wait outlasts expect.poll's default of one second.
    for (let refreshes = 0; refreshes < 2; refreshes++) {
      const shown = await page.locator('body').getAttribute('data-shown-at');
      server.virtual().advance(500);
      await expect
        .poll(() => page.locator('body').getAttribute('data-shown-at'), { timeout: 5_000 })
        .not.toBe(shown);
    }
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(timelineLink);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Run timeline: puffle ${id}` }).waitFor();
    await page.getByRole('link', { name: '← All runs' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Runs' }).waitFor();
    await page.close();
  }, 60_000);
});

describe('dashboard: protected like the control API', () => {
  it('asks for the admin token once, says when it is wrong, and sends it as a Bearer header', async () => {
    server = await startTestServer({ seed: 1840, adminToken: 'dash-secret' });
    const id = await startPuffleRun(server);
    const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
    const sent: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/__admin/runs')) sent.push(request.headers()['authorization']);
    });
    await page.goto(`${server.url}/__admin/ui/`);
    const dialog = page.getByRole('dialog', { name: 'Admin token' });
    await dialog.waitFor();
    await page.screenshot({ path: '/tmp/dashboard-token-1280.png' });
    await dialog.getByLabel('Token').fill('not-it');
    await dialog.getByLabel('Token').press('Enter');
    await dialog.getByText('That token was refused').waitFor();
    await dialog.getByLabel('Token').fill('dash-secret');
    await dialog.getByRole('button', { name: 'Use token' }).click();
    await page.locator(`tr[data-run="${id}"]`).waitFor();
    expect(sent).toContain('Bearer dash-secret');

    await page.reload();
    await page.locator(`tr[data-run="${id}"]`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.close();
  }, 60_000);
});
