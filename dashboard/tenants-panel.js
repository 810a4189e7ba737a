// Tenants: one API key's world in a scenario (credits, revocation, lead lists and their leads' ids, the
// catalog), with the credits editable.
import { api } from './api.js';
import { fill, h, say } from './dom.js';

/** The tenants view; `suggest(keys)` offers the API keys seen in runs. */
export function createTenantsPanel(root, { scenarioNames }) {
  const keys = h('datalist', { id: 'tenant-keys' });
  const scenario = h('select', { name: 'scenario' });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Choose a tenant' },
    h(
      'label',
      {},
      'API key',
      h('input', {
        name: 'key',
        type: 'search',
        list: 'tenant-keys',
        required: true,
        placeholder: 'pk_live_demo',
      }),
    ),
    h('label', {}, 'Scenario', scenario),
    h('button', { type: 'submit' }, 'Show tenant'),
  );
  const view = h('div');
  fill(root, h('h2', { id: 'tenants-title' }, 'Tenants'), keys, form, view);
  let current = null;

  async function load() {
    const key = form.elements.key.value.trim();
    if (key === '') return;
    const query = scenario.value === '' ? '' : `?scenario=${encodeURIComponent(scenario.value)}`;
    current = await api('GET', `/tenants/${encodeURIComponent(key)}${query}`);
    render(current);
  }

  function render(tenant) {
    const credits = h('input', {
      id: 'tenant-credits',
      name: 'credits',
      type: 'number',
      min: 0,
      step: 1,
      value: tenant.credits,
    });
    const edit = h(
      'form',
      {
        class: 'inline',
        onsubmit: async (event) => {
          event.preventDefault();
          try {
            current = await api('PUT', `/tenants/${encodeURIComponent(tenant.key)}`, {
              credits: Number(credits.value),
            });
            render(current);
            say(`Credits of ${tenant.key} set to ${current.credits}.`);
          } catch (error) {
            say(error.message, 'error');
          }
        },
      },
      h('label', { for: 'tenant-credits' }, 'Credits'),
      credits,
      h('button', { type: 'submit' }, 'Save credits'),
    );
    fill(
      view,
      h('h3', {}, h('code', {}, tenant.key), ` in ${tenant.scenario}`),
      h(
        'p',
        {},
        tenant.revoked
          ? h('span', { class: 'badge status-failed' }, 'key revoked')
          : h('span', { class: 'badge status-completed' }, 'key active'),
      ),
      tenant.scenario === currentActive()
        ? edit
        : h('p', { class: 'muted' }, `Credits: ${tenant.credits} (editable in the active scenario only).`),
      h('h4', {}, 'Lead lists'),
      tenant.lists.length === 0
        ? h('p', { class: 'muted' }, 'No lists.')
        : h(
            'ul',
            { class: 'lists' },
            tenant.lists.map((list) =>
              h(
                'li',
                {},
                h('strong', {}, list.name),
                ` `,
                h('code', {}, list.id),
                ` · ${list.subject} · ${list.leadCount} leads`,
                h(
                  'details',
                  {},
                  h('summary', {}, `Lead ids (first ${list.leadIds.length})`),
                  h('p', { class: 'ids' }, list.leadIds.join(' ')),
                ),
              ),
            ),
          ),
      h('h4', {}, 'Catalog'),
      h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Catalog' },
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Slug', 'Name', 'Subject', 'Credits per lead', 'Output'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            tenant.catalog.map((entry) =>
              h(
                'tr',
                {},
                [entry.slug, entry.name, entry.subject, entry.creditCost, entry.outputAttribute].map((v) =>
                  h('td', {}, String(v)),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  let currentActive = () => '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load().catch((error) => say(error.message, 'error'));
  });

  return {
    /** Offers these keys and scenarios; `active` names the scenario whose tenants can be edited. */
    update(tenantKeys, active) {
      currentActive = () => active;
      const names = scenarioNames();
      if (scenario.options.length !== names.length) {
        fill(
          scenario,
          names.map((name) => h('option', { value: name, selected: name === active }, name)),
        );
      }
      fill(
        keys,
        [...new Set(tenantKeys)].map((key) => h('option', { value: key })),
      );
    },
    async refresh() {
      // Not while the user types in one of the panel's fields (the credits would be overwritten).
      if (current && !root.contains(document.activeElement?.closest('input') ?? null)) await load();
    },
  };
}
