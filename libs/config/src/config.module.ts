import { DynamicModule, Global, Module } from '@nestjs/common';
import type { GantryConfig } from './config.schema';

export const GANTRY_CONFIG = Symbol('GANTRY_CONFIG');
export const MASTER_KEY = Symbol('MASTER_KEY');

/** Makes the validated configuration and the master key injectable everywhere. */
@Global()
@Module({})
export class GantryConfigModule {
  static forRoot(config: GantryConfig, masterKey: Buffer): DynamicModule {
    return {
      module: GantryConfigModule,
      providers: [
        { provide: GANTRY_CONFIG, useValue: config },
        { provide: MASTER_KEY, useValue: masterKey },
      ],
      exports: [GANTRY_CONFIG, MASTER_KEY],
    };
  }
}
