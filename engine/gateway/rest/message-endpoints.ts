import type { EngineRecord } from '../../index.js';
import {
  correlationRequest,
  defaultTenant,
  parseBody,
  publicationRequest,
} from './command-requests.js';
import { RestProblem } from './problem-details.js';
import { ok, type Route } from './route.js';

const CORRELATIONS = new Set(['MESSAGE_SUBSCRIPTION', 'MESSAGE_START_EVENT_SUBSCRIPTION']);

/** Message publication (buffered for its time to live) and correlation (now, or 404). */
export const messageEndpoints: Route[] = [
  {
    method: 'POST',
    path: '/v2/messages/publication',
    body: 'json',
    async handle({ body }, { engine }) {
      const request = parseBody(publicationRequest, body);
      defaultTenant(request.tenantId);
      const published = await engine.publishMessage({
        name: request.name,
        correlationKey: request.correlationKey ?? '',
        timeToLive: request.timeToLive ?? 0,
        ...(request.messageId ? { messageId: request.messageId } : {}),
        variables: request.variables ?? {},
      });
      return ok({ messageKey: published.key, tenantId: '<default>' });
    },
  },
  {
    method: 'POST',
    path: '/v2/messages/correlation',
    body: 'json',
    async handle({ body }, { engine }) {
      const request = parseBody(correlationRequest, body);
      defaultTenant(request.tenantId);
      // The engine has no correlate command: a message with time to live 0 is offered to the
      // current subscriptions and start events only, and the records of its batch tell which
      // process instance took it (they are delivered before the publish is answered).
      const seen: EngineRecord[] = [];
      const stop = engine.onRecords((records) => {
        for (const record of records)
          if (CORRELATIONS.has(record.valueType) && record.intent === 'CORRELATED')
            seen.push(record);
      });
      let messageKey: string;
      try {
        messageKey = (
          await engine.publishMessage({
            name: request.name,
            correlationKey: request.correlationKey ?? '',
            timeToLive: 0,
            variables: request.variables ?? {},
          })
        ).key;
      } finally {
        stop();
      }
      const taken = seen.find((record) => String(record.value.messageKey) === messageKey);
      if (!taken)
        throw new RestProblem(
          'NOT_FOUND',
          `Expected to find a subscription for the message with name '${request.name}' and correlation key '${request.correlationKey ?? ''}', but none was found`,
        );
      return ok({
        messageKey,
        processInstanceKey: String(taken.value.processInstanceKey),
        tenantId: '<default>',
      });
    },
  },
];
