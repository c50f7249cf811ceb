import { run } from '../main';
import { memoryIo } from './fake-api-server';

/** Runs the CLI in-process with this environment; returns its exit code and what it printed. */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(env);
  const code = await run(args, io);
  return { code, out: io.stdout.text, err: io.stderr.text };
}
