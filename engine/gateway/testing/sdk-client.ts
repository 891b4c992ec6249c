import { Camunda8 } from '@camunda8/sdk';
import {
  credentials,
  makeGenericClientConstructor,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadGatewayService } from '../gateway-proto.js';

/**
 * The real `@camunda8/sdk` gRPC client pointed at a gateway on loopback, configured as the
 * README tells users to: `grpc://` (plaintext) and no authentication. Quiet, and without
 * endless retries, so a wrong status fails the test instead of hanging it.
 */
export function sdkClient(port: number, options: { token?: string; trustedCert?: string } = {}) {
  return new Camunda8({
    // grpcs:// is TLS; the test certificate is trusted explicitly, as a private CA would be.
    ZEEBE_GRPC_ADDRESS: `${options.trustedCert ? 'grpcs' : 'grpc'}://127.0.0.1:${port}`,
    ...(options.token
      ? { CAMUNDA_AUTH_STRATEGY: 'BEARER' as const, CAMUNDA_OAUTH_TOKEN: options.token }
      : { CAMUNDA_AUTH_STRATEGY: 'NONE' as const }),
    ...(options.trustedCert ? { CAMUNDA_CUSTOM_ROOT_CERT_STRING: options.trustedCert } : {}),
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  }).getZeebeGrpcApiClient();
}

/** A bare grpc-js client of the gateway service, to send requests the SDK would never build. */
export function rawClient(port: number): Client & Record<string, (...args: unknown[]) => unknown> {
  const Constructor = makeGenericClientConstructor(loadGatewayService(), 'Gateway');
  return new Constructor(`127.0.0.1:${port}`, credentials.createInsecure()) as never;
}

/** Calls a unary RPC of the raw client; resolves with the response or the gRPC error. */
export function rawCall(
  client: ReturnType<typeof rawClient>,
  rpc: string,
  request: object,
): Promise<{ response?: unknown; error?: ServiceError }> {
  return new Promise((resolve) => {
    client[rpc]!(request, (error: ServiceError | null, response: unknown) =>
      resolve(error ? { error } : { response }),
    );
  });
}
