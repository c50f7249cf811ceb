import { Logger } from '@nestjs/common';
import { maskSecrets } from '@gantry/domain';
import type { DeploymentRunsRepository, LogEntry } from '@gantry/persistence';

/**
 * A deployment's log: lines go to PostgreSQL (what the API and CLI show) and to the process
 * log with the deployment id. Every known secret value is masked before either sees it.
 */
export class DeploymentLog {
  private readonly secrets: string[] = [];
  private readonly logger = new Logger('Deployment');
  /** The previous append: a deployment's targets log at once, and lines keep their call order. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly runs: DeploymentRunsRepository,
    private readonly deploymentId: string,
  ) {}

  addSecrets(values: string[]): void {
    for (const value of values)
      if (value && !this.secrets.includes(value)) this.secrets.push(value);
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
      message: maskSecrets(entry.message, this.secrets),
    }));
    masked.forEach((entry) => this.echo(entry));
    const append = this.tail
      .catch(() => undefined)
      .then(() => this.runs.appendLog(this.deploymentId, masked));
    this.tail = append;
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
    return maskSecrets(text, this.secrets);
  }
}
