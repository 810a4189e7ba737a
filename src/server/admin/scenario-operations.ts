import type { components } from '../../generated/admin.types.js';
import type { SelectFailure } from '../scenario-registry.js';
import type { AdminContext, AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';

/** A scenario that could not be selected, as 404 (not there) or 400 (one detail per problem). */
function selectFailure(failure: SelectFailure): Reply {
  if (failure.code === 'not_found') return adminError('NOT_FOUND', failure.message);
  const details = failure.problems.map((problem) => ({
    path: problem.path,
    message: `${problem.file ? `${problem.file}: ` : ''}${problem.line === undefined ? '' : `line ${problem.line}: `}${problem.message}`,
  }));
  return adminError('VALIDATION_ERROR', failure.message, details);
}

/** `adminReset`, `adminListScenarios` and `adminSetScenario`. */
export function createScenarioOperations(context: AdminContext) {
  const { runtime, scenarios } = context;
  return {
    adminReset: ({ body }: AdminInput): Reply => {
      const request = (body ?? {}) as components['schemas']['ResetRequest'];
      if (request.scenario !== undefined) {
        const selected = scenarios.select(request.scenario);
        if (!selected.ok) return selectFailure(selected);
        runtime.activate(selected.scenario);
      }
      runtime.reset();
      const response: components['schemas']['ResetResponse'] = { reset: true, scenario: runtime.active.name };
      return { status: 200, body: response };
    },
    adminListScenarios: (): Reply => {
      const response: components['schemas']['ScenarioList'] = {
        active: runtime.active.name,
        scenarios: scenarios
          .list()
          .map((scenario) => ({ ...scenario, active: scenario.name === runtime.active.name })),
      };
      return { status: 200, body: response };
    },
    adminSetScenario: ({ body }: AdminInput): Reply => {
      const request = body as components['schemas']['ScenarioSelectRequest'];
      const selected = scenarios.select(request.name, request.seed);
      if (!selected.ok) return selectFailure(selected);
      runtime.activate(selected.scenario);
      runtime.reset();
      const response: components['schemas']['ScenarioSelection'] = {
        active: selected.scenario.name,
        seed: selected.scenario.seed,
      };
      return { status: 200, body: response };
    },
  };
}
