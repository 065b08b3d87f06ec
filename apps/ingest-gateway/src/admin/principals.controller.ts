import { AuthGuard, DuplicatePrincipalError, PrincipalRepository, Roles, type Principal } from '@ais/auth';
import { CodedError } from '@ais/observability';
import { Body, Controller, Get, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { CreatePrincipalDto } from './create-principal.dto';

/** The admin API: participants, federal consumers, analysts, auditors and admins. */
@Controller('admin/principals')
@UseGuards(AuthGuard)
@Roles('admin')
export class PrincipalsController {
  constructor(private readonly principals: PrincipalRepository) {}

  @Post()
  async create(@Body() dto: CreatePrincipalDto): Promise<Principal> {
    if (dto.role !== 'federal-consumer' && dto.federalEntity !== undefined) {
      throw new CodedError('AIS_ADMIN_FEDERAL_ENTITY_MISPLACED', HttpStatus.BAD_REQUEST, 'federalEntity is only for federal-consumer principals');
    }
    try {
      return await this.principals.create(dto);
    } catch (error) {
      if (error instanceof DuplicatePrincipalError) {
        throw new CodedError('AIS_ADMIN_PRINCIPAL_EXISTS', HttpStatus.CONFLICT, error.message);
      }
      throw error;
    }
  }

  @Get()
  list(): Promise<Principal[]> {
    return this.principals.list();
  }
}
