import { currentRequest, JsonLogger } from './json-logger';

function captureStdout(fn: () => void): string[] {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe('the JSON logger', () => {
  it('puts the id of the request being handled on every line', () => {
    const logger = new JsonLogger();
    const [line] = captureStdout(() =>
      currentRequest.run({ requestId: 'req-4711' }, () => logger.log({ msg: 'applied' }, 'Test')),
    );
    expect(JSON.parse(line)).toMatchObject({ level: 'log', context: 'Test', requestId: 'req-4711' });
  });

  it('writes no request id outside a request', () => {
    const [line] = captureStdout(() => new JsonLogger().log('started', 'Test'));
    expect(JSON.parse(line)).not.toHaveProperty('requestId');
  });
});
