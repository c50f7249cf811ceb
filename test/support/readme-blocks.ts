/** How the README test treats a shell block: run it, start it in the background, or skip it. */
export type BlockMode = 'run' | 'background' | 'skip';

export interface ShellBlock {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  mode: BlockMode;
  /** Why the block is skipped, or what a background block waits for. */
  note: string;
  script: string;
}

const FENCE = /^```(bash|sh|shell)\s*$/;
const MARKER = /^<!--\s*readme-test:\s*(skip|background)\s*(?:,\s*(.*?))?\s*-->$/;

/**
 * The `bash`/`sh` blocks of a Markdown document in order. A block runs unless the last non-blank
 * line before its fence is `<!-- readme-test: skip, <reason> -->` or
 * `<!-- readme-test: background, <what it waits for> -->` (a server the next blocks talk to).
 */
export function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (!FENCE.test(lines[index])) continue;
    const marker = MARKER.exec(previousText(lines, index));
    const end = lines.indexOf('```', index + 1);
    if (end < 0) throw new Error(`unclosed shell block at line ${index + 1}`);
    blocks.push({
      line: index + 1,
      mode: (marker?.[1] as BlockMode | undefined) ?? 'run',
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
