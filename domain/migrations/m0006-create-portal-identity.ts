import { DataTypes } from 'sequelize';
import type { DomainMigration } from './domain-migration.js';
import {
  createTable,
  enumText,
  id,
  index,
  reference,
  text,
  timestamp,
  timestamps,
} from './migration-columns.js';

/**
 * The portal's identity tables: `konto` (accounts of the embedded identity provider),
 * `konto_token` (e-mail verification and password reset, stored as hashes), `sitzung`
 * (browser sessions, stored by the hash of the cookie value) and `einladung` (invitations to a
 * Förderfall, stored by the hash of the token in the link).
 */
export const createPortalIdentity: DomainMigration = {
  name: 'm0006-create-portal-identity',
  async up(qi) {
    await createTable(qi, 'konto', {
      id: id(),
      email: text(254, false),
      passwortHash: text(255, false),
      vorname: text(128),
      nachname: text(128),
      rollen: { type: DataTypes.TEXT, allowNull: false },
      emailBestaetigtAm: timestamp(true),
      gesperrtAm: timestamp(true),
      ...timestamps(),
    });
    await index(qi, 'konto', 'konto_email_uq', ['email'], true);

    await createTable(qi, 'konto_token', {
      id: id(),
      kontoId: reference('konto', false, 'CASCADE'),
      zweck: enumText(),
      tokenHash: text(64, false),
      gueltigBis: timestamp(),
      verwendetAm: timestamp(true),
      ...timestamps(),
    });
    await index(qi, 'konto_token', 'konto_token_hash_uq', ['tokenHash'], true);
    await index(qi, 'konto_token', 'konto_token_konto_idx', ['kontoId']);

    await createTable(qi, 'sitzung', {
      id: id(),
      tokenHash: text(64, false),
      status: enumText(),
      subjekt: text(255),
      email: text(254),
      name: text(255),
      rollen: { type: DataTypes.TEXT, allowNull: true },
      anmeldung: { type: DataTypes.TEXT, allowNull: true },
      idToken: { type: DataTypes.TEXT, allowNull: true },
      gueltigBis: timestamp(),
      ...timestamps(),
    });
    await index(qi, 'sitzung', 'sitzung_token_hash_uq', ['tokenHash'], true);
    await index(qi, 'sitzung', 'sitzung_subjekt_idx', ['subjekt']);
    await index(qi, 'sitzung', 'sitzung_gueltig_bis_idx', ['gueltigBis']);

    await createTable(qi, 'einladung', {
      id: id(),
      foerderfallId: reference('foerderfall', false, 'CASCADE'),
      email: text(254, false),
      rolle: enumText(),
      tokenHash: text(64, false),
      gueltigBis: timestamp(),
      eingeloestAm: timestamp(true),
      eingeloestVonPersonId: reference('person', true, 'SET NULL'),
      erstelltVonPersonId: reference('person', true, 'SET NULL'),
      widerrufenAm: timestamp(true),
      ...timestamps(),
    });
    await index(qi, 'einladung', 'einladung_token_hash_uq', ['tokenHash'], true);
    await index(qi, 'einladung', 'einladung_foerderfall_idx', ['foerderfallId']);
    await index(qi, 'einladung', 'einladung_eingeloest_von_idx', ['eingeloestVonPersonId']);
    await index(qi, 'einladung', 'einladung_erstellt_von_idx', ['erstelltVonPersonId']);
  },
  async down(qi) {
    await qi.dropTable('einladung');
    await qi.dropTable('sitzung');
    await qi.dropTable('konto_token');
    await qi.dropTable('konto');
  },
};
