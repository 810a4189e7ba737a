// Findings: how the clients behaved against the vendors' documented rules (GET /__admin/report), each
// finding linked to the journal entries that show it.
import { api } from './api.js';
import { fill, h } from './dom.js';

/** The findings view; `refresh()` judges the journal again. */
export function createFindingsPanel(root) {
  const summary = h('p', { class: 'muted' });
  const list = h('ul', { class: 'findings' });
  fill(root, h('h2', { id: 'findings-title' }, 'Findings'), summary, list);

  const finding = (item) =>
    h(
      'li',
      { class: `finding severity-${item.severity}` },
      h(
        'p',
        { class: 'finding-head' },
        h('span', { class: `badge severity-${item.severity}` }, item.severity),
        h('strong', {}, item.rule),
        h(
          'span',
          { class: 'muted' },
          `${item.vendor}${item.tenant ? ` · ${item.tenant}` : ''} · ${item.count}×`,
        ),
      ),
      h('p', {}, item.message),
      h('p', { class: 'hint' }, item.hint),
      h('p', { class: 'source muted' }, item.source),
      h(
        'p',
        { class: 'evidence' },
        'Evidence: ',
        item.evidence.map((id) => [
          h('a', { href: `#journal/${encodeURIComponent(id)}`, 'aria-label': `Journal entry ${id}` }, id),
          ' ',
        ]),
      ),
    );

  async function refresh() {
    const report = await api('GET', '/report');
    const judged = `${report.journal.judged} exchanges judged against ${report.rules.length} rules`;
    summary.textContent =
      report.findings.length === 0
        ? `No findings: ${judged}.`
        : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}: ${judged}.`;
    if (report.notice) summary.textContent += ` ${report.notice}`;
    fill(list, report.findings.map(finding));
  }
  return { refresh };
}
