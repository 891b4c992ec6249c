import type { handleUnaryCall, Metadata, sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { toGrpcError } from './gateway-errors.js';

/** Checks a call's credentials; returns a refusal message, or null when the call may proceed. */
export type Authorizer = (metadata: Metadata) => string | null;

/** Allows every call (loopback without a token). */
export const allowAll: Authorizer = () => null;

/** Requires `authorization: Bearer <token>` on every call. */
export function bearerToken(token: string): Authorizer {
  const expected = `Bearer ${token}`;
  return (metadata) => {
    const [value] = metadata.get('authorization');
    return value === expected ? null : 'Missing or wrong bearer token in the authorization header';
  };
}

/** What every RPC handler is wrapped with: who may call, and where unexpected failures are reported. */
export interface RpcGuard {
  authorize: Authorizer;
  /** Called with errors that are not business errors (answered INTERNAL): bugs to look at. */
  onInternalError: (error: unknown) => void;
}

/**
 * Wraps an async unary handler: authorises, runs it, and answers with its result or with the
 * status its error maps to. A handler that throws never crashes the server.
 */
export function unaryRpc<Req, Res>(
  guard: RpcGuard,
  handler: (request: Req, call: ServerUnaryCall<Req, Res>) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const refusal = guard.authorize(call.metadata);
    if (refusal !== null) {
      callback({ code: status.UNAUTHENTICATED, details: refusal });
      return;
    }
    handler(call.request, call).then(
      (response) => callback(null, response),
      (error: unknown) => {
        const answer = toGrpcError(error);
        if (answer.code === status.INTERNAL) guard.onInternalError(error);
        callback(answer);
      },
    );
  };
}
