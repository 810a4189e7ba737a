// Runs: every run of every vendor and scenario, newest first, filtered, with live progress bars.
import { api } from './api.js';
import { anyOptions, fill, h, instant, queryOf } from './dom.js';
import { legend, progressBar } from './progress-bar.js';

const VENDORS = ['puffle', 'sendkit', 'exa'];
const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'];

const choice = (name, label, values) => h('label', {}, label, h('select', { name }, anyOptions(values)));

/** The runs panel; `refresh()` reads the runs again with the current filters. */
export function createRunsPanel(root, { scenarioNames }) {
  const scenarioFilter = choice('scenario', 'Scenario', []);
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter runs', onsubmit: (event) => event.preventDefault() },
    choice('vendor', 'Vendor', VENDORS),
    h('label', {}, 'Tenant', h('input', { name: 'tenant', type: 'search', placeholder: 'API key' })),
    scenarioFilter,
    choice('status', 'Status', STATUSES),
  );
  const body = h('tbody');
  const summary = h('p', { class: 'muted' });
  fill(
    root,
    h('h2', { id: 'runs-title' }, 'Runs'),
    filters,
    legend(),
    summary,
    h(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Runs table' },
      h(
        'table',
        { class: 'runs' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Run', 'Vendor', 'Tenant', 'Scenario', 'Status', 'Progress', 'Created', ''].map((title) =>
              h('th', { scope: 'col' }, title),
            ),
          ),
        ),
        body,
      ),
    ),
  );
  filters.addEventListener('input', () => void refresh());

  const row = (run) =>
    h(
      'tr',
      { 'data-run': run.id },
      h('td', { 'data-label': 'Run' }, h('code', { title: run.id }, run.id)),
      h('td', { 'data-label': 'Vendor' }, run.vendor),
      h('td', { 'data-label': 'Tenant' }, h('code', {}, run.tenant)),
      h('td', { 'data-label': 'Scenario' }, run.scenario),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge status-${run.status}` }, run.status)),
      h('td', { 'data-label': 'Progress', class: 'progress-cell' }, progressBar(run.counts, run.leadCount)),
      h('td', { 'data-label': 'Created' }, instant(run.createdAt)),
      h(
        'td',
        {},
        h(
          'a',
          {
            class: 'button',
            href: `#timeline/${encodeURIComponent(run.scenario)}/${encodeURIComponent(run.id)}`,
            'aria-label': `Timeline of ${run.vendor} run ${run.id}`,
          },
          'Timeline',
        ),
      ),
    );

  async function refresh() {
    const select = scenarioFilter.querySelector('select');
    const names = scenarioNames();
    if (select.options.length !== names.length + 1) {
      const kept = select.value;
      fill(select, anyOptions(names));
      select.value = kept;
    }
    const { runs, nextCursor } = await api('GET', `/runs${queryOf(filters, { limit: 200 })}`);
    summary.textContent =
      runs.length === 0
        ? 'No runs yet: start one through a vendor API (see the README), then watch it here.'
        : `${runs.length}${nextCursor ? '+' : ''} run${runs.length === 1 ? '' : 's'}, newest first.`;
    fill(body, runs.map(row));
    return runs;
  }
  return { refresh };
}
