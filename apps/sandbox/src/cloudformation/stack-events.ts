import { uuid } from '../ids';
import type { ResourceRecord, Stack } from './cfn-types';

const STACK_TYPE = 'AWS::CloudFormation::Stack';

/** Appends a resource event (stored oldest first; DescribeStackEvents serves newest first). */
export function resourceEvent(
  stack: Stack,
  record: Pick<ResourceRecord, 'logicalId' | 'physicalId' | 'type'>,
  status: string,
  reason?: string,
): void {
  stack.events.push({
    EventId: `${record.logicalId}-${status}-${new Date().toISOString()}-${uuid().slice(0, 8)}`,
    StackId: stack.StackId,
    StackName: stack.StackName,
    LogicalResourceId: record.logicalId,
    PhysicalResourceId: record.physicalId,
    ResourceType: record.type,
    Timestamp: new Date().toISOString(),
    ResourceStatus: status,
    ResourceStatusReason: reason,
    ClientRequestToken: stack.clientRequestToken,
  });
}

/** Sets a resource's status and records the matching event. */
export function setResourceStatus(
  stack: Stack,
  record: ResourceRecord,
  status: string,
  reason?: string,
): void {
  record.status = status;
  record.statusReason = reason;
  record.timestamp = new Date().toISOString();
  resourceEvent(stack, record, status, reason);
}

/** Sets the stack's status and records the stack-level event. */
export function setStackStatus(stack: Stack, status: string, reason?: string): void {
  stack.StackStatus = status;
  stack.StackStatusReason = reason;
  stack.events.push({
    EventId: uuid(),
    StackId: stack.StackId,
    StackName: stack.StackName,
    LogicalResourceId: stack.StackName,
    PhysicalResourceId: stack.StackId,
    ResourceType: STACK_TYPE,
    Timestamp: new Date().toISOString(),
    ResourceStatus: status,
    ResourceStatusReason: reason,
    ClientRequestToken: stack.clientRequestToken,
  });
}

export const isInProgress = (status: string): boolean =>
  status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';
