import { toIso } from '../../core/clock.js';
import { nextChangeInstant } from '../../runtime/advance-to-next-change.js';
import type { AdminContext } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';
import { createClockOperations } from './clock-operations.js';

/**
 * `adminAdvanceClockToNextChange`: moves the virtual clock to the first instant any run of any scenario
 * changes (an item starts, ends or retries, a run completes), as `POST /__admin/clock/advance` with `to`
 * would, webhooks due on the way included. 409 when every run has settled or the clock is real.
 */
export function createClockNextChangeOperations(context: AdminContext) {
  const { adminAdvanceClock } = createClockOperations(context);
  return {
    adminAdvanceClockToNextChange: async (): Promise<Reply> => {
      const next = nextChangeInstant(context.runtime);
      if (next === null)
        return adminError(
          'CONFLICT',
          'Cannot advance the clock to the next change: every run has settled, so nothing changes later. Start a run, or advance by a duration with POST /__admin/clock/advance.',
        );
      return adminAdvanceClock({ params: {}, query: {}, body: { to: toIso(next) } });
    },
  };
}
