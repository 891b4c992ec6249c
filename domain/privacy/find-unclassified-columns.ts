import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import { isColumnPrivacy, type ColumnPrivacy } from './column-privacy.js';

/** What the check needs of a model class: its table and its attribute definitions. */
export interface ModelLike {
  readonly tableName: string;
  getAttributes(): object;
}
/** Model classes as a list or keyed by name (like `db.models`). */
export type ModelSet<T> = Iterable<ModelLike> | { [K in keyof T]: ModelLike };

/** One stored column with its classification (undefined when it has none). */
export interface ClassifiedColumn {
  table: string;
  column: string;
  attribute: string;
  privacy: ColumnPrivacy | undefined;
}

/**
 * Every stored column of the given models with its declared classification. Virtual
 * attributes are not stored and are skipped.
 */
export function listColumns<T>(models: ModelSet<T>): ClassifiedColumn[] {
  const list: ModelLike[] =
    Symbol.iterator in models
      ? [...(models as Iterable<ModelLike>)]
      : (Object.values(models) as ModelLike[]);
  return list.flatMap((model) =>
    Object.entries(model.getAttributes() as Record<string, ModelAttributeColumnOptions>)
      .filter(([, attribute]) => !(attribute.type instanceof DataTypes.VIRTUAL))
      .map(([name, attribute]) => ({
        table: model.tableName,
        column: attribute.field ?? name,
        attribute: name,
        privacy: isColumnPrivacy(attribute.privacy) ? attribute.privacy : undefined,
      })),
  );
}

/**
 * Names (`table.column`) of every stored column without a complete personal-data
 * classification. An empty list means a snapshot can treat every column deliberately.
 *
 * @example
 *   findUnclassifiedColumns(db.models) // [] or ['foerderfall.bemerkung']
 */
export function findUnclassifiedColumns<T>(models: ModelSet<T>): string[] {
  return listColumns(models)
    .filter((column) => column.privacy === undefined)
    .map((column) => `${column.table}.${column.column}`);
}
