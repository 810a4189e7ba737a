// A run's timeline: its instants, its progress curve over the derived schedule, one page of items as
// bars (waited, ran, finished or failed; planned after now) and the vendor's ledger.
import { api } from './api.js';
import { duration, factList, fill, h, instant, json, s } from './dom.js';
import { countsText, legend, progressBar, STATES } from './progress-bar.js';

const PAGE = 50;
const WIDTH = 1000;

/** The x of an instant on a [from, to] axis drawn WIDTH wide. */
const scale = (from, to) => (t) =>
  ((Math.min(Math.max(t, from), to) - from) / Math.max(1, to - from)) * WIDTH;

/**
 * The span the page's item bars are drawn on: from the run's creation (first page) or the page's first
 * start, to the page's last end, so a page of a run that lasts days still shows each item's bar.
 */
function pageSpan({ items, schedule }) {
  const starts = items.entries.map((item) => item.startMs).filter((t) => t !== null);
  const ends = items.entries.map((item) => item.endMs).filter((t) => t !== null);
  if (starts.length === 0)
    return [schedule.createdAtMs, Math.max(schedule.naturalEndMs, schedule.createdAtMs + 1)];
  const from = items.from === 0 ? schedule.createdAtMs : Math.min(...starts);
  return [from, Math.max(...ends, from + 1)];
}

/** A vertical marker line with a tooltip. */
const marker = (x, height, kind, label) =>
  s('line', { x1: x, x2: x, y1: 0, y2: height, class: `marker marker-${kind}` }, s('title', {}, label));

/** The counts at 48 instants as stacked areas, with the start, cancel, completion and now marked. */
function progressCurve(timeline, x) {
  const { progress, run, schedule, nowMs } = timeline;
  const height = 120;
  const total = Math.max(1, run.leadCount);
  const svg = s('svg', {
    class: 'curve',
    viewBox: `0 0 ${WIDTH} ${height}`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': `Progress over time: at the end ${countsText(progress.at(-1)?.counts ?? run.counts)}`,
  });
  const below = progress.map(() => 0);
  for (const state of STATES) {
    const top = progress.map((sample, i) => below[i] + sample.counts[state]);
    const y = (count) => height - (count / total) * height;
    const points = [
      ...progress.map((sample, i) => `${x(sample.atMs)},${y(top[i])}`),
      ...progress.map((sample, i) => `${x(sample.atMs)},${y(below[i])}`).reverse(),
    ];
    svg.append(s('polygon', { points: points.join(' '), class: `fill-${state}` }));
    top.forEach((value, i) => (below[i] = value));
  }
  svg.append(marker(x(schedule.startMs), height, 'start', `started ${instant(schedule.startMs)}`));
  if (schedule.cancelledAtMs !== null)
    svg.append(
      marker(x(schedule.cancelledAtMs), height, 'cancel', `cancelled ${instant(schedule.cancelledAtMs)}`),
    );
  if (schedule.completedAtMs !== null)
    svg.append(
      marker(x(schedule.completedAtMs), height, 'done', `completed ${instant(schedule.completedAtMs)}`),
    );
  svg.append(marker(x(nowMs), height, 'now', `now ${instant(nowMs)}`));
  return svg;
}

/** One item as a bar: the wait (creation to start), the run until now, and what is planned after now. */
function itemRow(item, timeline, x, from) {
  const { nowMs, schedule } = timeline;
  const svg = s('svg', {
    class: 'item-bar',
    viewBox: `0 0 ${WIDTH} 10`,
    preserveAspectRatio: 'none',
    'aria-hidden': 'true',
  });
  let words = `item ${item.index}: ${item.status}`;
  if (item.startMs !== null && item.endMs !== null) {
    const fate = item.failed ? 'failed' : 'completed';
    svg.append(
      s('rect', {
        x: x(from),
        y: 3,
        width: x(item.startMs) - x(from),
        height: 4,
        class: 'wait',
      }),
    );
    const doneTo = Math.min(item.endMs, nowMs);
    if (doneTo > item.startMs) {
      const kind = nowMs >= item.endMs ? fate : 'running';
      svg.append(
        s('rect', {
          x: x(item.startMs),
          y: 0,
          width: x(doneTo) - x(item.startMs),
          height: 10,
          class: `fill-${kind}`,
        }),
      );
    }
    const plannedFrom = Math.max(item.startMs, nowMs);
    if (plannedFrom < item.endMs)
      svg.append(
        s('rect', {
          x: x(plannedFrom),
          y: 0,
          width: x(item.endMs) - x(plannedFrom),
          height: 10,
          class: `planned fill-${fate}`,
        }),
      );
    words += `, starts ${instant(item.startMs)}, ends ${instant(item.endMs)} (${duration(item.endMs - item.startMs)})`;
  }
  if (schedule.cancelledAtMs !== null)
    svg.append(marker(x(schedule.cancelledAtMs), 10, 'cancel', 'cancelled'));
  svg.append(marker(x(nowMs), 10, 'now', 'now'));
  return h(
    'li',
    { class: 'item-row', 'aria-label': words + (item.error ? `: ${item.error}` : '') },
    h('span', { class: 'item-index' }, `#${item.index}`),
    svg,
    h('span', { class: `badge status-${item.status}` }, item.status),
  );
}

/** The timeline view; `show(scenario, id)` picks the run, `refresh()` reads it again. */
export function createTimelinePanel(root) {
  let target = null;
  let from = 0;
  const title = h('h2', { id: 'timeline-title' }, 'Run timeline');
  const content = h('div');
  fill(root, h('p', {}, h('a', { href: '#runs' }, '← All runs')), title, content);

  const pager = (items) => {
    const last = Math.min(items.total, items.from + items.entries.length);
    return h(
      'div',
      { class: 'pager', role: 'group', 'aria-label': 'Item pages' },
      h(
        'button',
        {
          type: 'button',
          disabled: items.from === 0,
          onclick: () => void page(Math.max(0, items.from - PAGE)),
        },
        'Previous items',
      ),
      h('span', {}, `Items ${items.total === 0 ? 0 : items.from + 1}–${last} of ${items.total}`),
      h(
        'button',
        { type: 'button', disabled: items.nextFrom === null, onclick: () => void page(items.nextFrom) },
        'Next items',
      ),
    );
  };

  async function page(next) {
    from = next;
    await refresh();
  }

  async function refresh() {
    if (target === null) return;
    const query = `?scenario=${encodeURIComponent(target.scenario)}&from=${from}&limit=${PAGE}`;
    const timeline = await api('GET', `/runs/${encodeURIComponent(target.id)}/timeline${query}`);
    const { run, schedule, items, ledger, nowMs } = timeline;
    const settled = schedule.completedAtMs ?? schedule.naturalEndMs;
    const x = scale(schedule.createdAtMs, Math.max(settled, schedule.createdAtMs + 1));
    const span = pageSpan(timeline);
    const itemX = scale(span[0], span[1]);
    title.textContent = `Run timeline: ${run.vendor} ${run.id}`;
    const facts = [
      ['Status', h('span', { class: `badge status-${run.status}` }, run.status)],
      ['Tenant', h('code', {}, run.tenant)],
      ['Scenario', run.scenario],
      ['Enrichment', run.enrichment],
      ['Created', instant(schedule.createdAtMs)],
      [
        'Starts',
        `${instant(schedule.startMs)} (queued ${duration(schedule.startMs - schedule.createdAtMs)})`,
      ],
      ['Ends on its own', instant(schedule.naturalEndMs)],
      ['Cancelled', instant(schedule.cancelledAtMs)],
      ['Completed', instant(schedule.completedAtMs)],
      [
        'Waves',
        `${schedule.waveSize} items every ${duration(schedule.waveMs)}; an item takes at most ${duration(schedule.maxItemMs)}`,
      ],
      ['Now', instant(nowMs)],
    ];
    fill(
      content,
      progressBar(run.counts, run.leadCount),
      factList(facts),
      h('h3', {}, 'Progress over the schedule'),
      legend(),
      progressCurve(timeline, x),
      h(
        'div',
        { class: 'axis', 'aria-hidden': 'true' },
        h('span', {}, instant(schedule.createdAtMs)),
        h('span', {}, instant(settled)),
      ),
      h('h3', {}, 'Items'),
      h(
        'div',
        { class: 'axis items-axis', 'aria-hidden': 'true' },
        h('span', {}, instant(span[0])),
        h('span', {}, instant(span[1])),
      ),
      h(
        'p',
        { class: 'muted' },
        'Thin grey: waiting in the queue. Solid: ran. Faded: planned after now. Red line: cancel; dark line: now.',
      ),
      pager(items),
      h(
        'ol',
        { class: 'items', start: items.from + 1 },
        items.entries.map((item) => itemRow(item, timeline, itemX, span[0])),
      ),
      h('h3', {}, 'Ledger'),
      ledger === null
        ? h('p', { class: 'muted' }, 'The vendor no longer holds this run (it was deleted or has expired).')
        : h(
            'details',
            { open: true },
            h('summary', {}, 'As the vendor returns it now'),
            json(ledger, 'Vendor ledger'),
          ),
    );
  }

  return {
    show(scenario, id) {
      if (target?.id !== id || target?.scenario !== scenario) from = 0;
      target = { scenario, id };
      return refresh();
    },
    refresh,
  };
}
