// Journal: a live tail of the exchanges (polled), filtered, each readable with its request, response and
// the injected faults that shaped it, and the HAR download.
import { api, download } from './api.js';
import { anyOptions, factList, fill, h, instant, json, queryOf, say } from './dom.js';

const VENDORS = ['puffle', 'sendkit', 'exa', 'admin', 'unknown'];
const TAIL = 100;

const statusClass = (status) => (status >= 500 || status === 0 ? 'bad' : status >= 400 ? 'warn' : 'ok');

/** One exchange in full. */
function entryDetails(entry) {
  const faults = entry.faults ?? [];
  return h(
    'article',
    { class: 'entry', 'aria-labelledby': 'entry-title' },
    h(
      'h3',
      { id: 'entry-title', tabindex: '-1' },
      `${entry.id}: ${entry.request.method} ${entry.request.path}`,
    ),
    factList([
      [
        'Status',
        h(
          'span',
          { class: `badge http-${statusClass(entry.response.status)}` },
          String(entry.response.status),
        ),
      ],
      ['Vendor', entry.vendor],
      ['Operation', entry.operation ?? '—'],
      ['Tenant', entry.tenant ?? '—'],
      ['Scenario', entry.scenario],
      ['Mock time', instant(entry.virtualTime)],
      ['Took', `${entry.durationMs} ms`],
      [
        'Injected faults',
        faults.length === 0 ? 'none' : faults.map((fault) => `${fault.rule} (${fault.type})`).join(', '),
      ],
    ]),
    faults.length === 0 ? null : json(faults, 'Injected faults'),
    h('h4', {}, 'Request'),
    json({ query: entry.request.query, headers: entry.request.headers, body: entry.request.body }, 'Request'),
    h('h4', {}, 'Response'),
    json({ headers: entry.response.headers, body: entry.response.body }, 'Response'),
  );
}

/** The journal view; `refresh()` reads the tail again (when live), `open(id)` shows one entry. */
export function createJournalPanel(root) {
  let selected = null;
  let entries = [];
  const filters = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter the journal', onsubmit: (event) => event.preventDefault() },
    h('label', {}, 'Vendor', h('select', { name: 'vendor' }, anyOptions(VENDORS))),
    h('label', {}, 'Tenant', h('input', { name: 'tenant', type: 'search', placeholder: 'API key' })),
    h(
      'label',
      {},
      'Operation',
      h('input', { name: 'operation', type: 'search', placeholder: 'puffleGetEnrichmentRun' }),
    ),
  );
  const live = h('input', { type: 'checkbox', id: 'journal-live', checked: true });
  const list = h('ol', { class: 'journal', reversed: true });
  const detail = h('div', { class: 'entry-wrap' });
  const har = h(
    'button',
    {
      type: 'button',
      onclick: () =>
        void download(`/journal${queryOf(filters, { format: 'har' })}`, 'journal.har').catch((error) =>
          say(error.message, 'error'),
        ),
    },
    'Download HAR',
  );
  fill(
    root,
    h('h2', { id: 'journal-title' }, 'Journal'),
    filters,
    h('div', { class: 'toolbar' }, h('label', { for: 'journal-live' }, live, ' Live tail'), har),
    h('div', { class: 'split' }, h('div', { class: 'journal-list' }, list), detail),
  );
  filters.addEventListener('input', () => void refresh(true));

  const show = (entry) => {
    selected = entry.id;
    fill(detail, entryDetails(entry));
    for (const button of list.querySelectorAll('button'))
      button.setAttribute('aria-current', String(button.dataset.id === selected));
  };

  const row = (entry) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'entry-button',
          'data-id': entry.id,
          'aria-current': String(entry.id === selected),
          onclick: () => show(entry),
        },
        h(
          'span',
          { class: `badge http-${statusClass(entry.response.status)}` },
          String(entry.response.status),
        ),
        h('span', { class: 'entry-line' }, `${entry.request.method} ${entry.request.path}`),
        h(
          'span',
          { class: 'muted' },
          `${entry.vendor} · ${entry.operation ?? 'unrouted'} · ${instant(entry.virtualTime)}`,
        ),
        entry.faults?.length ? h('span', { class: 'badge fault' }, 'fault') : null,
      ),
    );

  async function refresh(force = false) {
    if (!live.checked && !force) return;
    ({ entries } = await api('GET', `/journal${queryOf(filters, { limit: TAIL })}`));
    fill(list, [...entries].reverse().map(row));
    if (list.childElementCount === 0) list.append(h('li', { class: 'muted' }, 'No exchanges match yet.'));
  }

  return {
    refresh,
    /** Shows entry `id`, reading the whole journal when it is not in the tail. */
    async open(id) {
      let entry = entries.find((candidate) => candidate.id === id);
      if (!entry) entry = (await api('GET', '/journal')).entries.find((candidate) => candidate.id === id);
      if (!entry)
        return say(`Journal entry ${id} is no longer in the journal (evicted or cleared).`, 'error');
      show(entry);
      detail.querySelector('h3')?.focus();
    },
  };
}
