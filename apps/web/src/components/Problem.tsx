import { Alert, Loader, Center } from '@mantine/core';
import type { ReactNode } from 'react';

/** An API error as a page shows it: the detail and each invalid field on a line. */
export function Problem({ error, title = 'The API refused' }: { error?: Error; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} role="alert" style={{ whiteSpace: 'pre-line' }}>
      {error.message}
    </Alert>
  );
}

/** The page's content once loaded; a spinner first and the error when loading failed. */
export function Loaded<T>({
  data,
  error,
  children,
}: {
  data: T | undefined;
  error?: Error;
  children: (data: T) => ReactNode;
}) {
  if (data !== undefined) return <>{children(data)}</>;
  if (error) return <Problem error={error} title="Could not load" />;
  return (
    <Center p="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}
