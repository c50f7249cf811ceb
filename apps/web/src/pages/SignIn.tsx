import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { CurrentKey } from '../lib/auth';
import { whoami } from '../lib/api';

/** Sign-in with an API key: checked with GET /api/whoami, kept in session storage only. */
export function SignIn({
  message,
  onSignedIn,
}: {
  message?: string;
  onSignedIn(secret: string, key: CurrentKey): void;
}) {
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | undefined>(message);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const key = await whoami(secret.trim());
      if (key) onSignedIn(secret.trim(), key);
      else setError('Gantry does not know that key.');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder p="xl" w={420} maw="100%">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              Gantry
            </Title>
            <Text size="sm">
              Sign in with an API key. It is kept in this tab only and forgotten on sign-out.
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput
              label="API key"
              required
              autoFocus
              autoComplete="off"
              value={secret}
              onChange={(event) => setSecret(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
