import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessController } from './access.controller';
import { AccessService } from './access.service';
import { AuditInterceptor } from './audit.interceptor';
import { AuthGuard } from './auth.guard';

@Module({
  controllers: [AccessController],
  providers: [
    AccessService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
})
export class AccessModule {}
