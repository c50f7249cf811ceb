import { Logger } from '@nestjs/common';
import { maskSecrets } from '@gantry/domain';
import type { DeploymentRunsRepository, LogEntry } from '@gantry/persistence';

/** What every view of one deployment's log shares: the secrets to mask and the append order. */
interface SharedLog {
  secrets: string[];
  /** The previous append: a deployment's targets log at once, and lines keep their call order. */
  tail: Promise<unknown>;
}

/**
 * A deployment's log: lines go to PostgreSQL (what the API and CLI show) and to the process
 * log with the deployment id. Every known secret value is masked before either sees it.
 * `scoped('<step>/<target>')` gives a view whose lines start with `[<step>/<target>] `.
 */
export class DeploymentLog {
  private readonly logger = new Logger('Deployment');
  private readonly shared: SharedLog;

  constructor(
    private readonly runs: DeploymentRunsRepository,
    private readonly deploymentId: string,
    private readonly prefix = '',
    shared?: SharedLog,
  ) {
    this.shared = shared ?? { secrets: [], tail: Promise.resolve() };
  }

  /** The same log, each line prefixed `[<scope>] ` (a step, or a step on a target). */
  scoped(scope: string): DeploymentLog {
    return new DeploymentLog(this.runs, this.deploymentId, `[${scope}] `, this.shared);
  }

  addSecrets(values: string[]): void {
    for (const value of values)
      if (value && !this.shared.secrets.includes(value)) this.shared.secrets.push(value);
  }

  info(source: string, message: string, at?: Date): Promise<void> {
    return this.write([{ level: 'info', source, message, at }]);
  }

  warn(source: string, message: string): Promise<void> {
    return this.write([{ level: 'warn', source, message }]);
  }

  error(source: string, message: string): Promise<void> {
    return this.write([{ level: 'error', source, message }]);
  }

  async write(entries: LogEntry[]): Promise<void> {
    const masked = entries.map((entry) => ({
      ...entry,
      message: maskSecrets(`${this.prefix}${entry.message}`, this.shared.secrets),
    }));
    masked.forEach((entry) => this.echo(entry));
    const append = this.shared.tail
      .catch(() => undefined)
      .then(() => this.runs.appendLog(this.deploymentId, masked));
    this.shared.tail = append;
    await append;
  }

  /** Writes a line to the process log only (one PostgreSQL already holds). */
  echo(entry: LogEntry): void {
    const line = { deploymentId: this.deploymentId, source: entry.source };
    if (entry.level === 'error') this.logger.error(line, entry.message);
    else if (entry.level === 'warn') this.logger.warn(line, entry.message);
    else this.logger.log(line, entry.message);
  }

  mask(text: string): string {
    return maskSecrets(text, this.shared.secrets);
  }
}
