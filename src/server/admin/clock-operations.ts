import { isRepresentableInstant, MAX_INSTANT_MS, toIso, type VirtualClock } from '../../core/clock.js';
import type { components } from '../../generated/admin.types.js';
import type { AdminContext, AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';
import { toClockMove } from './clock-move.js';

type ClockView = components['schemas']['Clock'];

/** The clock as the control API shows it; `speed` is 0 for a virtual clock, the speed-up for a real one. */
function clockView(context: AdminContext): ClockView {
  const { clock } = context.runtime;
  const nowMs = clock.now();
  const speed =
    clock.mode === 'virtual' ? 0 : 'speed' in clock && typeof clock.speed === 'number' ? clock.speed : 1;
  return { mode: clock.mode, now: toIso(nowMs), nowMs, speed };
}

const isVirtual = (clock: AdminContext['runtime']['clock']): clock is VirtualClock =>
  clock.mode === 'virtual' && 'set' in clock;

/** `adminGetHealth`, `adminGetClock` and `adminAdvanceClock`. */
export function createClockOperations(context: AdminContext) {
  return {
    adminGetHealth: (): Reply => {
      const { mode, now, speed } = clockView(context);
      const body: components['schemas']['Health'] = {
        status: 'ok',
        version: context.version,
        scenario: context.runtime.active.name,
        clock: { mode, now, speed },
        uptimeMs: Math.max(0, Math.round(context.uptimeMs())),
      };
      return { status: 200, body };
    },
    adminGetClock: (): Reply => ({ status: 200, body: clockView(context) }),
    adminAdvanceClock: async ({ body }: AdminInput): Promise<Reply> => {
      const { clock } = context.runtime;
      if (!isVirtual(clock)) {
        return adminError(
          'CONFLICT',
          'The clock is in real mode and cannot be advanced: start the server with --clock virtual to control time.',
        );
      }
      const move = toClockMove(body as components['schemas']['ClockAdvanceRequest'], clock.now());
      if ('refused' in move) return move.refused;
      const { target, asked } = move;
      // Refused before anything moves: past 9999-12-31T23:59:59.999Z every later answer would write its
      // timestamps as `+010000-...`, which no date-time schema accepts (and a move delivers the webhooks due on the way before the clock refuses).
      if (!Number.isNaN(target) && !isRepresentableInstant(target)) {
        return adminError(
          'CONFLICT',
          `Cannot advance the clock ${asked}: it would pass ${toIso(MAX_INSTANT_MS)}, the last instant an RFC 3339 date-time can write. Advance by at most ${MAX_INSTANT_MS - clock.now()} ms, or to ${toIso(MAX_INSTANT_MS)} at the latest.`,
        );
      }
      const moved = context.moveClock ? await context.moveClock(target) : clock.set(target);
      if (!moved.ok) return adminError('CONFLICT', moved.message);
      return { status: 200, body: clockView(context) };
    },
  };
}
