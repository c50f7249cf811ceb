/** One server-sent event: its type (`message` when the stream names none), data and id. */
export interface ServerEvent {
  type: string;
  data: string;
  id?: string;
}

/**
 * Parses the complete events at the start of `text` (the text/event-stream format: fields
 * `event`, `data`, `id`, lines starting with `:` are comments, a blank line ends an event) and
 * returns what is left for the next chunk.
 */
export function parseEvents(text: string): { events: ServerEvent[]; rest: string } {
  const events: ServerEvent[] = [];
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let type = 'message';
    const data: string[] = [];
    let id: string | undefined;
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    if (data.length === 0 && id === undefined && type === 'message') continue;
    events.push({ type, data: data.join('\n'), ...(id !== undefined ? { id } : {}) });
  }
  return { events, rest };
}
