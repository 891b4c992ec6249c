/**
 * A minimal browser for tests: fetch with a cookie jar, following redirects by hand (so every
 * hop is a real HTTP request to the portal or the identity provider), sending `Origin` on POSTs
 * as browsers do, and reading forms from HTML pages.
 */

/** One response at the end of a redirect chain. */
export interface Page {
  status: number;
  url: string;
  headers: Headers;
  text: string;
  /** Every URL visited, redirects included. */
  chain: string[];
}

/** A cookie as stored: value and raw attributes (for assertions on flags). */
export interface StoredCookie {
  value: string;
  attributes: string;
}

/** A cookie-keeping HTTP client. */
export class BrowserClient {
  readonly cookies = new Map<string, StoredCookie>();
  /** Every raw `Set-Cookie` header received. */
  readonly setCookieHeaders: string[] = [];

  /** GET `url`, following redirects. */
  get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request(url, { method: 'GET', headers });
  }

  /** POST a form (urlencoded) to `url`, following redirects. */
  postForm(
    url: string,
    fields: Record<string, string>,
    stopWhen?: (url: string) => boolean,
  ): Promise<Page> {
    return this.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: new URL(url).origin,
        },
        body: new URLSearchParams(fields).toString(),
      },
      stopWhen,
    );
  }

  /** A JSON request (no redirects expected). */
  async json(
    url: string,
    method: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const page = await this.request(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { origin: new URL(url).origin }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: page.status,
      headers: page.headers,
      body: page.text ? (JSON.parse(page.text) as unknown) : undefined,
    };
  }

  /** A GET of a file (an export): status, headers and the body as bytes. */
  async download(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const cookie = [...this.cookies].map(([name, c]) => `${name}=${c.value}`).join('; ');
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** Sends the request and follows redirects (303 and 302 become GET, as browsers do). */
  async request(
    url: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
    stopWhen: (url: string) => boolean = () => false,
  ): Promise<Page> {
    const chain: string[] = [];
    let current = url;
    let method = init.method;
    let body = init.body;
    let headers = { ...init.headers };
    for (let hop = 0; hop < 20; hop++) {
      chain.push(current);
      if (stopWhen(current))
        return { status: 0, url: current, headers: new Headers(), text: '', chain };
      const cookie = [...this.cookies].map(([name, c]) => `${name}=${c.value}`).join('; ');
      const response = await fetch(current, {
        method,
        body,
        redirect: 'manual',
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
      });
      this.store(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          body = undefined;
          headers = {};
        }
        continue;
      }
      return {
        status: response.status,
        url: current,
        headers: response.headers,
        text: await response.text(),
        chain,
      };
    }
    throw new Error(`more than 20 redirects from ${url}`);
  }

  private store(setCookies: string[]): void {
    for (const header of setCookies) {
      this.setCookieHeaders.push(header);
      const [pair, ...attributes] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const attrs = attributes.join(';');
      const expired =
        /max-age=0\b/i.test(attrs) || /expires=Thu, 01 Jan 1970/i.test(attrs) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, attributes: attrs });
    }
  }
}

/** The first form of an HTML page: its action (absolute) and its fields with their values. */
export function readForm(page: Page): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(page.text);
  if (!form)
    throw new Error(`no form on ${page.url} (status ${page.status}):\n${page.text.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = unescape(/value="([^"]*)"/.exec(input[0])?.[1] ?? '');
  }
  return { action: new URL(unescape(form[1]!), page.url).href, fields };
}

const unescape = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Logs in through the real flow: `/auth/login` -> login form -> credentials -> back. */
export async function logIn(
  browser: BrowserClient,
  portalUrl: string,
  email: string,
  password: string,
  returnTo = '/api/me',
): Promise<Page> {
  const loginForm = await browser.get(
    `${portalUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  const { action } = readForm(loginForm);
  return browser.postForm(action, { email, password });
}
