import { clockPinRequest, parseBody } from './command-requests.js';
import { RestProblem } from './problem-details.js';
import { noContent, type RestContext, type Route } from './route.js';

function control(context: RestContext) {
  if (!context.clock)
    throw new RestProblem(
      'CLOCK_NOT_CONTROLLED',
      'The engine clock is not controlled: start the engine with ENGINE_CONTROLLED_CLOCK=true or --controlled-clock (never in production) to pin and reset it',
    );
  return context.clock;
}

/** Camunda 8's controlled clock: pin the engine's time, or let it run again. */
export const clockEndpoints: Route[] = [
  {
    method: 'PUT',
    path: '/v2/clock',
    body: 'json',
    async handle({ body }, context) {
      const clock = control(context);
      const { timestamp } = parseBody(clockPinRequest, body);
      clock.pin(timestamp);
      // answer once the timers that fell due are processed, so a search right after sees them
      await context.engine.settle();
      return noContent;
    },
  },
  {
    method: 'POST',
    path: '/v2/clock/reset',
    body: 'none',
    async handle(_request, context) {
      control(context).reset();
      await context.engine.settle();
      return noContent;
    },
  },
];
