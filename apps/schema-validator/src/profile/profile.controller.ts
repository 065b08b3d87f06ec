import type { AisProfile } from '@ais/ais-profile';
import { AuthGuard, Roles } from '@ais/auth';
import { Controller, Get, Param, ParseIntPipe, UseGuards } from '@nestjs/common';
import { BoardAccessErrorCode, boardError } from '../change-control/change-control.errors';
import { ProfileVersionsRepository, type ProfileVersionSummary } from './profile-versions.repository';

/**
 * The AIS Profile as published (every role may read it: participants submit against it). The
 * version in force is the one schema-validator applies to the next submission.
 */
@Controller('profile/versions')
@UseGuards(AuthGuard)
@Roles('participant', 'federal-consumer', 'analyst', 'auditor', 'admin')
export class ProfileController {
  constructor(private readonly versions: ProfileVersionsRepository) {}

  @Get()
  list(): Promise<ProfileVersionSummary[]> {
    return this.versions.list();
  }

  @Get('current')
  async current(): Promise<AisProfile> {
    return (await this.versions.current()).profile;
  }

  @Get(':version')
  async get(@Param('version', new ParseIntPipe()) version: number): Promise<AisProfile> {
    const found = await this.versions.get(version);
    if (found === null) {
      throw boardError(BoardAccessErrorCode.UnknownVersion);
    }
    return found.profile;
  }
}
