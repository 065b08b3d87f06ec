import { AuthGuard, CurrentPrincipal, type Principal, Roles } from '@ais/auth';
import { TaxiiError, TaxiiExceptionFilter, TaxiiMediaInterceptor } from '@ais/taxii';
import { Controller, Get, HttpStatus, Param, Req, Res, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FEDERAL_API_ROOT, FEDERAL_COLLECTION, FEDERAL_COLLECTION_ID } from './federal-collection';
import { FederalReadsRecorder } from './federal-reads.recorder';
import { ObjectVersionsRepository, type VersionPage } from './object-versions.repository';
import { parseObjectsQuery, queryParametersOf, type ObjectsQuery, type QueryScope } from './objects-query';
import { dateAddedHeaders, envelopeOf, manifestOf, versionsOf, type Envelope, type Manifest, type Versions } from './taxii-resources';

export enum FederalErrorCode {
  UnknownCollection = 'AIS_TAXII_UNKNOWN_COLLECTION',
  UnknownObject = 'AIS_TAXII_UNKNOWN_OBJECT',
  BadQuery = 'AIS_TAXII_BAD_QUERY',
}

/**
 * TAXII 2.1 API root `federal` (read only): what every appropriate federal entity reads, the same
 * versions at the same moment (§2.4). Routing is not strict: `/collections` and `/collections/`
 * are the same resource, as TAXII clients use both.
 */
@Controller('federal')
@UseGuards(AuthGuard)
@Roles('federal-consumer', 'admin')
@UseFilters(TaxiiExceptionFilter)
@UseInterceptors(TaxiiMediaInterceptor)
export class FederalController {
  constructor(
    private readonly repository: ObjectVersionsRepository,
    private readonly reads: FederalReadsRecorder,
  ) {}

  @Get()
  async apiRoot(@CurrentPrincipal() principal: Principal): Promise<typeof FEDERAL_API_ROOT> {
    await this.reads.read(principal, 'api-root');
    return FEDERAL_API_ROOT;
  }

  @Get('collections')
  async collections(@CurrentPrincipal() principal: Principal): Promise<{ collections: (typeof FEDERAL_COLLECTION)[] }> {
    await this.reads.read(principal, 'collections');
    return { collections: [FEDERAL_COLLECTION] };
  }

  @Get('collections/:collectionId')
  async collection(@Param('collectionId') collectionId: string, @CurrentPrincipal() principal: Principal): Promise<typeof FEDERAL_COLLECTION> {
    requireCollection(collectionId);
    await this.reads.read(principal, 'collection');
    return FEDERAL_COLLECTION;
  }

  @Get('collections/:collectionId/objects')
  async objects(
    @Param('collectionId') collectionId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Envelope> {
    requireCollection(collectionId);
    const page = await this.repository.page(parseQuery(request, 'collection'));
    await this.finish(response, page, principal, 'objects');
    return envelopeOf(page);
  }

  @Get('collections/:collectionId/manifest')
  async manifest(
    @Param('collectionId') collectionId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Manifest> {
    requireCollection(collectionId);
    const page = await this.repository.page(parseQuery(request, 'collection'), { withObjects: false });
    await this.finish(response, page, principal, 'manifest');
    return manifestOf(page);
  }

  @Get('collections/:collectionId/objects/:objectId')
  async object(
    @Param('collectionId') collectionId: string,
    @Param('objectId') objectId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Envelope> {
    requireCollection(collectionId);
    const page = await this.objectPage(objectId, parseQuery(request, 'object'), true);
    await this.finish(response, page, principal, 'object', objectId);
    return envelopeOf(page);
  }

  @Get('collections/:collectionId/objects/:objectId/versions')
  async objectVersions(
    @Param('collectionId') collectionId: string,
    @Param('objectId') objectId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Versions> {
    requireCollection(collectionId);
    const page = await this.objectPage(objectId, parseQuery(request, 'object-versions'), false);
    await this.finish(response, page, principal, 'object-versions', objectId);
    return versionsOf(page);
  }

  /** An object's versions; 404 only when the object is unknown, `{}` when filters leave nothing. */
  private async objectPage(objectId: string, query: ObjectsQuery, withObjects: boolean): Promise<VersionPage> {
    const page = await this.repository.page(query, { objectId, withObjects });
    if (page.versions.length === 0 && !(await this.repository.exists(objectId))) {
      throw new TaxiiError(HttpStatus.NOT_FOUND, 'Not Found', 'no object with this id in the collection', FederalErrorCode.UnknownObject);
    }
    return page;
  }

  /** Records the read (the response leaves only once it is in the log), then sets the date headers. */
  private async finish(
    response: Response,
    page: VersionPage,
    principal: Principal,
    resource: 'objects' | 'manifest' | 'object' | 'object-versions',
    objectId?: string,
  ): Promise<void> {
    await this.reads.read(principal, resource, page.versions.length, objectId);
    for (const [name, value] of Object.entries(dateAddedHeaders(page))) {
      response.setHeader(name, value);
    }
  }
}

function requireCollection(collectionId: string): void {
  if (collectionId !== FEDERAL_COLLECTION_ID) {
    throw new TaxiiError(HttpStatus.NOT_FOUND, 'Not Found', 'no collection with this id on this API root', FederalErrorCode.UnknownCollection);
  }
}

/** The raw query string: Express's parsers would turn `match[id]` into nested objects or lose order. */
function parseQuery(request: Request, scope: QueryScope): ObjectsQuery {
  const parsed = parseObjectsQuery(queryParametersOf(request.originalUrl), scope);
  if (!parsed.ok) {
    throw new TaxiiError(HttpStatus.BAD_REQUEST, 'Bad Request', parsed.reason, FederalErrorCode.BadQuery);
  }
  return parsed.query;
}
