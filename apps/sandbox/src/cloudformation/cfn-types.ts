/** CloudFormation objects as the sandbox keeps them. Timestamps are ISO strings. */
export type Template = Record<string, unknown> & {
  Resources?: Record<string, TemplateResource>;
  Parameters?: Record<string, TemplateParameter>;
  Conditions?: Record<string, unknown>;
  Outputs?: Record<
    string,
    { Value: unknown; Description?: string; Export?: { Name: unknown }; Condition?: string }
  >;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Description?: string;
};

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: unknown;
}

export interface TemplateParameter {
  Type: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
  ConstraintDescription?: string;
  NoEcho?: boolean | string;
  Description?: string;
  MinLength?: number;
  MaxLength?: number;
  MinValue?: number;
  MaxValue?: number;
}

export interface StackParameter {
  ParameterKey: string;
  ParameterValue: string;
}

export interface InputParameter {
  ParameterKey: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

export interface ResourceRecord {
  logicalId: string;
  type: string;
  physicalId: string;
  status: string;
  statusReason?: string;
  timestamp: string;
  properties: Record<string, unknown>;
  ref: string;
  attributes: Record<string, string>;
  deletionPolicy?: string;
  updateReplacePolicy?: string;
}

export interface StackEvent {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: string;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ResourceProperties?: string;
  ClientRequestToken?: string;
}

export interface StackOutput {
  OutputKey: string;
  OutputValue: string;
  Description?: string;
  ExportName?: string;
}

/** One step of an update that rollback must undo, newest last. Serializable, for ContinueUpdateRollback. */
export interface UndoStep {
  logicalId: string;
  kind: 'created' | 'updated' | 'replaced';
  previous?: ResourceRecord;
}

export interface Stack {
  StackId: string;
  StackName: string;
  region: string;
  StackStatus: string;
  StackStatusReason?: string;
  CreationTime: string;
  LastUpdatedTime?: string;
  DeletionTime?: string;
  Description?: string;
  ChangeSetId?: string;
  templateBody: string;
  parameters: StackParameter[];
  noEcho: string[];
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  outputs: StackOutput[];
  resources: Record<string, ResourceRecord>;
  events: StackEvent[];
  disableRollback: boolean;
  /** CreateStack's `OnFailure=DELETE`: a failed create deletes the stack instead of rolling back. */
  deleteOnFailure?: boolean;
  terminationProtection?: boolean;
  /** Template and parameters before the running update, restored by a rollback. */
  previous?: {
    templateBody: string;
    parameters: StackParameter[];
    noEcho: string[];
    outputs: StackOutput[];
  };
  pendingUndo?: UndoStep[];
  /** Physical resources to delete once the stack settles (replaced or removed). */
  pendingCleanup?: ResourceRecord[];
  cancelRequested?: boolean;
  clientRequestToken?: string;
  operationTokens: string[];
}

export interface ChangeSetResourceChange {
  Action: 'Add' | 'Modify' | 'Remove';
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceType: string;
  Replacement?: 'True' | 'False' | 'Conditional';
  Scope: string[];
  Details: Record<string, unknown>[];
}

export interface ChangeSet {
  ChangeSetId: string;
  ChangeSetName: string;
  StackId: string;
  StackName: string;
  ChangeSetType: 'CREATE' | 'UPDATE';
  Status: string;
  StatusReason?: string;
  ExecutionStatus: string;
  CreationTime: string;
  Description?: string;
  templateBody: string;
  parameters: StackParameter[];
  noEcho: string[];
  capabilities: string[];
  tags: { Key: string; Value: string }[];
  changes: ChangeSetResourceChange[];
  /** The same changes for DescribeChangeSet's `IncludePropertyValues`: a detail per changed value. */
  valueChanges?: ChangeSetResourceChange[];
  clientToken?: string;
  executionToken?: string;
}
