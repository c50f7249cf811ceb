import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('environments')
export class EnvironmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column() description!: string;
  @Column('int') position!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
