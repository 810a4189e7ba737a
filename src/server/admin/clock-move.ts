import type { components } from '../../generated/admin.types.js';
import { parseDuration } from '../../scenario/duration.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';

type ClockAdvanceRequest = components['schemas']['ClockAdvanceRequest'];

/** What `POST /__admin/clock/advance` sends the clock to, and how to say so in a refusal. */
export type ClockMove = { target: number; asked: string } | { refused: Reply };

/**
 * Reads a validated clock/advance body (exactly one of `ms`, `by`, `to`, as admin.yaml says) into the
 * instant to move to. `by` takes a duration as scenario files write it (`10s`, `1m30s`, or milliseconds as a
 * number); one that does not parse is a 400 whose message shows the accepted forms.
 *
 * @example
 * toClockMove({ by: '10s' }, 0); // { target: 10_000, asked: 'by 10s' }
 */
export function toClockMove(request: ClockAdvanceRequest, now: number): ClockMove {
  if (request.ms !== undefined) return { target: now + request.ms, asked: `by ${request.ms} ms` };
  if (request.by !== undefined) {
    const duration = parseDuration(request.by);
    if (!duration.ok) {
      return {
        refused: adminError('VALIDATION_ERROR', `Invalid request: by ${duration.message}.`, [
          { path: 'by', message: `by ${duration.message}` },
        ]),
      };
    }
    return { target: now + duration.ms, asked: `by ${request.by}` };
  }
  return { target: Date.parse(request.to ?? ''), asked: `to ${request.to ?? ''}` };
}
