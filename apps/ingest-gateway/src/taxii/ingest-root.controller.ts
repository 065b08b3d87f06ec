import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { isRetriable } from '@ais/messaging';
import { isTaxiiContentType, TAXII_MEDIA_TYPE, TaxiiExceptionFilter, TaxiiMediaInterceptor } from '@ais/taxii';
import { All, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { parseEnvelope } from '../submit/parse-envelope';
import { SubmissionTooLargeForLogError, SubmitObjectsAdapter } from '../submit/submit-objects.adapter';
import { StatusRepository, type StatusResource } from '../status/status.repository';
import { envelopeErrorCode, ingestError, IngestErrorCode } from './ingest-error-codes';
import { canWrite, collectionFor, INGEST_API_ROOT, INGEST_COLLECTION, MAX_CONTENT_LENGTH, type IngestCollection } from './ingest-root';
import { readBody } from './read-body';

/** What a busy gateway asks a client to wait before sending the envelope again. */
const RETRY_AFTER_SECONDS = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * TAXII 2.1 API root `ingest` (write): participants add objects and follow their status.
 *
 * Federal consumers may look at the root and its collection (with `can_write: false`, as
 * `can_*` are per requester) but get 403 on a POST. The collection is write-only: every read of
 * its objects, manifest or versions, and DELETE, is 403 (`can_read` is false). Routing is not
 * strict, so each path is served with and without its trailing slash (taxii2-client asks for
 * `status/{id}` without one); any other path under the root is a TAXII 404.
 */
@Controller('ingest')
@UseFilters(TaxiiExceptionFilter)
@UseInterceptors(TaxiiMediaInterceptor)
@UseGuards(AuthGuard)
@Roles('participant', 'federal-consumer', 'admin')
export class IngestRootController {
  constructor(
    private readonly submissions: SubmitObjectsAdapter,
    private readonly statuses: StatusRepository,
  ) {}

  @Get()
  apiRoot(): typeof INGEST_API_ROOT {
    return INGEST_API_ROOT;
  }

  @Get('collections')
  collections(@CurrentPrincipal() principal: Principal): { collections: IngestCollection[] } {
    return { collections: [collectionFor(principal)] };
  }

  @Get('collections/:collectionId')
  collection(@Param('collectionId') collectionId: string, @CurrentPrincipal() principal: Principal): IngestCollection {
    requireCollection(collectionId);
    return collectionFor(principal);
  }

  @Get('collections/:collectionId/objects')
  objects(@Param('collectionId') collectionId: string): never {
    return notReadable(collectionId);
  }

  @Get('collections/:collectionId/manifest')
  manifest(@Param('collectionId') collectionId: string): never {
    return notReadable(collectionId);
  }

  @Get('collections/:collectionId/objects/:objectId')
  object(@Param('collectionId') collectionId: string): never {
    return notReadable(collectionId);
  }

  @Get('collections/:collectionId/objects/:objectId/versions')
  versions(@Param('collectionId') collectionId: string): never {
    return notReadable(collectionId);
  }

  /** TAXII DELETE needs `can_read` and `can_write`; the ingest collection is write-only. */
  @Delete('collections/:collectionId/objects/:objectId')
  deleteObject(@Param('collectionId') collectionId: string): never {
    return notReadable(collectionId);
  }

  /**
   * Always 202 with a status resource; per-object outcomes follow in the status (§5.4). The
   * checks run cheapest first and all before JSON.parse: collection, write permission, media
   * type, body size (413), UTF-8, depth, value count, object count, forbidden keys (422).
   */
  @Post('collections/:collectionId/objects')
  @HttpCode(HttpStatus.ACCEPTED)
  async addObjects(@Param('collectionId') collectionId: string, @Req() request: Request, @CurrentPrincipal() principal: Principal): Promise<StatusResource> {
    requireCollection(collectionId);
    if (!canWrite(principal)) {
      throw ingestError(IngestErrorCode.CollectionNotWritable, `role ${principal.role} may not add objects: can_write is false`);
    }
    if (!isTaxiiContentType(request.headers['content-type'])) {
      throw ingestError(IngestErrorCode.UnsupportedMediaType, `Content-Type must be ${TAXII_MEDIA_TYPE}`);
    }
    const envelope = parseEnvelope(await readBody(request, MAX_CONTENT_LENGTH));
    if (!envelope.ok) {
      throw ingestError(envelopeErrorCode(envelope.problem), envelope.reason);
    }
    try {
      return await this.submissions.submit(principal, envelope.objects, new Date());
    } catch (error) {
      if (error instanceof SubmissionTooLargeForLogError) {
        throw ingestError(IngestErrorCode.PayloadTooLarge, 'the submission is larger than one log record may be: send its objects in smaller envelopes');
      }
      if (isRetriable(error)) {
        // Overload (no pooled connection in time) or a backing service restarting: the client
        // should send the same envelope again shortly, not treat it as a server bug.
        request.res?.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        throw ingestError(IngestErrorCode.Unavailable, 'the gateway is busy or a backing service is unavailable: send the envelope again shortly');
      }
      throw error;
    }
  }

  /** Served with and without the trailing slash: taxii2-client asks for `status/{id}`. */
  @Get('status/:statusId')
  @Roles('participant', 'admin')
  async status(@Param('statusId') statusId: string, @CurrentPrincipal() principal: Principal): Promise<StatusResource> {
    return this.requireStatus(statusId, principal);
  }

  /** Last route of the root: whatever else is asked under it gets a TAXII 404, not the framework's. */
  @All('{*path}')
  unknown(): never {
    throw ingestError(IngestErrorCode.UnknownEndpoint, 'no such TAXII endpoint under this API root');
  }

  private async requireStatus(statusId: string, principal: Principal): Promise<StatusResource> {
    const status = UUID.test(statusId) ? await this.statuses.find(statusId, principal.role === 'admin' ? null : principal.id) : null;
    if (status === null) {
      throw ingestError(IngestErrorCode.UnknownStatus, 'no such status resource (unknown, expired, or not yours)');
    }
    return status;
  }
}

function requireCollection(collectionId: string): void {
  if (collectionId !== INGEST_COLLECTION.id) {
    throw ingestError(IngestErrorCode.UnknownCollection, 'no such collection');
  }
}

function notReadable(collectionId: string): never {
  requireCollection(collectionId);
  throw ingestError(IngestErrorCode.CollectionNotReadable, 'the collection is write-only: can_read is false');
}
