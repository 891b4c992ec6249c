import {
  correlationRequest,
  defaultTenant,
  parseBody,
  publicationRequest,
} from './command-requests.js';
import { ok, type Route } from './route.js';

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
      // the engine refuses with NOT_FOUND when nothing takes the message (a 404 problem)
      const correlated = await engine.correlateMessage({
        name: request.name,
        correlationKey: request.correlationKey ?? '',
        variables: request.variables ?? {},
      });
      return ok({
        messageKey: correlated.key,
        processInstanceKey: correlated.processInstanceKey,
        tenantId: '<default>',
      });
    },
  },
];
