// bpmn-moddle 10 ships typings for its meta-model only (`bpmn-moddle/types`), not for its
// entry; this declares the part of the entry the parser uses.
declare module 'bpmn-moddle' {
  interface ParseResult {
    rootElement: unknown;
    warnings: { message: string }[];
  }
  interface Moddle {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
  /** Creates a moddle instance for BPMN plus the given extension packages. */
  export function BpmnModdle(packages?: Record<string, unknown>): Moddle;
}
