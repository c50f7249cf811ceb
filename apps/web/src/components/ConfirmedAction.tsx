import { Button } from '@mantine/core';
import { useState } from 'react';

/** A destructive action on one row of a list: asked first, the list reloaded after, its failure kept. */
export interface ConfirmedAction {
  /** The last failure (undefined: none), for a `Problem` above the list. */
  error?: Error;
  /** Asks `question`; when confirmed runs `action`, then reloads (or keeps the failure). */
  run(question: string, action: () => Promise<unknown>): Promise<void>;
}

/** The state of a row action whose success calls `onDone` (typically the list's reload). */
export function useConfirmedAction(onDone: () => void): ConfirmedAction {
  const [error, setError] = useState<Error>();
  async function run(question: string, action: () => Promise<unknown>) {
    if (!window.confirm(question)) return;
    setError(undefined);
    try {
      await action();
      onDone();
    } catch (failure) {
      setError(failure as Error);
    }
  }
  return { error, run };
}

/** The small red button of a row action: "<verb>" labelled "<verb> <name>" for screen readers. */
export function ConfirmedActionButton({
  verb,
  name,
  question,
  with: confirmed,
  action,
}: {
  verb: string;
  name: string;
  question: string;
  with: ConfirmedAction;
  action(): Promise<unknown>;
}) {
  return (
    <Button
      size="xs"
      color="red"
      variant="outline"
      aria-label={`${verb} ${name}`}
      onClick={() => confirmed.run(question, action)}
    >
      {verb}
    </Button>
  );
}
