import type { Response } from 'express';
import { CONTENT_SECURITY_POLICY } from './submit-form.view';

/** Sends a page of the form with the headers every one of them carries. */
export function sendHtml(response: Response, status: number, html: string, headers: Readonly<Record<string, string>> = {}): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      // Pages carry a CSRF token or a reference number: never cached.
      'Cache-Control': 'no-store',
      ...headers,
    })
    .send(html);
}
