import type { Principal } from '@ais/auth';
import type { StixObject } from '@ais/contracts';
import { Injectable } from '@nestjs/common';
import type { TaskActionRecord } from '../triage/triage.repository';
import { NoticesRepository, type NoticeTask } from './notices.repository';
import { NoticeErrorCode, noticeError } from './notices-errors';
import { objectFields, type ObjectField } from './object-paths';

/** A notice as the analyst opens it: what was filed, and the object as the federal entities now have it. */
export interface NoticeTaskView extends NoticeTask {
  /** The latest published version known here; null when none is (not published, or not seen yet). */
  readonly published: { readonly version: string; readonly object: StixObject; readonly fields: ObjectField[] } | null;
  /** Whether the version the notice names is the latest one (a later version may already be corrected). */
  readonly namesLatestVersion: boolean;
  readonly history: TaskActionRecord[];
}

/** Opening a notice shows published content; the view is recorded with the analyst's id first (§4.2). */
@Injectable()
export class NoticeViewAdapter {
  constructor(private readonly repository: NoticesRepository) {}

  async view(id: string, analyst: Principal, now: Date): Promise<NoticeTaskView> {
    const task = await this.repository.find(id);
    if (task === null) {
      throw noticeError(NoticeErrorCode.NotFound);
    }
    const latest = await this.repository.latestPublished(task.notice.objectId);
    await this.repository.recordView(task.id, analyst.id, now.toISOString());
    return {
      ...task,
      published: latest === null ? null : { version: latest.version, object: latest.object, fields: objectFields(latest.object) },
      namesLatestVersion: latest !== null && Date.parse(latest.version) === Date.parse(task.notice.objectVersion),
      history: await this.repository.history(task.id),
    };
  }
}
