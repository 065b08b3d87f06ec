import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { isTaxiiContentType, TAXII_MEDIA_TYPE, TaxiiError, TaxiiExceptionFilter, TaxiiMediaInterceptor } from '@ais/taxii';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Req, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { parseEnvelope } from '../submit/parse-envelope';
import { SubmitObjectsAdapter } from '../submit/submit-objects.adapter';
import { StatusRepository, type StatusResource } from '../status/status.repository';
import { INGEST_API_ROOT, INGEST_COLLECTION, MAX_CONTENT_LENGTH } from './ingest-root';
import { readBody } from './read-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** TAXII 2.1 API root `ingest` (write): participants add objects and follow their status. */
@Controller('ingest')
@UseFilters(TaxiiExceptionFilter)
@UseInterceptors(TaxiiMediaInterceptor)
@UseGuards(AuthGuard)
@Roles('participant', 'admin')
export class IngestRootController {
  constructor(
    private readonly submissions: SubmitObjectsAdapter,
    private readonly statuses: StatusRepository,
  ) {}

  @Get()
  apiRoot() {
    return INGEST_API_ROOT;
  }

  @Get('collections')
  collections() {
    return { collections: [INGEST_COLLECTION] };
  }

  @Get('collections/:collectionId')
  collection(@Param('collectionId') collectionId: string) {
    return requireCollection(collectionId);
  }

  /** Always 202 with a status resource; per-object outcomes follow in the status (§5.4). */
  @Post('collections/:collectionId/objects')
  @HttpCode(HttpStatus.ACCEPTED)
  async addObjects(@Param('collectionId') collectionId: string, @Req() request: Request, @CurrentPrincipal() principal: Principal): Promise<StatusResource> {
    requireCollection(collectionId);
    if (!isTaxiiContentType(request.headers['content-type'])) {
      throw new TaxiiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Unsupported Media Type', `Content-Type must be ${TAXII_MEDIA_TYPE}`);
    }
    const envelope = parseEnvelope(await readBody(request, MAX_CONTENT_LENGTH));
    if (!envelope.ok) {
      throw new TaxiiError(HttpStatus.UNPROCESSABLE_ENTITY, 'Unprocessable Entity', envelope.reason);
    }
    const statusId = await this.submissions.submit(principal, envelope.objects, new Date());
    return this.requireStatus(statusId, principal);
  }

  /** taxii2-client asks for the status URL without the trailing slash; both forms are served. */
  @Get('status/:statusId')
  async status(@Param('statusId') statusId: string, @CurrentPrincipal() principal: Principal): Promise<StatusResource> {
    return this.requireStatus(statusId, principal);
  }

  private async requireStatus(statusId: string, principal: Principal): Promise<StatusResource> {
    const status = UUID.test(statusId) ? await this.statuses.find(statusId, principal.role === 'admin' ? null : principal.id) : null;
    if (status === null) {
      throw new TaxiiError(HttpStatus.NOT_FOUND, 'Not Found', 'no such status resource');
    }
    return status;
  }
}

function requireCollection(collectionId: string): typeof INGEST_COLLECTION {
  if (collectionId !== INGEST_COLLECTION.id) {
    throw new TaxiiError(HttpStatus.NOT_FOUND, 'Not Found', 'no such collection');
  }
  return INGEST_COLLECTION;
}
