import { createHash } from 'node:crypto';
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import type { ExpressionLanguage } from '../core/expression/expression-language.js';
import type { TimeLanguage } from '../core/time/time-language.js';
import { buildProcess, type BuildProblem } from './build-process.js';
import { DeploymentError, type DeploymentProblem } from './deployment-error.js';
import type { ExecutableProcess } from './executable-model.js';
import { children, type ModdleElement } from './moddle-element.js';
import { validateProcess } from './validate-process.js';

/**
 * The largest resource a deployment may carry, in bytes. Zeebe's default message limit is 4 MB;
 * the largest real models are a few hundred KB, so anything bigger is a mistake or an attack.
 */
export const MAX_RESOURCE_BYTES = 4 * 1024 * 1024;

/** How many characters of the offending text a parser message keeps. */
const EXCERPT_CHARACTERS = 80;

/** A deployable resource as the gateway receives it. */
export interface Resource {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** One parsed BPMN resource: its executable processes and the checksum that versions them. */
export interface ParsedResource {
  readonly name: string;
  readonly xml: string;
  readonly checksum: string;
  readonly processes: readonly { process: ExecutableProcess; checksum: string }[];
}

/**
 * Parses and validates resources of one deployment. Throws one DeploymentError listing every
 * problem of every resource; returns the executable processes otherwise. With `lenient`
 * (loading what was deployed before) problems are reported to the callback instead.
 *
 * @example
 *   const parsed = await parseResources([{ name: 'order.bpmn', content: xml }], feel, time);
 */
export async function parseResources(
  resources: readonly Resource[],
  feel: ExpressionLanguage,
  time: TimeLanguage,
  options: { lenient?: (problems: readonly DeploymentProblem[]) => void } = {},
): Promise<ParsedResource[]> {
  const problems: DeploymentProblem[] = [];
  const parsed: ParsedResource[] = [];
  if (resources.length === 0)
    problems.push({ resourceName: '', message: 'a deployment needs at least one resource' });
  const seen = new Set<string>();
  for (const resource of resources) {
    const resourceProblems: BuildProblem[] = [];
    const result = await parseResource(resource, feel, time, resourceProblems);
    for (const problem of resourceProblems)
      problems.push({ resourceName: resource.name, ...problem });
    if (!result) continue;
    for (const { process } of result.processes) {
      if (seen.has(process.bpmnProcessId)) {
        problems.push({
          resourceName: resource.name,
          elementId: process.bpmnProcessId,
          message: 'the process id is deployed twice in this deployment',
        });
      }
      seen.add(process.bpmnProcessId);
    }
    parsed.push(result);
  }
  if (problems.length > 0) {
    // Already deployed models are loaded leniently: rules added later must not stop the
    // engine from resuming instances that were started under the old rules.
    if (options.lenient) options.lenient(problems);
    else throw new DeploymentError(problems);
  }
  return parsed;
}

async function parseResource(
  resource: Resource,
  feel: ExpressionLanguage,
  time: TimeLanguage,
  problems: BuildProblem[],
): Promise<ParsedResource | undefined> {
  if (!resource.name.endsWith('.bpmn') && !resource.name.endsWith('.xml')) {
    problems.push({ message: 'only BPMN resources (.bpmn) are supported' });
    return undefined;
  }
  const size =
    typeof resource.content === 'string'
      ? Buffer.byteLength(resource.content)
      : resource.content.byteLength;
  if (size > MAX_RESOURCE_BYTES) {
    problems.push({
      message: `the resource has ${formatCount(size)} bytes, more than the ${formatCount(MAX_RESOURCE_BYTES)} a resource may have`,
    });
    return undefined;
  }
  const xml =
    typeof resource.content === 'string'
      ? resource.content
      : Buffer.from(resource.content).toString('utf8');
  const moddle = BpmnModdle({ zeebe: zeebeSchema });
  let definitions: ModdleElement;
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    for (const warning of warnings)
      problems.push({ message: `XML problem: ${shortenParserMessage(warning.message)}` });
    definitions = rootElement as unknown as ModdleElement;
  } catch (cause) {
    problems.push({
      message: `not a BPMN document: ${shortenParserMessage(cause instanceof Error ? cause.message : String(cause))}`,
    });
    return undefined;
  }
  const processElements = children(definitions, 'rootElements').filter(
    (element) => element.$type === 'bpmn:Process' && element.isExecutable === true,
  );
  if (processElements.length === 0)
    problems.push({ message: 'the resource contains no executable process (isExecutable="true")' });
  const checksum = sha256(xml);
  const processes = processElements.map((element) => {
    const process = buildProcess(element, problems);
    validateProcess(process, feel, time, problems);
    return { process, checksum };
  });
  return { name: resource.name, xml, checksum, processes };
}

/**
 * The XML parser (saxen, inside bpmn-moddle) repeats the whole unparsable text in its message:
 * 32 KB of garbage made a 32 KB error answer, more than a gRPC status may carry. Keeps a short
 * excerpt and the text's length; line, column and the nested error stay.
 */
export function shortenParserMessage(message: string): string {
  const match = /^unparsable content ([\s\S]*) detected(\n\tline:[\s\S]*)?$/.exec(message);
  if (!match) return excerpt(message, 1000);
  const [, content = '', position = ''] = match;
  return `unparsable content ${excerpt(content, EXCERPT_CHARACTERS)} detected${position}`;
}

function excerpt(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${formatCount(text.length)} characters)`;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
