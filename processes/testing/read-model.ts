import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

/** The folder that holds the models. */
export const PROCESSES_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A node of the bpmn-moddle object graph, read loosely (moddle has no entry typings). */
export interface ModdleNode {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly [property: string]: unknown;
}

/** One parsed model file. */
export interface ParsedModel {
  /** The file name, e.g. `foerderfall.bpmn`. */
  readonly file: string;
  readonly xml: string;
  readonly definitions: ModdleNode;
  /** What bpmn-moddle could not read (unknown elements, bad references). */
  readonly warnings: readonly string[];
}

interface ModdleCtor {
  new (packages: Record<string, unknown>): {
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  };
}

/** The `.bpmn` files in `processes/`, sorted. */
export function modelFiles(dir: string = PROCESSES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.bpmn'))
    .sort();
}

/**
 * Parses a model with bpmn-moddle and the Zeebe extension, as the engine and Camunda's modeler do.
 *
 * @example
 *   const { definitions, warnings } = await parseModel(join(PROCESSES_DIR, 'widerruf.bpmn'));
 */
export async function parseModel(path: string): Promise<ParsedModel> {
  // bpmn-moddle 10 exports its constructor by name only; read it loosely because the
  // project-wide ambient declaration of the module describes a default export.
  const { BpmnModdle } = (await import('bpmn-moddle')) as unknown as { BpmnModdle: ModdleCtor };
  const xml = readFileSync(path, 'utf8');
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  return {
    file: basename(path),
    xml,
    definitions: rootElement as ModdleNode,
    warnings: warnings.map((warning) => warning.message),
  };
}

/** Parses every model in `processes/`. */
export async function parseAllModels(dir: string = PROCESSES_DIR): Promise<ParsedModel[]> {
  return Promise.all(modelFiles(dir).map((file) => parseModel(join(dir, file))));
}
