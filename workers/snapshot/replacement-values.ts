/**
 * Synthetic values for `replace` rules: the shape of the original (a name, an e-mail address,
 * a street) but generated, never derived from it.
 */
import { randomBytes } from 'node:crypto';
import { fakerDE } from '@faker-js/faker';
import type { ReplacementKind } from '../../domain/index.js';

/** Generates replacement values; `label` numbers per table. */
export class ReplacementValues {
  private readonly labels = new Map<string, number>();

  /** A fresh value of `kind` for a column of `table`. */
  next(kind: ReplacementKind, table: string): string {
    switch (kind) {
      case 'fake-name':
        return fakerDE.person.lastName();
      case 'fake-organisation':
        return fakerDE.company.name();
      case 'fake-email':
        return `nutzer-${randomBytes(6).toString('hex')}@example.invalid`;
      case 'fake-phone':
        return `+49 30 ${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`;
      case 'fake-street':
        return fakerDE.location.street();
      case 'label': {
        const n = (this.labels.get(table) ?? 0) + 1;
        this.labels.set(table, n);
        return `${table} ${n}`;
      }
    }
  }
}
