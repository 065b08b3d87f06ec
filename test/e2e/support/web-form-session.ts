/** A visitor of the public web form: the CSRF cookie and token `GET /submit` hands out. */
export interface WebFormSession {
  readonly cookie: string;
  readonly token: string;
}

/** Opens the form at `formUrl` as a browser would, keeping its CSRF cookie and token. */
export async function openWebForm(formUrl: string): Promise<WebFormSession> {
  const response = await fetch(formUrl);
  const html = await response.text();
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ais_csrf='))?.split(';')[0];
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (response.status !== 200 || cookie === undefined || token === undefined) {
    throw new Error(`the form came without a CSRF cookie or token (HTTP ${response.status})`);
  }
  return { cookie, token };
}
