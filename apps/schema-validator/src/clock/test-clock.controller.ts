import { AuthGuard, Roles } from '@ais/auth';
import { Body, Controller, Get, Inject, Post, UseGuards } from '@nestjs/common';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ObjectionWindowAdapter } from '../change-control/objection-window.adapter';
import { CLOCK, type AdjustableClock } from './clock';

export class AdvanceClockDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  days?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400 * 3650)
  seconds?: number;
}

/**
 * Test only: mounted when `AIS_TEST_CLOCK=1`, never otherwise. Moves the board's clock forward and
 * runs one tick at once, so a test sees a two-week window close without waiting for it.
 */
@Controller('test/clock')
@UseGuards(AuthGuard)
@Roles('admin')
export class TestClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: AdjustableClock,
    private readonly windows: ObjectionWindowAdapter,
  ) {}

  @Get()
  read(): { now: string; offsetMs: number } {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset };
  }

  @Post('advance')
  async advance(@Body() dto: AdvanceClockDto): Promise<{ now: string; offsetMs: number; events: { eventId: string; type: string }[] }> {
    this.clock.advance(((dto.days ?? 0) * 86_400 + (dto.seconds ?? 0)) * 1_000);
    const events = await this.windows.tick();
    return { ...this.read(), events: events.map((event) => ({ eventId: event.eventId, type: event.type })) };
  }
}
