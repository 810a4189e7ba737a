import type { RecordedSession } from '../server/replay/read-har.js';
import { routeOf } from '../server/route-of.js';
import { judge } from './judge.js';
import { fromRecordedExchange } from './observed-exchange.js';
import type { ConformanceReport } from './report.js';

/**
 * Judges a recorded session (a HAR file read back) offline, routing by the OpenAPI documents the
 * exchanges a HAR from another tool leaves unnamed: webhook attempts are not in a HAR, so
 * `webhook-receiver-failing` cannot be judged from one.
 *
 * @example
 * const read = readHar(text);
 * if (read.ok) console.log(harReport(read.session).findings);
 */
export function harReport(session: RecordedSession): ConformanceReport {
  return judge({
    exchanges: session.exchanges.map((exchange) => fromRecordedExchange(exchange, routeOf)),
    dropped: session.dropped,
  });
}
