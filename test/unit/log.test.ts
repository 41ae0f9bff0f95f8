import { strict as assert } from 'node:assert';
import { Log, type LogSink } from '../../src/log';

function fakeSink(): { sink: LogSink; lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string | Error) => lines.push(`${level} ${String(message)}`);
  const sink = { trace: push('trace'), debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error'), show: () => undefined };
  return { sink: sink as unknown as LogSink, lines };
}

describe('log', () => {
  it('removes a known token value wherever it appears, even when not shaped like hf_…', () => {
    const { sink, lines } = fakeSink();
    const log = new Log(sink, () => ['my-secret-endpoint-key']);
    log.info('calling with key my-secret-endpoint-key now');
    assert.deepEqual(lines, ['info calling with key [redacted] now']);
  });

  it('removes anything shaped like a Hugging Face token', () => {
    const { sink, lines } = fakeSink();
    new Log(sink, () => []).warn('token hf_AbCdEf123456 rejected');
    assert.ok(!lines[0].includes('hf_AbCdEf123456'));
    assert.match(lines[0], /\[redacted\]/);
  });

  it('replaces bearer credentials', () => {
    const { sink, lines } = fakeSink();
    new Log(sink, () => []).debug('Authorization: Bearer sk-live-abc.def');
    assert.equal(lines[0], 'debug Authorization: Bearer [redacted]');
  });

  it('reads the known secrets on every line, so a token signed in later is covered', () => {
    const { sink, lines } = fakeSink();
    const secrets: string[] = [];
    const log = new Log(sink, () => secrets);
    secrets.push('hf_fake_valid_token');
    log.info('token hf_fake_valid_token');
    assert.equal(lines[0], 'info token [redacted]');
  });

  it('logs errors by name and message only, redacted', () => {
    const { sink, lines } = fakeSink();
    const err = new TypeError('bad header Bearer hf_zzzzzzzzzz');
    new Log(sink, () => []).error('sign-in failed', err);
    assert.equal(lines[0], 'error sign-in failed: TypeError: bad header Bearer [redacted]');
    assert.ok(!lines[0].includes('at '));
  });
});
