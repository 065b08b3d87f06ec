import { type DynamicModule, Module } from '@nestjs/common';
import { AuthGuard } from './auth.guard';
import { ADMIN_TOKEN, Authenticator } from './authenticator';
import { PrincipalRepository } from './principal.repository';

@Module({})
export class AuthModule {
  static forRoot(options: { adminToken: string }): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: ADMIN_TOKEN, useValue: options.adminToken }, PrincipalRepository, Authenticator, AuthGuard],
      exports: [PrincipalRepository, Authenticator, AuthGuard],
    };
  }
}
