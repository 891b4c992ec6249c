import type { QueryInterface } from 'sequelize';

/** One schema or reference-data migration; `name` is what the SequelizeMeta table records. */
export interface DomainMigration {
  name: string;
  up(queryInterface: QueryInterface): Promise<void>;
  down(queryInterface: QueryInterface): Promise<void>;
}
