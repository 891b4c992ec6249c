/**
 * The embedded provider's own pages under `/oidc`: the login and registration steps of an
 * interaction, e-mail verification and password reset. Mounted before the provider itself.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import type { AccountService } from './account-service.js';
import { minPasswordLength } from './account-service.js';
import {
  loginPage,
  messagePage,
  registrationPage,
  resetPasswordPage,
  resetRequestPage,
} from './identity-pages.js';
import { ConflictError } from '../http/portal-errors.js';

/** Dependencies of the pages. */
export interface InteractionDeps {
  provider: () => Provider;
  accounts: AccountService;
  /** `<publicUrl>/oidc`, for links in mails. */
  issuer: () => string;
  /** The e-mail an open invitation was sent to, if the token is valid (proves the address). */
  invitationEmail: (token: string) => Promise<string | undefined>;
  /** The tight limiter for posts (login, registration, reset). */
  loginRateLimit: RequestHandler;
  formBody: RequestHandler;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The router; mount at `/oidc` before the provider. */
export function interactionRoutes(deps: InteractionDeps): Router {
  const router = express.Router();
  const wrap =
    (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
    (req, res, next) => {
      handler(req, res).catch(next);
    };
  const html = (res: Response, body: string, status = 200) =>
    res.status(status).type('html').send(body);
  const verifyUrl = (token: string) => `${deps.issuer()}/konto/bestaetigen/${token}`;
  const resetUrl = (token: string) => `${deps.issuer()}/konto/passwort-neu/${token}`;

  async function invitationOf(req: Request, res: Response) {
    const details = await deps.provider().interactionDetails(req, res);
    const invitation = str(details.params.einladung);
    const invitedEmail = invitation ? await deps.invitationEmail(invitation) : undefined;
    return { details, invitedEmail };
  }

  router.get(
    '/interaction/:uid',
    wrap(async (req, res) => {
      const provider = deps.provider();
      const details = await provider.interactionDetails(req, res);
      const uid = details.uid;
      if (details.prompt.name === 'login') {
        html(
          res,
          loginPage({
            action: `/oidc/interaction/${uid}/login`,
            email: str(details.params.login_hint),
            registerHref: `/oidc/interaction/${uid}/registrieren`,
            resetHref: '/oidc/konto/passwort-vergessen',
          }),
        );
        return;
      }
      // The portal is the platform's own first-party client: consent is given by using it.
      const accountId = details.session?.accountId;
      const clientId = str(details.params.client_id);
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId });
      if (!grant) throw new Error('grant vanished');
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(resource, scopes.join(' '));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }),
  );

  router.post(
    '/interaction/:uid/login',
    deps.loginRateLimit,
    deps.formBody,
    wrap(async (req, res) => {
      const provider = deps.provider();
      const details = await provider.interactionDetails(req, res);
      const email = str(req.body?.email);
      const konto = await deps.accounts.authenticate(email, str(req.body?.password));
      if (!konto) {
        html(
          res,
          loginPage({
            action: `/oidc/interaction/${details.uid}/login`,
            email,
            errors: [
              'E-Mail-Adresse oder Passwort ist falsch, oder die E-Mail-Adresse ist noch nicht bestätigt.',
            ],
            registerHref: `/oidc/interaction/${details.uid}/registrieren`,
            resetHref: '/oidc/konto/passwort-vergessen',
          }),
          401,
        );
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: konto.id } },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  router.get(
    '/interaction/:uid/registrieren',
    wrap(async (req, res) => {
      const { details, invitedEmail } = await invitationOf(req, res);
      html(
        res,
        registrationPage({
          action: `/oidc/interaction/${details.uid}/registrieren`,
          values: { email: invitedEmail ?? str(details.params.login_hint) },
          emailFixed: invitedEmail !== undefined,
          loginHref: `/oidc/interaction/${details.uid}`,
        }),
      );
    }),
  );

  router.post(
    '/interaction/:uid/registrieren',
    deps.loginRateLimit,
    deps.formBody,
    wrap(async (req, res) => {
      const { details, invitedEmail } = await invitationOf(req, res);
      const values = {
        email: invitedEmail ?? str(req.body?.email).trim(),
        vorname: str(req.body?.vorname).trim(),
        nachname: str(req.body?.nachname).trim(),
      };
      const password = str(req.body?.password);
      const errors: string[] = [];
      const invalid: string[] = [];
      const problem = (name: string, message: string) => {
        invalid.push(name);
        errors.push(message);
      };
      if (!values.vorname) problem('vorname', 'Vorname: bitte angeben.');
      if (!values.nachname) problem('nachname', 'Nachname: bitte angeben.');
      if (!emailPattern.test(values.email))
        problem('email', 'E-Mail-Adresse: bitte eine gültige Adresse angeben.');
      if (password.length < minPasswordLength)
        problem('password', `Passwort: mindestens ${minPasswordLength} Zeichen.`);
      else if (password !== str(req.body?.password2))
        problem('password2', 'Passwort wiederholen: stimmt nicht überein.');
      const again = (status: number) =>
        html(
          res,
          registrationPage({
            action: `/oidc/interaction/${details.uid}/registrieren`,
            values,
            emailFixed: invitedEmail !== undefined,
            errors,
            invalid,
            loginHref: `/oidc/interaction/${details.uid}`,
          }),
          status,
        );
      if (errors.length > 0) return void again(400);
      let kontoId: string;
      try {
        const konto = await deps.accounts.register(
          { ...values, password },
          { verified: invitedEmail !== undefined, verifyUrl },
        );
        kontoId = konto.id;
      } catch (error) {
        if (error instanceof ConflictError) {
          problem(
            'email',
            'E-Mail-Adresse: dafür gibt es schon ein Konto. Bitte melden Sie sich an oder setzen Sie Ihr Passwort zurück.',
          );
          return void again(409);
        }
        throw error;
      }
      if (invitedEmail !== undefined) {
        // The invitation link proved the address: the new account is logged in at once.
        await deps
          .provider()
          .interactionFinished(
            req,
            res,
            { login: { accountId: kontoId } },
            { mergeWithLastSubmission: false },
          );
        return;
      }
      html(
        res,
        messagePage(
          'Fast geschafft',
          `Wir haben eine E-Mail an ${values.email} geschickt. Bitte bestätigen Sie Ihre Adresse über den Link darin und melden Sie sich dann an.`,
        ),
      );
    }),
  );

  router.get(
    '/konto/bestaetigen/:token',
    wrap(async (req, res) => {
      const ok = await deps.accounts.verifyEmail(String(req.params.token));
      if (ok)
        html(
          res,
          messagePage('E-Mail-Adresse bestätigt', 'Vielen Dank. Sie können sich jetzt anmelden.', {
            href: '/auth/login',
            text: 'Zur Anmeldung',
          }),
        );
      else
        html(
          res,
          messagePage(
            'Link ungültig',
            'Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet.',
            { href: '/auth/login', text: 'Zur Anmeldung' },
          ),
          404,
        );
    }),
  );

  router.get('/konto/passwort-vergessen', (_req, res) => {
    html(res, resetRequestPage({ action: '/oidc/konto/passwort-vergessen' }));
  });

  router.post(
    '/konto/passwort-vergessen',
    deps.loginRateLimit,
    deps.formBody,
    wrap(async (req, res) => {
      const email = str(req.body?.email).trim();
      if (!emailPattern.test(email)) {
        html(
          res,
          resetRequestPage({
            action: '/oidc/konto/passwort-vergessen',
            errors: ['E-Mail-Adresse: bitte eine gültige Adresse angeben.'],
          }),
          400,
        );
        return;
      }
      await deps.accounts.requestPasswordReset(email, resetUrl);
      // The same answer whether or not the address has an account (no enumeration).
      html(
        res,
        messagePage(
          'E-Mail unterwegs',
          'Wenn es für diese Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen des Passworts geschickt.',
        ),
      );
    }),
  );

  router.get('/konto/passwort-neu/:token', (req, res) => {
    html(
      res,
      resetPasswordPage({
        action: `/oidc/konto/passwort-neu/${encodeURIComponent(String(req.params.token))}`,
      }),
    );
  });

  router.post(
    '/konto/passwort-neu/:token',
    deps.loginRateLimit,
    deps.formBody,
    wrap(async (req, res) => {
      const action = `/oidc/konto/passwort-neu/${encodeURIComponent(String(req.params.token))}`;
      const password = str(req.body?.password);
      if (password.length < minPasswordLength || password !== str(req.body?.password2)) {
        const message =
          password.length < minPasswordLength
            ? `Neues Passwort: mindestens ${minPasswordLength} Zeichen.`
            : 'Passwort wiederholen: stimmt nicht überein.';
        html(res, resetPasswordPage({ action, errors: [message] }), 400);
        return;
      }
      const ok = await deps.accounts.resetPassword(String(req.params.token), password);
      if (ok)
        html(
          res,
          messagePage('Passwort gespeichert', 'Ihr neues Passwort ist gespeichert.', {
            href: '/auth/login',
            text: 'Zur Anmeldung',
          }),
        );
      else
        html(
          res,
          messagePage(
            'Link ungültig',
            'Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet.',
            { href: '/oidc/konto/passwort-vergessen', text: 'Neuen Link anfordern' },
          ),
          404,
        );
    }),
  );

  return router;
}
