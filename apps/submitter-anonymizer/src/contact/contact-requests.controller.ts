import { AuthGuard, CurrentPrincipal, Roles, type Principal } from '@ais/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ContactRequestsAdapter, type ContactRequestView, type ReleasedIdentity } from './contact-requests.adapter';
import { CreateContactRequestDto } from './contact-requests.dto';

/** Federal entities ask to contact anonymous submitters; submitters grant or deny (§2.3.1.3). */
@Controller('contact-requests')
@UseGuards(AuthGuard)
export class ContactRequestsController {
  constructor(private readonly requests: ContactRequestsAdapter) {}

  @Post()
  @Roles('federal-consumer')
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateContactRequestDto): Promise<ContactRequestView> {
    return this.requests.request(principal, dto.objectId, new Date());
  }

  @Get()
  @Roles('participant', 'federal-consumer')
  async list(@CurrentPrincipal() principal: Principal): Promise<{ requests: ContactRequestView[] }> {
    return { requests: await this.requests.list(principal) };
  }

  @Post(':id/grant')
  @HttpCode(200)
  @Roles('participant')
  grant(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ContactRequestView> {
    return this.requests.answer(principal, id, true, new Date());
  }

  @Post(':id/deny')
  @HttpCode(200)
  @Roles('participant')
  deny(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ContactRequestView> {
    return this.requests.answer(principal, id, false, new Date());
  }

  /** The submitter's identity, for the granted entity alone; each read is recorded as an event. */
  @Get(':id/identity')
  @Roles('federal-consumer')
  identity(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReleasedIdentity> {
    return this.requests.release(principal, id, new Date());
  }
}
