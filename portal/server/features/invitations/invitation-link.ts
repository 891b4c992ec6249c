/**
 * The page behind the link in an invitation mail, `GET /einladung/<token>`. Not logged in: off
 * to the login, with the e-mail as login hint and the token, so the registration page can
 * prefill the address and treat it as verified. Logged in: a page with one button that posts
 * the acceptance (a state change never happens on a GET).
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { messagePage } from '../../identity/identity-pages.js';
import { acceptInvitationPage } from './invitation-pages.js';
import type { Principal } from '../../http/principal.js';
import type { InvitationService } from './service.js';

/** The router; mount at the root. */
export function invitationLinkRoutes(deps: {
  invitations: InvitationService;
  resolvePrincipal: (req: Request) => Promise<Principal | undefined>;
  checkSameOrigin: (req: Request) => void;
  formBody: RequestHandler;
}): Router {
  const router = express.Router();
  const wrap =
    (handler: (req: Request, res: Response) => Promise<void>): RequestHandler =>
    (req, res, next) => {
      handler(req, res).catch(next);
    };
  const invalid = (res: Response) =>
    res
      .status(404)
      .type('html')
      .send(
        messagePage(
          'Einladung ungültig',
          'Dieser Einladungslink ist ungültig, abgelaufen oder wurde schon verwendet.',
          {
            href: '/auth/login',
            text: 'Zur Anmeldung',
          },
        ),
      );

  router.get(
    '/einladung/:token',
    wrap(async (req, res) => {
      const token = String(req.params.token);
      const principal = await deps.resolvePrincipal(req);
      const email = await deps.invitations.emailOf(token);
      if (!principal) {
        if (!email) return void invalid(res);
        const query = new URLSearchParams({
          returnTo: `/einladung/${token}`,
          login_hint: email,
          einladung: token,
        });
        res.redirect(303, `/auth/login?${query.toString()}`);
        return;
      }
      if (!email) return void invalid(res);
      res.type('html').send(acceptInvitationPage(`/einladung/${encodeURIComponent(token)}`));
    }),
  );

  router.post(
    '/einladung/:token',
    deps.formBody,
    wrap(async (req, res) => {
      const principal = await deps.resolvePrincipal(req);
      if (!principal) {
        res.redirect(303, `/einladung/${encodeURIComponent(String(req.params.token))}`);
        return;
      }
      deps.checkSameOrigin(req);
      const { caseId } = await deps.invitations.redeem(
        String(req.params.token),
        principal,
        String(req.id),
      );
      res.redirect(303, `/faelle/${caseId}`);
    }),
  );
  return router;
}
