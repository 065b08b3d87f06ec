import { AuthGuard, FEDERAL_ENTITIES, Roles } from '@ais/auth';
import { Controller, Get, Headers, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { DayRangeQueryDto } from '../counts/audit-counts.dto';
import { totalsOf } from '../counts/daily-counts.decider';
import { DailyCountsRepository } from '../counts/daily-counts.repository';
import { sendCsv, toCsv, wantsCsv } from '../http/csv';
import { FederalDeliveriesRepository, type EntityDeliveryDay, type GroupDelivery } from './federal-deliveries.repository';

export interface EntityDeliveries {
  readonly entity: string;
  /** Indicators reached the entity: objects served over TAXII, or records consumed over Kafka. */
  readonly sharedWith: boolean;
  readonly taxii: { readonly reads: number; readonly objectsServed: number };
  readonly kafka: { readonly committedOffset: number; readonly endOffset: number; readonly lag: number; readonly groups: readonly GroupDelivery[] };
}

export interface FederalEntitiesResponse {
  readonly entities: readonly EntityDeliveries[];
  readonly days: readonly (EntityDeliveryDay & { readonly reads: number; readonly objectsServed: number })[];
}

/** Builds the federal entities' deliveries from the counts and the polled offsets. */
export async function federalEntitiesOf(counts: DailyCountsRepository, deliveries: FederalDeliveriesRepository): Promise<FederalEntitiesResponse> {
  const [reads, served, groups, kafkaDays] = await Promise.all([
    counts.between({ metric: 'federal-reads' }),
    counts.between({ metric: 'federal-objects-served' }),
    deliveries.groups(),
    deliveries.days(),
  ]);
  const federal = [...reads, ...served];
  const totals = totalsOf(federal);
  const entities = FEDERAL_ENTITIES.map((entity): EntityDeliveries => {
    const mine = groups.filter((group) => group.entity === entity);
    const committedOffset = mine.reduce((sum, group) => sum + group.committedOffset, 0);
    const endOffset = mine.reduce((sum, group) => sum + group.endOffset, 0);
    const objectsServed = totals['federal-objects-served']?.[entity] ?? 0;
    return {
      entity,
      sharedWith: objectsServed > 0 || committedOffset > 0,
      taxii: { reads: totals['federal-reads']?.[entity] ?? 0, objectsServed },
      kafka: { committedOffset, endOffset, lag: mine.reduce((sum, group) => sum + group.lag, 0), groups: mine },
    };
  });
  const byDay = new Map<string, EntityDeliveryDay & { reads: number; objectsServed: number }>();
  const dayOf = (day: string, entity: string) => {
    const key = `${day} ${entity}`;
    let entry = byDay.get(key);
    if (entry === undefined) {
      entry = { day, entity, offsetsAdvanced: 0, committedOffset: 0, reads: 0, objectsServed: 0 };
      byDay.set(key, entry);
    }
    return entry;
  };
  for (const day of kafkaDays) {
    Object.assign(dayOf(day.day, day.entity), { offsetsAdvanced: day.offsetsAdvanced, committedOffset: day.committedOffset });
  }
  for (const count of federal) {
    const entry = dayOf(count.day, count.dimension);
    if (count.metric === 'federal-reads') {
      entry.reads += count.value;
    } else if (count.metric === 'federal-objects-served') {
      entry.objectsServed += count.value;
    }
  }
  const days = [...byDay.values()].sort((a, b) => (a.day === b.day ? a.entity.localeCompare(b.entity) : a.day.localeCompare(b.day)));
  return { entities, days };
}

/** §4.1 "the federal entities with which indicators were shared", from actual deliveries. */
@Controller('audit')
@UseGuards(AuthGuard)
@Roles('auditor', 'admin')
export class FederalEntitiesController {
  constructor(
    private readonly counts: DailyCountsRepository,
    private readonly deliveries: FederalDeliveriesRepository,
  ) {}

  @Get('federal-entities')
  async list(
    @Query() query: DayRangeQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FederalEntitiesResponse | string> {
    const result = await federalEntitiesOf(this.counts, this.deliveries);
    const inRange = (day: string) => (query.from === undefined || day >= query.from) && (query.to === undefined || day <= query.to);
    const filtered = { ...result, days: result.days.filter((d) => inRange(d.day)) };
    if (wantsCsv(query.format, accept)) {
      const rows = filtered.entities.map((e) => [e.entity, e.sharedWith, e.taxii.reads, e.taxii.objectsServed, e.kafka.groups.length, e.kafka.committedOffset, e.kafka.endOffset, e.kafka.lag]);
      return sendCsv(
        response,
        'audit-federal-entities.csv',
        toCsv(['entity', 'shared_with', 'taxii_reads', 'taxii_objects_served', 'kafka_groups', 'kafka_committed_offset', 'kafka_end_offset', 'kafka_lag'], rows),
      );
    }
    return filtered;
  }
}
