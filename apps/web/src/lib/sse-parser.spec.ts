import { parseEvents } from './sse-parser';

describe('parseEvents (the console reads server-sent events)', () => {
  it.each([
    [
      'a complete event with a type, id and data',
      'event: log\nid: 3\ndata: {"seq":3}\n\n',
      [{ type: 'log', id: '3', data: '{"seq":3}' }],
      '',
    ],
    [
      'two events and a partial third kept for the next chunk',
      'data: a\n\nevent: end\ndata: b\n\nevent: lo',
      [
        { type: 'message', data: 'a' },
        { type: 'end', data: 'b' },
      ],
      'event: lo',
    ],
    ['comments (keep-alives) only', ': ping\n\n', [], ''],
    [
      'CRLF line ends and multi-line data',
      'data: x\r\ndata: y\r\n\r\n',
      [{ type: 'message', data: 'x\ny' }],
      '',
    ],
    ['nothing complete yet', 'data: {"seq"', [], 'data: {"seq"'],
  ])('%s', (_label, text, events, rest) => {
    expect(parseEvents(text)).toEqual({ events, rest });
  });
});
