import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TASK_KINDS, TASK_STATES, type TaskKind, type TaskState } from './review-task';

export const MAX_TASKS = 500;

/** `GET /review/tasks`: filter by state and kind, oldest first. */
export class ListTasksQueryDto {
  @IsOptional()
  @IsIn(TASK_STATES)
  state?: TaskState;

  @IsOptional()
  @IsIn(TASK_KINDS)
  kind?: TaskKind;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TASKS)
  limit?: number;
}
