import { Badge } from '@mantine/core';

/** Deployment and progression statuses: shade 9 (or dark text) keeps 4.5:1 contrast. */
const COLOURS: Record<string, string> = {
  queued: 'gray.7',
  pending: 'gray.7',
  skipped: 'dark.4',
  running: 'blue.9',
  waiting: 'yellow.5',
  succeeded: 'green.9',
  failed: 'red.9',
  cancelled: 'dark.4',
  deployed: 'green.9',
  allowed: 'blue.9',
  blocked: 'gray.7',
};

export function StatusBadge({
  status,
  size = 'sm',
}: {
  status: string;
  size?: 'xs' | 'sm' | 'md';
}) {
  return (
    <Badge color={COLOURS[status] ?? 'gray.7'} size={size} variant="filled" data-status={status}>
      {status}
    </Badge>
  );
}
