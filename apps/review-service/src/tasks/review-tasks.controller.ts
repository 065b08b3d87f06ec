import { AuthGuard, Roles } from '@ais/auth';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import type { ReviewTask } from './review-task';
import { ListTasksQueryDto } from './review-tasks.dto';
import { ReviewTasksRepository } from './review-tasks.repository';

const DEFAULT_TASKS = 100;

/** The analysts' queue: every kind of task, filtered by state and kind, oldest first; never content. */
@Controller('review')
@UseGuards(AuthGuard)
export class ReviewTasksController {
  constructor(private readonly tasks: ReviewTasksRepository) {}

  @Get('tasks')
  @Roles('analyst', 'admin')
  async list(@Query() query: ListTasksQueryDto): Promise<{ tasks: ReviewTask[] }> {
    const tasks = await this.tasks.list({ state: query.state ?? null, kind: query.kind ?? null, limit: query.limit ?? DEFAULT_TASKS });
    return { tasks };
  }
}
