import { IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * An analyst found a federal entity's notice unfounded: the published object holds no personal
 * information at the paths named, so no corrected version follows. The notice stays counted as
 * issued (§4.1); this closes its task. No reason text travels: it could quote the object.
 */
export class PiiNoticeDismissedV1 {
  @IsUUID()
  noticeId!: string;

  @IsString()
  @MaxLength(300)
  objectId!: string;

  /** The analyst's principal id. */
  @IsUUID()
  dismissedBy!: string;

  @IsISO8601({ strict: true })
  dismissedAt!: string;
}
