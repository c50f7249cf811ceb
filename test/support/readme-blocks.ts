/**
 * How the docs tests treat a shell block: run it, start it in the background, skip it (with a
 * reason), or leave it as a usage synopsis (`[--options]`, `<placeholders>`: not a command).
 */
export type BlockMode = 'run' | 'background' | 'skip' | 'usage';

export interface ShellBlock {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  mode: BlockMode;
  /** Why the block is skipped, or what a background block waits for. */
  note: string;
  script: string;
}

const FENCE = /^```(?:bash|sh|shell)(?:\s+(usage))?\s*$/;
const MARKER = /^<!--\s*(?:readme|docs)-test:\s*(skip|background)\s*(?:,\s*(.*?))?\s*-->$/;

/**
 * The `bash`/`sh` blocks of a Markdown document in order. A block runs unless the last non-blank
 * line before its fence is `<!-- readme-test: skip, <reason> -->` or
 * `<!-- readme-test: background, <what it waits for> -->` (a server the next blocks talk to);
 * `docs-test:` works the same. A fence ```` ```sh usage ```` marks a usage synopsis, never run.
 */
export function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = FENCE.exec(lines[index]);
    if (!fence) continue;
    const marker = MARKER.exec(previousText(lines, index));
    const end = lines.indexOf('```', index + 1);
    if (end < 0) throw new Error(`unclosed shell block at line ${index + 1}`);
    blocks.push({
      line: index + 1,
      mode: fence[1] ? 'usage' : ((marker?.[1] as BlockMode | undefined) ?? 'run'),
      note: marker?.[2] ?? '',
      script: lines.slice(index + 1, end).join('\n'),
    });
    index = end;
  }
  return blocks;
}

function previousText(lines: string[], index: number): string {
  for (let at = index - 1; at >= 0; at -= 1) if (lines[at].trim()) return lines[at].trim();
  return '';
}
