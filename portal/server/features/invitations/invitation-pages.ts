import { messagePage } from '../../identity/identity-pages.js';

/** The page that asks a logged-in person to accept an invitation (one button, a POST). */
export function acceptInvitationPage(action: string): string {
  return messagePage(
    'Einladung annehmen',
    'Sie wurden zu einem Förderfall eingeladen. Mit „Einladung annehmen“ wird er mit Ihrem Konto verknüpft.',
  ).replace(
    '</main>',
    `<form method="post" action="${action.replace(/"/g, '&quot;')}"><button type="submit">Einladung annehmen</button></form>\n</main>`,
  );
}
