import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Authenticator } from './authenticator';
import { verifiedClientCertificateSha256 } from './client-certificate';
import type { Principal, Role } from './roles';

const ROLES_KEY = 'ais:roles';

/** The roles allowed on a handler or controller; the guard denies everyone else. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The caller, as the guard authenticated it. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal === undefined) {
    throw new UnauthorizedException('not authenticated');
  }
  return principal;
});

export class MissingCredentialsError extends UnauthorizedException {}

/**
 * Authentication and role check on every endpoint that declares `@Roles`; an endpoint without
 * it is refused, so forgetting the decorator cannot open an endpoint.
 *
 * A client certificate that the TLS handshake verified and that is registered on a principal
 * authenticates the caller by itself (it wins over an Authorization header); an unverified or
 * unregistered certificate, or none, leaves authentication to the Authorization header.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles === undefined || roles.length === 0) {
      throw new ForbiddenException('endpoint has no role policy');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const certificate = verifiedClientCertificateSha256(request.socket);
    const principal =
      (certificate === null ? null : await this.authenticator.authenticateCertificate(certificate)) ??
      (await this.authenticator.authenticate(request.headers.authorization));
    if (principal === null) {
      throw new MissingCredentialsError('valid credentials are required');
    }
    if (!roles.includes(principal.role)) {
      throw new ForbiddenException(`role ${principal.role} may not use this endpoint`);
    }
    request.principal = principal;
    return true;
  }
}
