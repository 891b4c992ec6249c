import { createRequire } from 'node:module';
import path from 'node:path';
import { loadPackageDefinition, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/**
 * The Zeebe gateway protocol as `@camunda8/sdk` ships it (`dist/proto/zeebe.proto`), loaded at run
 * time so the server and the clients always agree on one file. The options match the SDK's own
 * loader: field names as in the proto, int64 as decimal strings, enums as names, defaults filled.
 */
export function loadGatewayService(): ServiceDefinition {
  const require = createRequire(import.meta.url);
  const sdkRoot = path.dirname(require.resolve('@camunda8/sdk/package.json'));
  const definition = loadSync(path.join(sdkRoot, 'dist', 'proto', 'zeebe.proto'), {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const protocol = loadPackageDefinition(definition)['gateway_protocol'] as unknown as {
    Gateway: { service: ServiceDefinition };
  };
  return protocol.Gateway.service;
}
