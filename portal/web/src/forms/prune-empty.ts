/**
 * Removes sections nobody filled in: objects whose every value is empty (`{}`, `{ name: undefined
 * }`), recursively. rjsf keeps an empty object for an optional section it has drawn (the
 * "Betreiber" shown only when it differs); sent as is, the section's required fields would block
 * the step although the person was never asked for it.
 */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .map(([key, child]) => [key, pruneEmpty(child)] as const)
    .filter(([, child]) => child !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** `pruneEmpty` for a whole form's data (always an object). */
export function pruneFormData(data: Record<string, unknown>): Record<string, unknown> {
  return (pruneEmpty(data) as Record<string, unknown> | undefined) ?? {};
}
