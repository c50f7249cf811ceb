import Table from 'cli-table3';
import { stringify } from 'yaml';

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Where the CLI writes and what environment it reads: process streams, or a test's buffers. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
}

export type OutputFormat = 'text' | 'json' | 'yaml';

export type Cell = string | number | null | undefined;

/**
 * Renders rows under headers. On a terminal: a boxed cli-table3 table (coloured headers unless
 * `colour` is false); otherwise plain space-aligned columns, so CI logs stay readable.
 */
export function renderTable(
  headers: string[],
  rows: Cell[][],
  options: { tty: boolean; colour: boolean },
): string {
  const text = rows.map((row) => headers.map((_, index) => cellText(row[index])));
  if (options.tty) {
    const table = new Table({
      head: headers,
      style: { head: options.colour ? ['cyan'] : [], border: options.colour ? ['grey'] : [] },
    });
    table.push(...text);
    return `${table.toString()}\n`;
  }
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...text.map((row) => row[index].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]))
      .join('  ')
      .trimEnd();
  return [line(headers), ...text.map(line)].map((row) => `${row}\n`).join('');
}

function cellText(cell: Cell): string {
  return cell === null || cell === undefined || cell === '' ? '-' : String(cell);
}

/** Everything a command prints goes through here, so text/JSON/YAML and TTY rules hold everywhere. */
export class Output {
  constructor(
    private readonly io: CliIo,
    readonly format: OutputFormat,
    /** `--quiet`: no progress or log lines, only results and errors. */
    private readonly quiet = false,
  ) {}

  /** True when stdout holds one machine-readable document (`-o json` or `-o yaml`). */
  get json(): boolean {
    return this.format !== 'text';
  }

  private get tty(): boolean {
    return this.io.stdout.isTTY === true;
  }

  /** Human text. In JSON/YAML mode it goes to stderr, so stdout holds only the document. */
  line(text: string): void {
    if (this.quiet) return;
    (this.json ? this.io.stderr : this.io.stdout).write(`${text}\n`);
  }

  /** Raw text for stdout as is (a template), in either mode. */
  raw(text: string): void {
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The machine-readable result of a command; printed only with `--output json|yaml`. */
  result(value: unknown): void {
    if (this.format === 'json') this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    if (this.format === 'yaml')
      this.io.stdout.write(stringify(value, { aliasDuplicateObjects: false }));
  }

  /** A table in text mode; nothing in JSON/YAML mode (the command prints its result instead). */
  table(headers: string[], rows: Cell[][]): void {
    if (this.json) return;
    this.io.stdout.write(
      renderTable(headers, rows, { tty: this.tty, colour: !this.io.env.NO_COLOR }),
    );
  }

  error(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }
}
