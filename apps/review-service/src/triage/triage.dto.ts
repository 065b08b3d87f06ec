import { IsString, Length } from 'class-validator';

/** `POST /review/tasks/:id/reject`: why, in the analyst's words (travels in `TriageRejected`). */
export class RejectTaskDto {
  @IsString()
  @Length(1, 500)
  reason!: string;
}
