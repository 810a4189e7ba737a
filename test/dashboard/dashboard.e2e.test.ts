import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/in-process-server.js';
import { useBrowser } from './support/browser.js';
import { bigListScenario, openDashboard, PUFFLE_KEY, startPuffleRun } from './support/dashboard-page.js';

const browser = useBrowser();
let server: TestServer;

afterEach(async () => server?.close());

describe('dashboard in a browser', () => {
  it('shows a run created through the vendor API moving to completion as the page advances the clock', async () => {
    server = await startTestServer({ seed: 1811 });
    const id = await startPuffleRun(server);
    const page = await openDashboard(browser(), server);
    const row = page.locator(`tr[data-run="${id}"]`);
    await row.locator('.progress-text', { hasText: '0/25 settled' }).waitFor();
    expect(await row.locator('.badge').textContent()).toBe('pending');

    const seen: number[] = [];
    for (let step = 0; step < 40 && seen.at(-1) !== 25; step++) {
      const shown = await page.locator('body').getAttribute('data-shown-at');
      await page.getByRole('button', { name: '+1 s' }).click();
      await expect.poll(() => page.locator('body').getAttribute('data-shown-at')).not.toBe(shown);
      const text = (await row.locator('.progress-text').textContent()) ?? '';
      seen.push(Number(/^(\d+)\//.exec(text)?.[1]));
    }
    expect(seen.at(-1)).toBe(25);
    expect(seen.some((settled) => settled > 0 && settled < 25)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await row.locator('.badge').textContent()).toBe('completed');
    await page.screenshot({ path: '/tmp/dashboard-runs-1280.png' });
    await page.close();
  }, 60_000);

  it("opens a run's timeline: item bars a page at a time, the schedule and the vendor's ledger", async () => {
    server = await startTestServer({ scenario: bigListScenario(1_000_000), seed: 1812 });
    const id = await startPuffleRun(server, 'list_big');
    const page = await openDashboard(browser(), server);
    await page.getByRole('link', { name: `Timeline of puffle run ${id}` }).click();
    await page.getByRole('heading', { name: `Run timeline: puffle ${id}` }).waitFor();
    await page.getByText('Items 1–50 of 1000000').waitFor();
    expect(await page.locator('.item-row').count()).toBe(50);
    expect(await page.locator('.item-row').first().getAttribute('aria-label')).toMatch(
      /^item 0: pending, starts 2026-01-05 /,
    );
    await page.getByRole('button', { name: 'Next items' }).click();
    await page.getByText('Items 51–100 of 1000000').waitFor();
    expect(await page.locator('.item-row').first().getAttribute('aria-label')).toMatch(/^item 50: /);
    expect(await page.locator('pre[aria-label="Vendor ledger"]').textContent()).toContain(`"id": "${id}"`);
    await page.getByRole('button', { name: '+10 s' }).click();
    await page.locator('.item-row .badge', { hasText: 'completed' }).first().waitFor();
    await page.screenshot({ path: '/tmp/dashboard-timeline-1280.png', fullPage: true });
    await page.close();
  }, 60_000);

  it('reads a journal entry with its request and response, and downloads the HAR', async () => {
    server = await startTestServer({ seed: 1813 });
    const id = await startPuffleRun(server);
    const page = await openDashboard(browser(), server, { hash: '#journal' });
    await page.locator('.entry-button', { hasText: 'POST /api/enrichment' }).click();
    const entry = page.locator('article.entry');
    await entry.getByRole('heading', { name: /^ex_\d+: POST \/api\/enrichment$/ }).waitFor();
    expect(await entry.locator('pre[aria-label="Request"]').textContent()).toContain(
      '"enrichmentId": "work_email"',
    );
    expect(await entry.locator('pre[aria-label="Response"]').textContent()).toContain(id);
    expect(await entry.locator('pre[aria-label="Request"]').textContent()).toContain(`Bearer ${PUFFLE_KEY}`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download HAR' }).click();
    expect((await download).suggestedFilename()).toBe('journal.har');
    await page.screenshot({ path: '/tmp/dashboard-journal-1280.png' });
    await page.close();
  }, 60_000);

  it('switches the active scenario from the header', async () => {
    server = await startTestServer({ seed: 1814 });
    const page = await openDashboard(browser(), server);
    await page.getByLabel('Active scenario').selectOption('happy-path-fast');
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByRole('status').filter({ hasText: 'Scenario happy-path-fast is active' }).waitFor();
    expect((await server.call('GET', '/__admin/health')).json.scenario).toBe('happy-path-fast');
    await page.close();
  }, 60_000);

  it('shows the conformance findings, each linked to its journal entries', async () => {
    server = await startTestServer({ seed: 1815 });
    const id = await startPuffleRun(server);
    for (let poll = 0; poll < 3; poll++)
      await server.call('GET', `/api/enrichment/${id}`, {
        headers: { authorization: `Bearer ${PUFFLE_KEY}` },
      });
    const page = await openDashboard(browser(), server, { hash: '#findings' });
    const finding = page.locator('li.finding', { hasText: 'poll-interval-too-short' });
    await finding.waitFor();
    const evidence = finding.locator('.evidence a').first();
    const entryId = (await evidence.textContent()) ?? '';
    await evidence.click();
    await page.getByRole('heading', { name: `${entryId}: GET /api/enrichment/${id}` }).waitFor();
    await page.close();
  }, 60_000);

  it("shows a tenant's world and saves its credits", async () => {
    server = await startTestServer({ seed: 1816 });
    await startPuffleRun(server);
    const page = await openDashboard(browser(), server, { hash: '#tenants' });
    await page.getByLabel('API key').fill(PUFFLE_KEY);
    await page.getByRole('button', { name: 'Show tenant' }).click();
    await page.locator('.lists strong', { hasText: 'Prospects' }).waitFor();
    expect(await page.getByRole('spinbutton', { name: 'Credits' }).inputValue()).toBe('975');
    await page.getByRole('spinbutton', { name: 'Credits' }).fill('42');
    await page.getByRole('button', { name: 'Save credits' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Credits of ${PUFFLE_KEY} set to 42.` })
      .waitFor();
    expect((await server.call('GET', `/__admin/tenants/${PUFFLE_KEY}`)).json.credits).toBe(42);
    await page.close();
  }, 60_000);
});
