import { CliIo, Output, renderTable } from './output';

function memoryIo(tty = false): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    env: {},
    stdout: { write: (chunk: string) => out.push(chunk), isTTY: tty },
    stderr: { write: (chunk: string) => err.push(chunk) },
  };
}

describe('renderTable', () => {
  it.each([
    {
      name: 'aligns plain columns and trims line ends',
      headers: ['ENVIRONMENT', 'STATUS'],
      rows: [
        ['dev', 'succeeded'],
        ['production', 'failed'],
      ],
      expected: 'ENVIRONMENT  STATUS\ndev          succeeded\nproduction   failed\n',
    },
    {
      name: 'shows empty cells as a dash',
      headers: ['A', 'B'],
      rows: [[null, '']],
      expected: 'A  B\n-  -\n',
    },
    {
      name: 'prints only headers when there are no rows',
      headers: ['ID'],
      rows: [],
      expected: 'ID\n',
    },
  ])('$name', ({ headers, rows, expected }) => {
    expect(renderTable(headers, rows, { tty: false, colour: false })).toBe(expected);
  });

  it('draws a box on a terminal, without escape codes when colour is off', () => {
    const text = renderTable(['ID'], [['1']], { tty: true, colour: false });
    expect(text).toContain('┌');
    expect(text).not.toContain(String.fromCharCode(27));
  });
});

describe('Output', () => {
  it.each([
    { format: 'text' as const, stdout: ['hello\n', 'A\n1\n'], stderr: [] },
    { format: 'json' as const, stdout: ['{\n  "a": 1\n}\n'], stderr: ['hello\n'] },
    { format: 'yaml' as const, stdout: ['a: 1\n'], stderr: ['hello\n'] },
  ])('in $format mode keeps stdout for the result', ({ format, stdout, stderr }) => {
    const io = memoryIo();
    const output = new Output(io, format);
    output.line('hello');
    output.table(['A'], [[1]]);
    output.result({ a: 1 });
    expect(io.out).toEqual(stdout);
    expect(io.err).toEqual(stderr);
  });

  it('with --quiet prints the table and errors but no progress lines', () => {
    const io = memoryIo();
    const output = new Output(io, 'text', true);
    output.line('following 1 deployment(s)…');
    output.table(['A'], [[1]]);
    output.error('error: refused');
    expect(io.out).toEqual(['A\n1\n']);
    expect(io.err).toEqual(['error: refused\n']);
  });
});
