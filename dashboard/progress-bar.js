// A run's counts as one stacked SVG bar, in the order items move through them.
import { h, s } from './dom.js';

/** The item states, in the order a bar stacks them. */
export const STATES = ['completed', 'failed', 'skipped', 'running', 'pending'];

/** Counts as words: `completed 12, failed 1, running 3, pending 9`. */
export const countsText = (counts) =>
  STATES.filter((state) => counts[state] > 0)
    .map((state) => `${state} ${counts[state]}`)
    .join(', ') || 'no items';

/** A stacked bar of `counts` (out of `total`), labelled for screen readers, with the share done as text. */
export function progressBar(counts, total) {
  const bar = s('svg', {
    class: 'bar',
    viewBox: '0 0 1000 12',
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': countsText(counts),
  });
  let x = 0;
  for (const state of STATES) {
    const width = total === 0 ? 0 : (counts[state] / total) * 1000;
    if (width > 0) bar.append(s('rect', { x, y: 0, width, height: 12, class: `fill-${state}` }));
    x += width;
  }
  const settled = counts.completed + counts.failed + counts.skipped;
  const share = total === 0 ? 100 : Math.floor((settled / total) * 100);
  return h(
    'div',
    { class: 'progress' },
    bar,
    h('span', { class: 'progress-text' }, `${settled}/${total} settled (${share}%)`),
  );
}

/** The colour key of the states. */
export const legend = () =>
  h(
    'ul',
    { class: 'legend', 'aria-label': 'Colour key' },
    STATES.map((state) =>
      h('li', {}, h('span', { class: `swatch fill-${state}`, 'aria-hidden': 'true' }), state),
    ),
  );
