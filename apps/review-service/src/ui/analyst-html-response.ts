import type { Response } from 'express';
import { CONTENT_SECURITY_POLICY } from './analyst-ui.view';

/** Sends a page of the analyst UI with the headers every one of them carries. */
export function sendHtml(response: Response, status: number, html: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      // Pages show held values and carry CSRF tokens: never cached.
      'Cache-Control': 'no-store',
    })
    .send(html);
}
