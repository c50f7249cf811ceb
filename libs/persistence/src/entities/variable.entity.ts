import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface VariableScopeRecord {
  environments?: string[];
  tenants?: string[];
  channels?: string[];
  targets?: string[];
}

@Entity('variables')
export class VariableEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('int') position!: number;
  @Column() name!: string;
  @Column('text', { nullable: true }) value!: string | null;
  @Column('text', { nullable: true }) valueEncrypted!: string | null;
  @Column() sensitive!: boolean;
  @Column('jsonb') scope!: VariableScopeRecord;
}
