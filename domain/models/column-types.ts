/**
 * Column definitions that behave the same on SQLite and MySQL/MariaDB. Each helper takes the
 * column's personal-data classification, so no column can be declared without one by accident.
 */
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import {
  direct,
  quasi,
  generalise,
  surrogateKey,
  type ColumnPrivacy,
} from '../privacy/column-privacy.js';

type Column = ModelAttributeColumnOptions;
type Getter = { getDataValue(key: string): unknown };
type Setter = Getter & { setDataValue(key: string, value: unknown): void };

/** UUID primary key, generated in the application (never by the database). */
export function uuidPrimaryKey(privacy: ColumnPrivacy = direct(surrogateKey())): Column {
  return {
    type: DataTypes.UUID,
    primaryKey: true,
    allowNull: false,
    defaultValue: DataTypes.UUIDV4,
    privacy,
  };
}

/** A UUID reference to another table; the constraint itself lives in the migrations. */
export function uuidReference(
  allowNull: boolean,
  privacy: ColumnPrivacy = direct(surrogateKey()),
): Column {
  return { type: DataTypes.UUID, allowNull, privacy };
}

/**
 * Row timestamps in UTC. Declared explicitly so that they are classified like any other column.
 * @default quasi, generalised to the month
 */
export function timestamps(privacy: ColumnPrivacy = quasi(generalise('date-to-month'))): {
  createdAt: Column;
  updatedAt: Column;
} {
  return {
    createdAt: { type: DataTypes.DATE, allowNull: false, privacy },
    updatedAt: { type: DataTypes.DATE, allowNull: false, privacy },
  };
}

/**
 * An exact decimal (money, kWh, kW, coordinates), read back as a string with a fixed number of
 * decimals on both databases ("45000.00"): MySQL returns DECIMAL as a string already, SQLite as
 * a number, which this getter formats. Values within DECIMAL(12,2) (and the other precisions
 * used here, at most 15 significant digits) survive the double exactly.
 */
export function decimal(
  attribute: string,
  precision: number,
  scale: number,
  allowNull: boolean,
  privacy: ColumnPrivacy,
): Column {
  return {
    type: DataTypes.DECIMAL(precision, scale),
    allowNull,
    privacy,
    validate: { isDecimal: { msg: `${attribute} must be a decimal number` } },
    get(this: Getter) {
      const value = this.getDataValue(attribute);
      return value === null || value === undefined ? value : Number(value).toFixed(scale);
    },
  };
}

/** Money in EUR as DECIMAL(12,2), read back as a string like "45000.00". */
export function money(attribute: string, allowNull: boolean, privacy: ColumnPrivacy): Column {
  return decimal(attribute, 12, 2, allowNull, privacy);
}

/**
 * An enumeration stored as a plain string: the allowed values are checked by the model, not by
 * a database CHECK or ENUM, so a new value needs no schema change.
 */
export function enumString(
  attribute: string,
  values: readonly string[],
  allowNull: boolean,
  privacy: ColumnPrivacy,
): Column {
  return {
    type: DataTypes.STRING(32),
    allowNull,
    privacy,
    validate: {
      isIn: { args: [values as string[]], msg: `${attribute} must be one of ${values.join(', ')}` },
    },
  };
}

/**
 * A JSON value kept in a TEXT column (portable: MariaDB's JSON is LONGTEXT and mysql2 hands it
 * back as a string, SQLite has no JSON type). Parsed on read, serialised on write.
 */
export function jsonText(attribute: string, allowNull: boolean, privacy: ColumnPrivacy): Column {
  return {
    type: DataTypes.TEXT,
    allowNull,
    privacy,
    get(this: Getter) {
      const raw = this.getDataValue(attribute);
      return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    },
    set(this: Setter, value: unknown) {
      this.setDataValue(
        attribute,
        value === null || value === undefined ? value : JSON.stringify(value),
      );
    },
  };
}

/** A German postcode: five digits, kept as text so leading zeros survive. */
export const plzPattern = /^\d{5}$/;
/** The official municipality key (Amtlicher Gemeindeschlüssel): eight digits. */
export const agsPattern = /^\d{8}$/;

/** Postcode column (quasi-identifier, generalised to two digits in snapshots). */
export function plzColumn(): Column {
  return {
    type: DataTypes.STRING(5),
    allowNull: true,
    privacy: quasi(generalise('plz-2-digits')),
    validate: { is: { args: plzPattern, msg: 'plz must be five digits' } },
  };
}

/** Municipality key column (quasi-identifier, generalised to the district in snapshots). */
export function agsColumn(): Column {
  return {
    type: DataTypes.STRING(8),
    allowNull: true,
    privacy: quasi(generalise('ags-to-district')),
    validate: { is: { args: agsPattern, msg: 'ags must be eight digits' } },
  };
}
