import { waitFor } from '@ais/testing';
import type { Account, E2eSystem } from './e2e-system';

/** A held-field review task as an analyst reads it (`GET /review/tasks/{id}`). */
export interface HeldTaskView {
  readonly id: string;
  readonly state: string;
  readonly contentStatus: string;
  readonly heldField: { readonly objectId: string; readonly fields: { readonly path: string }[] };
  readonly content: { readonly values: { readonly path: string; readonly value: unknown }[] } | null;
}

/** review-service's analyst API, as one analyst (HTTP Basic). */
export class AnalystApi {
  constructor(
    private readonly system: E2eSystem,
    private readonly analyst: Account,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(this.system.url('review-service', path), {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${this.analyst.username}:${this.analyst.password}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Waits for the held-field task of this object, and reads it. */
  heldTaskOf(objectId: string): Promise<HeldTaskView> {
    return waitFor(async () => {
      const list = await this.call('GET', '/review/tasks?kind=held-field&limit=500');
      for (const { id } of (list.body.tasks as { id: string }[] | undefined) ?? []) {
        const view = (await this.call('GET', `/review/tasks/${id}`)).body as unknown as HeldTaskView;
        if (view.heldField.objectId === objectId) {
          return view;
        }
      }
      return undefined;
    });
  }
}
