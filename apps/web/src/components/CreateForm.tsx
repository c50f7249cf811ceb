import { Alert, Button, Modal, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { FormEvent, ReactNode, useState } from 'react';
import { fieldErrors } from '../lib/field-errors';

/** The error a field shows, from the API's refusal of the form (undefined: none). */
export type ErrorOf = (field: string) => string | undefined;

/**
 * A button opening a modal form that runs `submit` and closes when it succeeds. A refusal shows
 * each invalid field at its input (children given as a function of `errorOf`, naming `fields`),
 * and the rest above the form.
 */
export function CreateForm({
  button,
  title,
  submit,
  fields = [],
  children,
}: {
  button: string;
  title: string;
  submit(): Promise<void>;
  fields?: readonly string[];
  children: ReactNode | ((errorOf: ErrorOf) => ReactNode);
}) {
  const [opened, { open, close }] = useDisclosure();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, fields);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await submit();
      close();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button onClick={open}>{button}</Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={onSubmit} aria-label={title} noValidate>
          <Stack>
            {errors.general.length > 0 && (
              <Alert
                color="red"
                title="The API refused"
                role="alert"
                style={{ whiteSpace: 'pre-line' }}
              >
                {errors.general.join('\n')}
              </Alert>
            )}
            {typeof children === 'function' ? children((field) => errors.byField[field]) : children}
            <Button type="submit" loading={busy}>
              Create
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
