import type { Model, ModelStatic } from 'sequelize';
import type { DomainModels } from './domain-models.js';

/** A foreign key as the models declare it (every `belongsTo`, with its delete rule). */
export interface ForeignKeyDeclaration {
  table: string;
  column: string;
  references: string;
  onDelete: string;
}

/** Every foreign key the models declare, in model order. */
export function listForeignKeys(models: DomainModels): ForeignKeyDeclaration[] {
  return (Object.values(models) as ModelStatic<Model>[]).flatMap((model) =>
    Object.values(model.associations)
      .filter((association) => association.associationType === 'BelongsTo')
      .map((association) => ({
        table: model.tableName,
        column: association.foreignKey,
        references: association.target.tableName,
        onDelete: String(
          (association as unknown as { options: { onDelete?: string } }).options.onDelete ??
            'NO ACTION',
        ),
      })),
  );
}
