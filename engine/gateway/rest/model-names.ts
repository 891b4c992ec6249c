import { BpmnModdle } from 'bpmn-moddle';

/** Names in one deployed model: the process's and each element's (by element id). */
export interface ModelNames {
  readonly processName: string | undefined;
  elementName(elementId: string): string | undefined;
}

/**
 * Names of processes and elements, read from the deployed XML once per process definition
 * (deployed models never change). Camunda 8.8 answers `processDefinitionName` and
 * `elementName` in its searches; the engine's state tables do not keep them.
 */
export class ModelNameCache {
  private readonly cache = new Map<string, Promise<ModelNames>>();
  private readonly moddle = BpmnModdle();

  constructor(private readonly xmlOf: (processDefinitionKey: string) => string | undefined) {}

  /** The names of a process definition's model (empty when its XML is unknown). */
  names(processDefinitionKey: string, processDefinitionId: string): Promise<ModelNames> {
    let entry = this.cache.get(processDefinitionKey);
    if (!entry) {
      entry = this.load(processDefinitionKey, processDefinitionId);
      this.cache.set(processDefinitionKey, entry);
    }
    return entry;
  }

  private async load(key: string, processId: string): Promise<ModelNames> {
    const xml = this.xmlOf(key);
    if (!xml) return { processName: undefined, elementName: () => undefined };
    // fromXML's context lists every element by id; only the names are kept
    const parsed = (await this.moddle.fromXML(xml, 'bpmn:Definitions')) as unknown as {
      elementsById?: Record<string, { name?: string }>;
    };
    const names = new Map<string, string>();
    for (const [id, element] of Object.entries(parsed.elementsById ?? {})) {
      if (typeof element.name === 'string' && element.name) names.set(id, element.name);
    }
    return { processName: names.get(processId), elementName: (id) => names.get(id) };
  }
}
