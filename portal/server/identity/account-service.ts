/**
 * Accounts of the embedded identity provider (table `konto`): login, self-registration with
 * e-mail verification, password reset. Mail is a dependency (`sendMail`); tokens travel only in
 * the links of those mails.
 */
import type { Database, Konto } from '../../../domain/index.js';
import { ConflictError } from '../http/portal-errors.js';
import type { RealmRole } from '../http/principal.js';
import { newToken, tokenHash } from './one-time-token.js';
import { hashPassword, verifyPassword, type ScryptCost } from './password-hash.js';

/** One outgoing e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail (the notify worker's mailer, or a test's capture). */
export type SendMail = (message: MailMessage) => Promise<void>;

/** What registration asks for. */
export interface Registration {
  email: string;
  vorname: string;
  nachname: string;
  password: string;
}

/** The minimum password length (BSI recommends long passphrases over composition rules). */
export const minPasswordLength = 10;

const hour = 3_600_000;

/** Account operations of the embedded provider. */
export interface AccountService {
  /** The account for a login, or undefined (unknown e-mail, wrong password, blocked). */
  authenticate(email: string, password: string): Promise<Konto | undefined>;
  /** Finds by id (the `sub`). */
  find(id: string): Promise<Konto | undefined>;
  /**
   * Creates an account. `verified` when the address is proven already (an invitation token sent
   * to it); otherwise a verification mail goes out and the account cannot log in until then.
   */
  register(
    registration: Registration,
    options: { verified: boolean; verifyUrl: (token: string) => string },
  ): Promise<Konto>;
  /** Marks the address verified; false for an unknown, used or expired token. */
  verifyEmail(token: string): Promise<boolean>;
  /** Sends a reset link if the address has an account; says nothing either way (no enumeration). */
  requestPasswordReset(email: string, resetUrl: (token: string) => string): Promise<void>;
  /** Sets a new password; false for an unknown, used or expired token. */
  resetPassword(token: string, password: string): Promise<boolean>;
  /** Creates or updates an account with a known password (demo users). */
  upsert(account: {
    email: string;
    password: string;
    vorname: string;
    nachname: string;
    roles: RealmRole[];
  }): Promise<Konto>;
}

/** The account service over the domain database. */
export function createAccountService(deps: {
  db: Database;
  sendMail: SendMail;
  scryptCost: ScryptCost;
  now?: () => Date;
}): AccountService {
  const { Konto, KontoToken } = deps.db.models;
  const now = deps.now ?? (() => new Date());
  const normalise = (email: string) => email.trim().toLowerCase();

  async function issue(
    kontoId: string,
    zweck: 'EMAIL_BESTAETIGUNG' | 'PASSWORT_RESET',
    ttlMs: number,
  ) {
    const { token, hash } = newToken();
    await KontoToken.create({
      kontoId,
      zweck,
      tokenHash: hash,
      gueltigBis: new Date(now().getTime() + ttlMs),
    });
    return token;
  }

  /** Redeems a token once: the conditional update makes a double click harmless. */
  async function redeem(token: string, zweck: 'EMAIL_BESTAETIGUNG' | 'PASSWORT_RESET') {
    const row = await KontoToken.findOne({ where: { tokenHash: tokenHash(token), zweck } });
    if (!row || row.verwendetAm || row.gueltigBis.getTime() < now().getTime()) return undefined;
    const [updated] = await KontoToken.update(
      { verwendetAm: now() },
      { where: { id: row.id, verwendetAm: null } },
    );
    return updated === 1 ? row.kontoId : undefined;
  }

  return {
    async authenticate(email, password) {
      const konto = await Konto.findOne({ where: { email: normalise(email) } });
      if (!konto) {
        // Spend the same time as a real check, so timing does not reveal which e-mails exist.
        await hashPassword(password, deps.scryptCost);
        return undefined;
      }
      const ok = await verifyPassword(password, konto.passwortHash);
      if (!ok || konto.gesperrtAm || !konto.emailBestaetigtAm) return undefined;
      return konto;
    },
    async find(id) {
      return (await Konto.findByPk(id)) ?? undefined;
    },
    async register(registration, options) {
      const email = normalise(registration.email);
      if (await Konto.findOne({ where: { email } }))
        throw new ConflictError(
          'ACCOUNT_EXISTS',
          'Für diese E-Mail-Adresse gibt es schon ein Konto',
        );
      const konto = await Konto.create({
        email,
        vorname: registration.vorname.trim(),
        nachname: registration.nachname.trim(),
        passwortHash: await hashPassword(registration.password, deps.scryptCost),
        rollen: ['applicant'],
        emailBestaetigtAm: options.verified ? now() : null,
      });
      if (!options.verified) {
        const token = await issue(konto.id, 'EMAIL_BESTAETIGUNG', 48 * hour);
        await deps.sendMail({
          to: email,
          subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
          text: `Guten Tag ${konto.vorname} ${konto.nachname},\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für das Förderportal:\n${options.verifyUrl(token)}\n\nDer Link ist 48 Stunden gültig.`,
        });
      }
      return konto;
    },
    async verifyEmail(token) {
      const kontoId = await redeem(token, 'EMAIL_BESTAETIGUNG');
      if (!kontoId) return false;
      await Konto.update({ emailBestaetigtAm: now() }, { where: { id: kontoId } });
      return true;
    },
    async requestPasswordReset(email, resetUrl) {
      const konto = await Konto.findOne({ where: { email: normalise(email) } });
      if (!konto || konto.gesperrtAm) return;
      const token = await issue(konto.id, 'PASSWORT_RESET', 2 * hour);
      await deps.sendMail({
        to: konto.email,
        subject: 'Passwort zurücksetzen',
        text: `Guten Tag,\n\nüber diesen Link können Sie ein neues Passwort für das Förderportal setzen:\n${resetUrl(token)}\n\nDer Link ist 2 Stunden gültig. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail.`,
      });
    },
    async resetPassword(token, password) {
      const kontoId = await redeem(token, 'PASSWORT_RESET');
      if (!kontoId) return false;
      // The reset link proves the address as well.
      const konto = await Konto.findByPk(kontoId);
      if (!konto) return false;
      konto.passwortHash = await hashPassword(password, deps.scryptCost);
      konto.emailBestaetigtAm ??= now();
      await konto.save();
      return true;
    },
    async upsert(account) {
      const email = normalise(account.email);
      const passwortHash = await hashPassword(account.password, deps.scryptCost);
      const existing = await Konto.findOne({ where: { email } });
      if (existing) {
        await existing.update({
          passwortHash,
          rollen: account.roles,
          emailBestaetigtAm: existing.emailBestaetigtAm ?? now(),
        });
        return existing;
      }
      return Konto.create({
        email,
        passwortHash,
        vorname: account.vorname,
        nachname: account.nachname,
        rollen: account.roles,
        emailBestaetigtAm: now(),
      });
    },
  };
}
