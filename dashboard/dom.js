// Small DOM helpers: element builders (HTML and SVG), formatters and the status line.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** An HTML element: `h('button', { type: 'button', onclick }, 'Go')`. */
export const h = (tag, attributes, ...children) => build(document.createElement(tag), attributes, children);

/** An SVG element. */
export const s = (tag, attributes, ...children) =>
  build(document.createElementNS(SVG, tag), attributes, children);

/** An ISO instant shown short: `2026-01-05 09:00:01.250`. */
export const instant = (value) =>
  value === null || value === undefined
    ? '—'
    : new Date(value).toISOString().replace('T', ' ').replace('Z', '');

/** Milliseconds as a duration: `950 ms`, `12.5 s`, `3 min 20 s`. */
export function duration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes} min ${seconds} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Writes a message to the live status line (errors stay until the next message). */
export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.dataset.kind = kind;
}

/** A definition list of `[term, value]` pairs, styled as facts. */
export const factList = (pairs) =>
  h(
    'dl',
    { class: 'facts' },
    pairs.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );

/** A filter's options: "any" (no filter), then each value. */
export const anyOptions = (values) => [
  h('option', { value: '' }, 'any'),
  values.map((value) => h('option', { value }, value)),
];

/** A JSON value, indented, in a scrollable block. */
export const json = (value, label) =>
  h('pre', { class: 'json', tabindex: '0', 'aria-label': label }, JSON.stringify(value, null, 2));

/** What identifies a focusable element across re-renders: its id, accessible label, data-id or text. */
const focusKey = (element) =>
  element.id || element.getAttribute('aria-label') || element.dataset.id || element.textContent;

/**
 * Replaces a container's children. The element that had the focus, if inside, hands it to its
 * counterpart in the new children, so a keyboard user keeps their place while the page polls.
 */
export function fill(container, ...children) {
  const active = document.activeElement;
  const key = active && active !== container && container.contains(active) ? focusKey(active) : null;
  container.replaceChildren(...children.flat(Infinity));
  if (key === null) return;
  const again = [...container.querySelectorAll(active.tagName)].find((element) => focusKey(element) === key);
  again?.focus();
}

/** The query string of the filled fields of a form. */
export function queryOf(form, extra = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (value !== '') query.set(name, String(value));
  for (const [name, value] of Object.entries(extra)) query.set(name, String(value));
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}
