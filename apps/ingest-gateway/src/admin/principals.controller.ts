import { AuthGuard, CurrentPrincipal, DuplicatePrincipalError, PrincipalRepository, Roles, type Principal } from '@ais/auth';
import { CodedError } from '@ais/observability';
import { UsageAuditPublisher } from '@ais/usage-audit';
import { Body, Controller, Get, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { CreatePrincipalDto } from './create-principal.dto';

/** The admin API: participants, federal consumers, analysts, auditors and admins; each action is in the usage log (§4.2). */
@Controller('admin/principals')
@UseGuards(AuthGuard)
@Roles('admin')
export class PrincipalsController {
  constructor(
    private readonly principals: PrincipalRepository,
    private readonly usage: UsageAuditPublisher,
  ) {}

  @Post()
  async create(@Body() dto: CreatePrincipalDto, @CurrentPrincipal() actor: Principal): Promise<Principal> {
    if (dto.role !== 'federal-consumer' && dto.federalEntity !== undefined) {
      throw new CodedError('AIS_ADMIN_FEDERAL_ENTITY_MISPLACED', HttpStatus.BAD_REQUEST, 'federalEntity is only for federal-consumer principals');
    }
    let created: Principal;
    try {
      created = await this.principals.create(dto);
    } catch (error) {
      if (error instanceof DuplicatePrincipalError) {
        throw new CodedError('AIS_ADMIN_PRINCIPAL_EXISTS', HttpStatus.CONFLICT, error.message);
      }
      throw error;
    }
    // After the insert: a failed publish leaves a principal without its usage entry (an outbox would close that gap).
    await this.usage.record({
      actor,
      action: 'admin.principal.create',
      resource: `principal/${created.id}`,
      detail: { role: created.role, ...(created.federalEntity === null ? {} : { federalEntity: created.federalEntity }) },
      at: new Date(),
    });
    return created;
  }

  @Get()
  list(): Promise<Principal[]> {
    return this.principals.list();
  }
}
