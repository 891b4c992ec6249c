import type { ParsedResource } from '../../model/parse-resource.js';

/** Variables as a JSON object document. */
export type VariableDocument = Record<string, unknown>;

/**
 * Every command the core processes: the gateway's operations, plus those the scheduler issues
 * when time passes (timer due, job deadline, back-off over, message expired).
 */
export type EngineCommand =
  | { type: 'DEPLOY'; resources: readonly ParsedResource[] }
  | {
      type: 'CREATE_PROCESS_INSTANCE';
      bpmnProcessId?: string;
      processDefinitionKey?: number;
      version?: number;
      variables: VariableDocument;
      /** Start instructions: activate these elements instead of the none start event. */
      startElementIds?: readonly string[];
    }
  | { type: 'CANCEL_PROCESS_INSTANCE'; processInstanceKey: number }
  | {
      type: 'ACTIVATE_JOBS';
      jobType: string;
      worker: string;
      timeout: number;
      maxJobsToActivate: number;
      fetchVariable?: readonly string[];
    }
  | { type: 'COMPLETE_JOB'; jobKey: number; variables: VariableDocument }
  | {
      type: 'FAIL_JOB';
      jobKey: number;
      retries: number;
      retryBackOff: number;
      errorMessage: string;
      variables: VariableDocument;
    }
  | {
      type: 'THROW_ERROR';
      jobKey: number;
      errorCode: string;
      errorMessage: string;
      variables: VariableDocument;
    }
  | { type: 'UPDATE_JOB_RETRIES'; jobKey: number; retries: number }
  | { type: 'UPDATE_JOB_TIMEOUT'; jobKey: number; timeout: number }
  | { type: 'TIME_OUT_JOB'; jobKey: number }
  | { type: 'RECUR_JOB'; jobKey: number }
  | {
      type: 'PUBLISH_MESSAGE';
      name: string;
      correlationKey: string;
      timeToLive: number;
      messageId?: string;
      variables: VariableDocument;
    }
  | {
      type: 'CORRELATE_MESSAGE';
      name: string;
      correlationKey: string;
      variables: VariableDocument;
    }
  | { type: 'EXPIRE_MESSAGE'; messageKey: number }
  | { type: 'TRIGGER_TIMER'; timerKey: number }
  | {
      type: 'SET_VARIABLES';
      elementInstanceKey: number;
      variables: VariableDocument;
      local: boolean;
    }
  | { type: 'RESOLVE_INCIDENT'; incidentKey: number }
  | { type: 'BROADCAST_SIGNAL'; signalName: string; variables: VariableDocument }
  | {
      type: 'ASSIGN_USER_TASK';
      userTaskKey: number;
      assignee: string | null;
      allowOverride: boolean;
      action?: string;
    }
  | {
      type: 'COMPLETE_USER_TASK';
      userTaskKey: number;
      variables: VariableDocument;
      action?: string;
    };
