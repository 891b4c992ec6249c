/**
 * The embedded identity provider's pages: login, registration, e-mail verification, password
 * reset, logout. German, plain HTML forms that work without JavaScript, labelled fields with
 * `autocomplete`, errors announced (`role="alert"`) and linked to their field. No inline script
 * or style (the CSP forbids both); the stylesheet is `/assets/identity.css`.
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Marks a string as already safe HTML. */
class Html {
  constructor(readonly value: string) {}
}

/** Tagged template that escapes every interpolated value unless it is `Html`. */
function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const rendered = Array.isArray(value)
      ? value.map((v) => (v instanceof Html ? v.value : escapeHtml(String(v)))).join('')
      : value instanceof Html
        ? value.value
        : value === undefined || value === null || value === false
          ? ''
          : escapeHtml(String(value));
    out += rendered + strings[i + 1];
  });
  return new Html(out);
}

function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Förderportal Ladeinfrastruktur</title>
<link rel="stylesheet" href="/assets/identity.css">
</head>
<body>
<header><p class="brand">Förderportal Ladeinfrastruktur</p></header>
<main id="inhalt">
<h1>${escapeHtml(title)}</h1>
${body.value}
</main>
</body>
</html>`;
}

/** One field of a form. */
interface Field {
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  value?: string;
  hint?: string;
  readonly?: boolean;
}

function errorSummary(errors: string[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="fehler" role="alert" id="fehler">
    <p>Bitte prüfen Sie Ihre Angaben:</p>
    <ul>
      ${errors.map((e) => html`<li>${e}</li>`)}
    </ul>
  </div>`;
}

function field(f: Field, invalid: boolean): Html {
  const hintId = f.hint ? `${f.name}-hinweis` : undefined;
  return html`<div class="feld">
    <label for="${f.name}">${f.label}</label>
    ${f.hint ? html`<p class="hinweis" id="${hintId}">${f.hint}</p>` : ''}
    <input
      id="${f.name}"
      name="${f.name}"
      type="${f.type}"
      autocomplete="${f.autocomplete}"
      required${f.readonly ? html` readonly` : ''}${invalid ? html` aria-invalid="true" aria-describedby="fehler"` : hintId ? html` aria-describedby="${hintId}"` : ''}
      value="${f.value ?? ''}"
    />
  </div>`;
}

function form(
  action: string,
  fields: Field[],
  submit: string,
  errors: string[],
  invalid: string[] = [],
): Html {
  return html`${errorSummary(errors)}
    <form method="post" action="${action}" novalidate>
      ${fields.map((f) => field(f, invalid.includes(f.name)))}
      <button type="submit">${submit}</button>
    </form>`;
}

/** The login form of an interaction. */
export function loginPage(options: {
  action: string;
  email?: string;
  errors?: string[];
  registerHref: string;
  resetHref: string;
  notice?: string;
}): string {
  return page(
    'Anmelden',
    html`${options.notice ? html`<p class="hinweis-box" role="status">${options.notice}</p>` : ''}${form(
        options.action,
        [
          {
            name: 'email',
            label: 'E-Mail-Adresse',
            type: 'email',
            autocomplete: 'username',
            value: options.email,
          },
          {
            name: 'password',
            label: 'Passwort',
            type: 'password',
            autocomplete: 'current-password',
          },
        ],
        'Anmelden',
        options.errors ?? [],
        options.errors?.length ? ['email', 'password'] : [],
      )}
      <p><a href="${options.resetHref}">Passwort vergessen?</a></p>
      <p>Noch kein Konto? <a href="${options.registerHref}">Jetzt registrieren</a></p>`,
  );
}

/** The registration form. */
export function registrationPage(options: {
  action: string;
  values: { email?: string; vorname?: string; nachname?: string };
  emailFixed: boolean;
  errors?: string[];
  invalid?: string[];
  loginHref: string;
}): string {
  const v = options.values;
  return page(
    'Registrieren',
    html`${form(
        options.action,
        [
          {
            name: 'vorname',
            label: 'Vorname',
            type: 'text',
            autocomplete: 'given-name',
            value: v.vorname,
          },
          {
            name: 'nachname',
            label: 'Nachname',
            type: 'text',
            autocomplete: 'family-name',
            value: v.nachname,
          },
          {
            name: 'email',
            label: 'E-Mail-Adresse',
            type: 'email',
            autocomplete: 'email',
            value: v.email,
            readonly: options.emailFixed,
            hint: options.emailFixed
              ? 'Die Adresse aus Ihrer Einladung; sie ist damit bestätigt.'
              : undefined,
          },
          {
            name: 'password',
            label: 'Passwort',
            type: 'password',
            autocomplete: 'new-password',
            hint: 'Mindestens 10 Zeichen; ein langer Satz ist ein gutes Passwort.',
          },
          {
            name: 'password2',
            label: 'Passwort wiederholen',
            type: 'password',
            autocomplete: 'new-password',
          },
        ],
        'Konto anlegen',
        options.errors ?? [],
        options.invalid ?? [],
      )}
      <p>Schon registriert? <a href="${options.loginHref}">Zur Anmeldung</a></p>`,
  );
}

/** A page with a message and an optional link onwards. */
export function messagePage(
  title: string,
  message: string,
  link?: { href: string; text: string },
): string {
  return page(
    title,
    html`<p role="status">${message}</p>
      ${link ? html`<p><a href="${link.href}">${link.text}</a></p>` : ''}`,
  );
}

/** The form asking for the e-mail address to send a reset link to. */
export function resetRequestPage(options: { action: string; errors?: string[] }): string {
  return page(
    'Passwort vergessen',
    html`<p>
        Geben Sie die E-Mail-Adresse Ihres Kontos an. Wir senden Ihnen einen Link, mit dem Sie ein
        neues Passwort setzen.
      </p>
      ${form(
        options.action,
        [{ name: 'email', label: 'E-Mail-Adresse', type: 'email', autocomplete: 'email' }],
        'Link senden',
        options.errors ?? [],
        options.errors?.length ? ['email'] : [],
      )}`,
  );
}

/** The form for the new password. */
export function resetPasswordPage(options: { action: string; errors?: string[] }): string {
  return page(
    'Neues Passwort setzen',
    form(
      options.action,
      [
        {
          name: 'password',
          label: 'Neues Passwort',
          type: 'password',
          autocomplete: 'new-password',
          hint: 'Mindestens 10 Zeichen.',
        },
        {
          name: 'password2',
          label: 'Passwort wiederholen',
          type: 'password',
          autocomplete: 'new-password',
        },
      ],
      'Passwort speichern',
      options.errors ?? [],
      options.errors?.length ? ['password', 'password2'] : [],
    ),
  );
}

/** The provider's logout confirmation; `form` is the provider's hidden form (with its xsrf field). */
export function logoutConfirmPage(form: string): string {
  return page(
    'Abmelden',
    new Html(
      `<p>Möchten Sie sich vom Förderportal abmelden?</p>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, abmelden</button>`,
    ),
  );
}

/** After the logout at the provider without a way back. */
export function loggedOutPage(): string {
  return messagePage('Abgemeldet', 'Sie sind abgemeldet.', { href: '/', text: 'Zur Startseite' });
}

/** The provider's error page. */
export function errorPage(error: string, description: string): string {
  return messagePage('Fehler bei der Anmeldung', `${description || error}`, {
    href: '/auth/login',
    text: 'Erneut anmelden',
  });
}

/** The stylesheet of these pages (served from `/assets/identity.css`). */
export const identityCss = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#f5f5f5;line-height:1.5}
header{background:#004b87;color:#fff;padding:.75rem 1rem}.brand{margin:0;font-weight:600}
main{max-width:28rem;margin:1.5rem auto;background:#fff;padding:1.5rem;border-radius:4px}
h1{font-size:1.5rem;margin-top:0}.feld{margin-bottom:1rem}label{display:block;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #5c5c5c;border-radius:3px}
input:focus,button:focus,a:focus{outline:3px solid #ffbf47;outline-offset:2px}
input[aria-invalid=true]{border:2px solid #b00020}.hinweis{margin:.2rem 0;color:#4a4a4a;font-size:.9rem}
button{background:#004b87;color:#fff;border:0;padding:.7rem 1.2rem;font-size:1rem;border-radius:3px;cursor:pointer}
.fehler{border:2px solid #b00020;padding:.5rem 1rem;margin-bottom:1rem}.hinweis-box{background:#e8f1fa;padding:.5rem 1rem}
a{color:#004b87}
`;
