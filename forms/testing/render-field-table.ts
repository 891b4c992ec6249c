type Schema = Record<string, unknown>;

/**
 * Renders a form schema as a Markdown table of its fields for `docs/processes.md`: path, German
 * label, type and the rules the schema enforces. Conditional requirements (`if`/`then`) are
 * listed as "Pflicht, wenn ...".
 *
 * @example
 *   fieldTable(readFormFile('standort', 'schema'));
 */
export function fieldTable(schema: Schema): string {
  const rows = ['| Feld | Bezeichnung | Typ | Pflicht | Regeln |', '|---|---|---|---|---|'];
  collect(schema, '', rows);
  return rows.join('\n');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function options(schema: Schema): string[] | undefined {
  const list = (schema['oneOf'] ?? (schema['items'] as Schema | undefined)?.['anyOf']) as
    Schema[] | undefined;
  return list?.every((option) => 'const' in option)
    ? list.map((option) =>
        option['const'] === option['title']
          ? String(option['const'])
          : `${String(option['const'])} (${String(option['title'])})`,
      )
    : undefined;
}

function typeOf(schema: Schema): string {
  const type = String(schema['type'] ?? '');
  if (schema['format']) return `${type} (${String(schema['format'])})`;
  if (type === 'array' && options(schema)) return 'Mehrfachauswahl';
  if (options(schema)) return 'Auswahl';
  if (type === 'array') return 'Liste';
  return type;
}

function rules(schema: Schema): string {
  const parts: string[] = [];
  const choices = options(schema);
  if (choices) parts.push(choices.join(', '));
  if (schema['const'] === true) parts.push('muss bestätigt werden');
  if (schema['pattern']) parts.push(`Muster \`${String(schema['pattern'])}\``);
  const limits: [string, (value: unknown) => string][] = [
    ['minimum', (v) => `≥ ${String(v)}`],
    ['exclusiveMinimum', (v) => `> ${String(v)}`],
    ['maximum', (v) => `≤ ${String(v)}`],
    ['minLength', (v) => `mind. ${String(v)} Zeichen`],
    ['maxLength', (v) => `höchstens ${String(v)} Zeichen`],
    ['minItems', (v) => `mind. ${String(v)} Einträge`],
    ['maxItems', (v) => `höchstens ${String(v)} Einträge`],
  ];
  for (const [key, describe] of limits) {
    if (schema[key] !== undefined && !(key === 'maxLength' && schema['format'])) {
      parts.push(describe(schema[key]));
    }
  }
  return parts.join('; ');
}

/** `then.required` of each `if` in `allOf`, as field -> condition text. */
function conditionalRequired(schema: Schema): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of (schema['allOf'] as Schema[] | undefined) ?? []) {
    const condition = rule['if'] as Schema | undefined;
    const then = rule['then'] as Schema | undefined;
    if (!condition || !then) continue;
    const text = Object.entries((condition['properties'] ?? {}) as Record<string, Schema>)
      .map(([field, test]) => {
        if ('const' in test) return `${field} = ${JSON.stringify(test['const'])}`;
        const contains = test['contains'] as Schema | undefined;
        if (contains) return `${field} enthält ${JSON.stringify(contains['const'])}`;
        if (test['exclusiveMaximum'] !== undefined)
          return `${field} < ${String(test['exclusiveMaximum'])}`;
        return `${field} angegeben`;
      })
      .join(' und ');
    for (const field of (then['required'] as string[] | undefined) ?? []) result.set(field, text);
  }
  return result;
}

function collect(schema: Schema, prefix: string, rows: string[]): void {
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const conditional = conditionalRequired(schema);
  for (const [name, child] of Object.entries(
    (schema['properties'] ?? {}) as Record<string, Schema>,
  )) {
    const path = prefix ? `${prefix}/${name}` : name;
    const when = conditional.get(name);
    const mandatory = required.has(name) ? 'ja' : when ? `wenn ${when}` : 'nein';
    rows.push(
      `| \`${path}\` | ${cell(String(child['title'] ?? ''))} | ${typeOf(child)} | ${cell(mandatory)} | ${cell(rules(child))} |`,
    );
    const items = child['items'] as Schema | undefined;
    if (child['properties']) collect(child, path, rows);
    else if (items?.['properties']) collect(items, `${path}/*`, rows);
    else if (items && !options(child)) {
      rows.push(
        `| \`${path}/*\` | ${cell(String(items['title'] ?? ''))} | ${typeOf(items)} | – | ${cell(rules(items))} |`,
      );
    }
  }
}
