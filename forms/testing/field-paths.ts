type Schema = Record<string, unknown>;

/**
 * Every data field of a form schema as a path (`anschrift/plz`, `ladesaeulengruppen/*\/modell`),
 * the key format of `forms/i18n/en.json`. Array items are `*`; arrays of choices are one field.
 */
export function fieldPaths(schema: Schema, prefix = ''): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  return Object.entries(properties).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}/${name}` : name;
    const items = child['items'] as Schema | undefined;
    if (child['properties']) return [path, ...fieldPaths(child, path)];
    // an array of choices is one field (its options are labelled), any other array has items
    if (!items || items['anyOf']) return [path];
    return [path, `${path}/*`, ...fieldPaths(items, `${path}/*`)];
  });
}

/** Every data field of a form schema with its schema, by the paths of {@link fieldPaths}. */
export function fieldSchemas(schema: Schema, prefix = ''): [string, Schema][] {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  return Object.entries(properties).flatMap(([name, child]): [string, Schema][] => {
    const path = prefix ? `${prefix}/${name}` : name;
    const items = child['items'] as Schema | undefined;
    if (child['properties']) return [[path, child], ...fieldSchemas(child, path)];
    if (!items || items['anyOf']) return [[path, child]];
    return [[path, child], [`${path}/*`, items], ...fieldSchemas(items, `${path}/*`)];
  });
}

/** The field paths a uiSchema styles (its keys that are not `ui:` options; `items` is `*`). */
export function uiPaths(ui: Schema, prefix = ''): string[] {
  return Object.entries(ui).flatMap(([key, value]) => {
    if (key.startsWith('ui:') || !value || typeof value !== 'object') return [];
    const path = key === 'items' ? `${prefix}/*` : prefix ? `${prefix}/${key}` : key;
    return [path, ...uiPaths(value as Schema, path)];
  });
}
