/**
 * The part of the engine the portal server uses through `@camunda8/sdk`: cluster topology (for
 * `/readyz`) and message publication (e.g. `applicant-registered`). Narrow on purpose, so tests
 * can stand in for it and the portal never touches `engine/`.
 */
import { Camunda8 } from '@camunda8/sdk';

/** A message to publish, correlated by key (the `caseId` for case messages). */
export interface EngineMessage {
  name: string;
  correlationKey: string;
  variables?: Record<string, unknown>;
  /** Makes a retried publication harmless: the engine rejects a duplicate id while buffered. */
  messageId?: string;
  /** @default 1 hour */
  timeToLiveMs?: number;
}

/** The engine as the portal sees it. */
export interface EngineClient {
  /** Resolves when the gateway answers; rejects otherwise. */
  topology(): Promise<unknown>;
  publishMessage(message: EngineMessage): Promise<void>;
  close(): Promise<void>;
}

/** SDK configuration (`ZEEBE_GRPC_ADDRESS`, `CAMUNDA_AUTH_STRATEGY`, ... as an object). */
export type SdkConfiguration = ConstructorParameters<typeof Camunda8>[0];

/** An engine client over the SDK's gRPC client; connects lazily on first use. */
export function createSdkEngineClient(configuration: SdkConfiguration): EngineClient {
  let sdk: Camunda8 | undefined;
  let grpc: ReturnType<Camunda8['getZeebeGrpcApiClient']> | undefined;
  const zeebe = () => {
    sdk ??= new Camunda8(configuration);
    grpc ??= sdk.getZeebeGrpcApiClient();
    return grpc;
  };
  return {
    topology: () => zeebe().topology(),
    async publishMessage(message) {
      await zeebe().publishMessage({
        name: message.name,
        correlationKey: message.correlationKey,
        variables: (message.variables ?? {}) as never,
        messageId: message.messageId,
        timeToLive: message.timeToLiveMs ?? 3_600_000,
      });
    },
    async close() {
      await grpc?.close();
    },
  };
}
