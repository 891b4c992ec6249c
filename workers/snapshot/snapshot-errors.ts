/** The failure modes of a snapshot, one class each with a stable `code`. */

/**
 * The live schema has columns (or whole tables) the classification does not cover; nothing was
 * written. `columns` names each one as `table.column`.
 */
export class UnclassifiedColumnsError extends Error {
  readonly code = 'SNAPSHOT_UNCLASSIFIED_COLUMNS';
  constructor(readonly columns: string[]) {
    super(
      `refusing to write a snapshot: ${columns.length} column(s) of the database have no ` +
        `personal-data classification: ${columns.join(', ')}`,
    );
    this.name = 'UnclassifiedColumnsError';
  }
}

/**
 * A foreign key and the key it references are classified with different rules (one a surrogate
 * key, the other kept), so the snapshot could not keep them joinable without leaking real ids.
 */
export class KeyRuleConflictError extends Error {
  readonly code = 'SNAPSHOT_KEY_RULE_CONFLICT';
  constructor(readonly conflicts: string[]) {
    super(`refusing to write a snapshot: key rules disagree: ${conflicts.join('; ')}`);
    this.name = 'KeyRuleConflictError';
  }
}

/** A job variable or option is malformed (names the field). */
export class SnapshotInputError extends Error {
  readonly code = 'SNAPSHOT_INPUT_INVALID';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'SnapshotInputError';
  }
}

/** Writing the dump or the manifest to storage failed; temporary objects were removed. */
export class SnapshotWriteError extends Error {
  readonly code = 'SNAPSHOT_WRITE_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SnapshotWriteError';
  }
}
