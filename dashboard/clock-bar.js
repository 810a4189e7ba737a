// The header: the clock (now, mode, speed) with its advance buttons, and the active scenario's switch.
import { api } from './api.js';
import { h, fill, instant, say } from './dom.js';

/** Wires the header's clock and scenario controls; `afterChange` runs after any move or switch. */
export function createClockBar({ afterChange }) {
  const now = document.getElementById('clock-now');
  const mode = document.getElementById('clock-mode');
  const toForm = document.getElementById('clock-to');
  const toInput = document.getElementById('clock-to-input');
  const scenarioForm = document.getElementById('scenario-form');
  const select = document.getElementById('scenario-select');
  const moves = [...document.querySelectorAll('.clock button, .clock input')];
  let scenarios = [];
  let active = '';

  const act = async (work) => {
    try {
      say(await work());
      await afterChange();
    } catch (error) {
      say(error.message, 'error');
    }
  };
  const advanced = (clock) => `Clock now ${instant(clock.now)}.`;

  for (const button of document.querySelectorAll('[data-advance]'))
    button.addEventListener('click', () =>
      act(async () => advanced(await api('POST', '/clock/advance', { by: button.dataset.advance }))),
    );
  document
    .getElementById('clock-next')
    .addEventListener('click', () => act(async () => advanced(await api('POST', '/clock/next-change'))));
  toForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => advanced(await api('POST', '/clock/advance', { to: toInput.value.trim() })));
  });
  scenarioForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      const selection = await api('PUT', '/scenario', { name: select.value });
      await refreshScenarios();
      return `Scenario ${selection.active} is active (seed ${selection.seed}); its state starts afresh.`;
    });
  });

  async function refreshScenarios() {
    const list = await api('GET', '/scenarios');
    scenarios = list.scenarios.map((scenario) => scenario.name);
    active = list.active;
    // A scenario loaded from a file path is active without being in the library's list.
    if (!scenarios.includes(active)) scenarios.unshift(active);
    if (document.activeElement !== select)
      fill(
        select,
        scenarios.map((name) => h('option', { value: name, selected: name === active }, name)),
      );
  }

  async function refreshClock() {
    const clock = await api('GET', '/clock');
    now.textContent = instant(clock.now);
    now.setAttribute('datetime', clock.now);
    const virtual = clock.mode === 'virtual';
    mode.textContent = virtual ? 'virtual clock' : `real clock ×${clock.speed}`;
    for (const control of moves) control.disabled = !virtual;
    if (document.activeElement !== toInput && toInput.value === '') toInput.placeholder = clock.now;
    return clock;
  }

  return {
    refreshClock,
    refreshScenarios,
    scenarioNames: () => scenarios,
    active: () => active,
  };
}
