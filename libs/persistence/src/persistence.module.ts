import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MASTER_KEY } from '@gantry/config';
import { openDatabase } from './database-bootstrap';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { SecretBox } from './secret-box';
import { REPOSITORIES } from './repositories';

/** Connects to PostgreSQL (creating and migrating the database first) and provides the repositories. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(databaseUrl),
          dataSourceFactory: async (options) => {
            const dataSource = new DataSource(options!);
            const applied = await openDatabase(dataSource, databaseUrl);
            if (applied.length)
              new Logger('Database').log(
                `Applied ${applied.length} migration(s): ${applied.join(', ')}`,
              );
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [
        {
          provide: SecretBox,
          useFactory: (key: Buffer) => new SecretBox(key),
          inject: [MASTER_KEY],
        },
        ...REPOSITORIES,
      ],
      exports: [TypeOrmModule, SecretBox, ...REPOSITORIES],
    };
  }
}
