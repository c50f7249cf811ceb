import { Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';

export function NotFound() {
  return (
    <Stack>
      <Title order={2}>Not found</Title>
      <Text>
        Nothing here. Back to the <Link href="/">dashboard</Link>.
      </Text>
    </Stack>
  );
}
