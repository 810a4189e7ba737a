import type { Vendor } from '../scenario/types.js';
import type { Findings } from './findings.js';
import type { ObservedExchange } from './observed-exchange.js';
import { POLL_INTERVAL_MS, POLLS_AFTER_TERMINAL_ALLOWED, PUFFLE_POLL_DEADLINE_MS } from './rules.js';
import { seconds } from './seconds.js';
import { isSuccess } from '../http/is-success.js';
import type { RunTouch } from './vendor-facts.js';

/** What the judge remembers of one run of one tenant. */
export interface RunState {
  /** When the run was created (the create's instant), else first polled. */
  startedAt: number;
  /** The last poll, and whether its answer showed the run still going. */
  lastPoll: { at: number; id: string; live: boolean } | null;
  /** The exchange whose answer told the client the run is over. */
  terminalId: string | null;
  pollsAfterTerminal: number;
  /** A cancel answered `run_status_changed`, not followed by a poll yet. */
  conflictId: string | null;
}

export const newRun = (startedAt: number): RunState => ({
  startedAt,
  lastPoll: null,
  terminalId: null,
  pollsAfterTerminal: 0,
  conflictId: null,
});

/** Seconds, for messages. */

/**
 * Judges one poll or cancel of a run: poll cadence, the Puffle deadline, polls after a terminal status,
 * and acting again after a cancel conflict. Updates `run`.
 */
export function checkRunTouch(
  findings: Findings,
  vendor: Vendor,
  run: RunState,
  touch: RunTouch,
  exchange: ObservedExchange,
): void {
  const { tenant, id, at } = exchange;
  const { runId } = touch;
  if (run.conflictId !== null) {
    if (touch.kind === 'cancel')
      findings.add(
        'cancel-conflict-not-rechecked',
        vendor,
        tenant,
        runId,
        () =>
          `Run ${runId} was cancelled again (${id}) right after its cancel answered 409 run_status_changed (${run.conflictId}), without reading its status in between.`,
        [run.conflictId, id],
      );
    run.conflictId = null;
  }
  if (touch.kind === 'poll') {
    if (run.terminalId !== null) {
      run.pollsAfterTerminal += 1;
      if (run.pollsAfterTerminal > POLLS_AFTER_TERMINAL_ALLOWED)
        findings.add(
          'poll-after-terminal',
          vendor,
          tenant,
          runId,
          () => `Run ${runId} was polled again (${id}) after ${run.terminalId} had answered that it is over.`,
          [run.terminalId, id],
        );
    } else {
      const last = run.lastPoll;
      const gap = last === null ? NaN : at - last.at;
      if (last?.live && gap < POLL_INTERVAL_MS)
        findings.add(
          'poll-interval-too-short',
          vendor,
          tenant,
          runId,
          () =>
            `Run ${runId} was polled ${seconds(gap)} after the previous poll (${last.id}) found it still going; ${vendor} asks for at least ${seconds(POLL_INTERVAL_MS)}.`,
          [last.id, id],
        );
      if (at - run.startedAt > PUFFLE_POLL_DEADLINE_MS)
        findings.add(
          'poll-past-deadline',
          vendor,
          tenant,
          runId,
          () =>
            `Run ${runId} was still polled ${seconds(at - run.startedAt)} after it was started (${id}): past the ${PUFFLE_POLL_DEADLINE_MS / 60_000}-minute limit.`,
          [id],
        );
    }
    run.lastPoll = { at, id, live: isSuccess(exchange.status) && !touch.terminal };
  }
  // Each cancel is a new question about the run: the read that may follow it is one confirming read again.
  if (touch.kind === 'cancel') run.pollsAfterTerminal = 0;
  if (touch.terminal && run.terminalId === null) run.terminalId = id;
  if (touch.conflict) run.conflictId = id;
}
