import { strict as assert } from 'node:assert';
import { ChatOutputError } from '../../../../src/core/conversation/chatErrors';
import { streamOutcome } from '../../../../src/core/conversation/streamOutcome';
import { ToolCallAssembler, type ToolCallDelta } from '../../../../src/core/conversation/toolCallAssembler';

/** Splits `text` into pieces at the given offsets. */
function cut(text: string, at: number[]): string[] {
  const bounds = [0, ...at, text.length];
  return bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
}

/** The OpenAI streaming shape: a head fragment with id and name, then argument pieces. */
function streamed(index: number, id: string, name: string, pieces: string[]): ToolCallDelta[][] {
  return [[{ index, id, type: 'function', function: { name, arguments: '' } }], ...pieces.map((p) => [{ index, function: { arguments: p } }])];
}

function assemble(chunks: ToolCallDelta[][]): ToolCallAssembler {
  const a = new ToolCallAssembler();
  for (const c of chunks) a.add(c);
  return a;
}

describe('core/conversation ToolCallAssembler', () => {
  it('concatenates argument pieces split inside a string and inside a \\u00e9 escape', () => {
    const args = '{"city":"Montr\\u00e9al","note":"a, b"}';
    const escape = args.indexOf('\\u00e9');
    const pieces = cut(args, [3, 12, escape + 1, escape + 4, args.length - 3]);
    assert.ok(pieces.some((p) => p.endsWith('\\')) && pieces.includes('u00'), 'pieces really end inside the escape');
    const a = assemble(streamed(0, 'call_abc', 'get_weather', pieces));
    assert.ok(a.hasCalls);
    assert.deepEqual(a.finish(), [{ callId: 'call_abc', name: 'get_weather', input: { city: 'Montréal', note: 'a, b' } }]);
  });

  it('keeps two parallel calls apart when their fragments interleave, in index order', () => {
    const one = streamed(1, 'call_b', 'list_files', cut('{"dir":"src"}', [4, 9]));
    const zero = streamed(0, 'call_a', 'read_file', cut('{"path":"a.ts"}', [2, 8, 11]));
    const chunks: ToolCallDelta[][] = [];
    for (let i = 0; i < Math.max(one.length, zero.length); i++) {
      if (one[i]) chunks.push(one[i]);
      if (zero[i]) chunks.push(zero[i]);
    }
    chunks.push([{ index: 1, function: { arguments: '' } }, { index: 0, function: { arguments: '' } }]);
    assert.deepEqual(assemble(chunks).finish(), [
      { callId: 'call_a', name: 'read_file', input: { path: 'a.ts' } },
      { callId: 'call_b', name: 'list_files', input: { dir: 'src' } },
    ]);
  });

  it('takes calls sent whole in one chunk, several in one array', () => {
    const a = assemble([
      [
        { index: 0, id: 'x1', type: 'function', function: { name: 'a', arguments: '{"n":1}' } },
        { index: 1, id: 'x2', type: 'function', function: { name: 'b', arguments: '{"n":2}' } },
      ],
    ]);
    assert.deepEqual(a.finish(), [
      { callId: 'x1', name: 'a', input: { n: 1 } },
      { callId: 'x2', name: 'b', input: { n: 2 } },
    ]);
  });

  it('handles calls without index (by position / new name) and without id (call_<n>)', () => {
    const a = assemble([
      [{ function: { name: 'first', arguments: '{"a":' } }],
      [{ function: { arguments: '1}' } }],
      [{ function: { name: 'second', arguments: '{}' } }],
    ]);
    assert.deepEqual(a.finish(), [
      { callId: 'call_0', name: 'first', input: { a: 1 } },
      { callId: 'call_1', name: 'second', input: {} },
    ]);
    assert.deepEqual(a.finish(), a.finish(), 'generated ids are stable');
  });

  it('treats empty arguments as {} and accepts arguments sent as an object', () => {
    const a = assemble([[{ index: 0, id: 'e', function: { name: 'now', arguments: '' } }], [{ index: 1, id: 'o', function: { name: 'obj', arguments: { k: 'v' } } }]]);
    assert.deepEqual(a.finish(), [
      { callId: 'e', name: 'now', input: {} },
      { callId: 'o', name: 'obj', input: { k: 'v' } },
    ]);
  });

  it('ignores chunks without tool calls and a repeated id or name', () => {
    const a = new ToolCallAssembler();
    a.add(undefined);
    a.add(null);
    assert.equal(a.hasCalls, false);
    a.add([{ index: 0, id: 'r', function: { name: 'echo', arguments: '{"s":' } }]);
    a.add([{ index: 0, id: 'r', function: { name: 'echo', arguments: '"x"}' } }]);
    assert.deepEqual(a.finish(), [{ callId: 'r', name: 'echo', input: { s: 'x' } }]);
  });

  it('names the tool when its arguments are not valid JSON or not an object', () => {
    for (const bad of ['{"city": "Par', '[1,2]', '42']) {
      const a = assemble(streamed(0, 'c', 'get_weather', [bad]));
      assert.throws(
        () => a.finish(),
        (err: unknown) => err instanceof ChatOutputError && err.code === 'tool-arguments' && err.toolName === 'get_weather' && /"get_weather"/.test(err.message),
      );
    }
  });

  it('refuses a call without a name', () => {
    const a = assemble([[{ index: 0, id: 'n', function: { arguments: '{}' } }]]);
    assert.throws(() => a.finish(), (err: unknown) => err instanceof ChatOutputError && err.code === 'tool-call');
  });
});

describe('core/conversation streamOutcome', () => {
  it('is an error when the stream ended without a finish reason, even with text or calls', () => {
    for (const reason of [undefined, null, '']) {
      assert.throws(
        () => streamOutcome(reason, assemble(streamed(0, 'c', 't', ['{}']))),
        (err: unknown) => err instanceof ChatOutputError && err.code === 'cut-off' && /cut off/.test(err.message),
      );
    }
  });

  it('gives the tool calls for tool_calls (and for a provider that says stop with calls)', () => {
    for (const reason of ['tool_calls', 'stop']) {
      assert.deepEqual(streamOutcome(reason, assemble(streamed(0, 'c', 't', ['{"a":', '1}']))), { kind: 'toolCalls', calls: [{ callId: 'c', name: 't', input: { a: 1 } }] });
    }
  });

  it('is complete on stop, complete and truncated on length', () => {
    assert.deepEqual(streamOutcome('stop', new ToolCallAssembler()), { kind: 'complete', truncated: false, finishReason: 'stop' });
    assert.deepEqual(streamOutcome('length', new ToolCallAssembler()), { kind: 'complete', truncated: true, finishReason: 'length' });
  });

  it('is an error for tool_calls without any call', () => {
    assert.throws(() => streamOutcome('tool_calls', new ToolCallAssembler()), (err: unknown) => err instanceof ChatOutputError && err.code === 'tool-call');
  });
});
