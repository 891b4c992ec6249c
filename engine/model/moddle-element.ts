/**
 * The slice of the bpmn-moddle object graph the model builder reads. bpmn-moddle's own typings
 * model every BPMN property; this narrow shape keeps the builder readable and type-checked.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly [property: string]: unknown;
}

/** Reads a property as a moddle element, if present. */
export function child(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as ModdleElement)
    : undefined;
}

/** Reads a property as a list of moddle elements (empty when absent). */
export function children(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** Reads a string property. */
export function text(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The `zeebe:*` extension element of a given type, if present. */
export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  const ext = child(element, 'extensionElements');
  return ext ? children(ext, 'values').find((value) => value.$type === type) : undefined;
}

/** The body of a formal expression property (`conditionExpression`, `timeDate`, ...). */
export function body(element: ModdleElement | undefined, property: string): string | undefined {
  const expression = element ? child(element, property) : undefined;
  return expression ? text(expression, 'body')?.trim() : undefined;
}
