// The dashboard: routes the hash to a panel, polls the control API for the clock and the visible panel,
// and asks for the admin token when the server wants one.
import { api, onTokenNeeded, storeToken } from './api.js';
import { createClockBar } from './clock-bar.js';
import { say } from './dom.js';
import { createFindingsPanel } from './findings-panel.js';
import { createJournalPanel } from './journal-panel.js';
import { createRunsPanel } from './runs-panel.js';
import { createTenantsPanel } from './tenants-panel.js';
import { createTimelinePanel } from './timeline-panel.js';

const POLL_MS = 1000;
const view = (name) => document.querySelector(`[data-view="${name}"]`);

let tokenPrompt = null;
onTokenNeeded((message) => {
  tokenPrompt ??= new Promise((resolve) => {
    const dialog = document.getElementById('token-dialog');
    const input = document.getElementById('token-input');
    document.getElementById('token-error').textContent = message;
    dialog.addEventListener(
      'close',
      () => {
        storeToken(input.value.trim());
        input.value = '';
        tokenPrompt = null;
        resolve();
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
  return tokenPrompt;
});

const clockBar = createClockBar({ afterChange: () => refresh() });
const runs = createRunsPanel(view('runs'), { scenarioNames: clockBar.scenarioNames });
const timeline = createTimelinePanel(view('timeline'));
const journal = createJournalPanel(view('journal'));
const tenants = createTenantsPanel(view('tenants'), { scenarioNames: clockBar.scenarioNames });
const findings = createFindingsPanel(view('findings'));

/** The panel the hash names, with its arguments: `#timeline/<scenario>/<id>`, `#journal/<entry id>`. */
function route() {
  const [name = 'runs', ...rest] = location.hash.slice(1).split('/').map(decodeURIComponent);
  return { name: view(name) ? name : 'runs', args: rest };
}

async function refreshPanel({ name, args }) {
  if (name === 'runs') await runs.refresh();
  else if (name === 'timeline') await timeline.refresh();
  else if (name === 'journal') await journal.refresh();
  else if (name === 'findings') await findings.refresh();
  else if (name === 'tenants') {
    const { runs: seen } = await api('GET', '/runs?limit=200');
    tenants.update(
      seen.map((run) => run.tenant),
      clockBar.active(),
    );
    await tenants.refresh();
  }
  return args;
}

let busy = false;
async function refresh() {
  if (busy) return;
  busy = true;
  try {
    const clock = await clockBar.refreshClock();
    await refreshPanel(route());
    // The clock instant the visible panel was last read at (tests wait on it).
    document.body.dataset.shownAt = clock.now;
  } catch (error) {
    say(error.message, 'error');
  } finally {
    busy = false;
  }
}

async function navigate() {
  const current = route();
  for (const section of document.querySelectorAll('[data-view]'))
    section.hidden = section.dataset.view !== current.name;
  const tab = `#${current.name === 'timeline' ? 'runs' : current.name}`;
  for (const link of document.querySelectorAll('nav a'))
    if (link.getAttribute('href') === tab) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  try {
    if (current.name === 'timeline') await timeline.show(current.args[0] ?? '', current.args[1] ?? '');
    else await refreshPanel(current);
    if (current.name === 'journal' && current.args[0]) await journal.open(current.args[0]);
  } catch (error) {
    say(error.message, 'error');
  }
}

async function poll() {
  await refresh();
  setTimeout(poll, POLL_MS);
}

window.addEventListener('hashchange', () => void navigate());
await clockBar.refreshScenarios().catch((error) => say(error.message, 'error'));
await navigate();
setInterval(() => void clockBar.refreshScenarios().catch(() => undefined), 5 * POLL_MS);
void poll();
