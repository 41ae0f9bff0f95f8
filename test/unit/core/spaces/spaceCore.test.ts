import { strict as assert } from 'node:assert';
import { describeStage } from '../../../../src/core/spaces/spaceStage';
import { nextPollDelay, PollScheduler, type Timers } from '../../../../src/core/spaces/pollScheduler';
import { followLogs, formatLogLine, LogDeduper, reconnectDelay, SpaceLogParser, type LogLine } from '../../../../src/core/spaces/logStream';

describe('core/spaces', () => {
  describe('describeStage', () => {
    it('labels known stages and marks build end states', () => {
      assert.deepEqual(describeStage('BUILDING'), { stage: 'BUILDING', label: 'Building', icon: 'loading~spin', kind: 'busy', terminal: false });
      assert.equal(describeStage('RUNNING').terminal, true);
      assert.equal(describeStage('BUILD_ERROR').kind, 'error');
      assert.equal(describeStage('PAUSED').kind, 'idle');
    });
    it('shows an unknown stage as is and keeps checking it', () => {
      const info = describeStage('SOME_NEW_STAGE');
      assert.equal(info.label, 'Some new stage');
      assert.equal(info.terminal, false);
    });
  });

  describe('poll scheduler', () => {
    it('polls fast while building, slow once settled, not at all when hidden', () => {
      const intervals = { busyMs: 10, settledMs: 500 };
      assert.equal(nextPollDelay('BUILDING', true, intervals), 10);
      assert.equal(nextPollDelay('RUNNING', true, intervals), 500);
      assert.equal(nextPollDelay('RUNNING', false, intervals), undefined);
    });

    it('reports only changes and stops when hidden', async () => {
      const pending: Array<{ fn: () => void; ms: number }> = [];
      const timers: Timers = {
        setTimeout: (fn, ms) => { const t = { fn, ms }; pending.push(t); return t; },
        clearTimeout: (h) => { const i = pending.indexOf(h as { fn: () => void; ms: number }); if (i >= 0) pending.splice(i, 1); },
      };
      const stages = ['BUILDING', 'BUILDING', 'RUNNING'];
      const seen: string[] = [];
      const poll = new PollScheduler(async () => stages.shift(), (s) => seen.push(s), timers, { busyMs: 1, settledMs: 99 });
      const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };
      poll.setVisible(true);
      await flush();
      assert.deepEqual(pending.map((t) => t.ms), [1]);
      pending.shift()!.fn(); await flush();
      pending.shift()!.fn(); await flush();
      assert.deepEqual(seen, ['BUILDING', 'RUNNING']);
      assert.deepEqual(pending.map((t) => t.ms), [99]);
      poll.setVisible(false);
      assert.equal(pending.length, 0);
    });
  });

  describe('log stream', () => {
    const ev = (text: string, ts: string) => `data: ${JSON.stringify({ data: text, timestamp: ts })}\n\n`;

    it('parses SSE events split at any point and skips keep-alives', () => {
      const text = ev('Step 1/3\n', '2026-12-05T14:00:01.000Z') + ': keep-alive\n\n' + ev('done', '2026-12-05T14:00:02Z');
      for (let cut = 0; cut <= text.length; cut += 7) {
        const parser = new SpaceLogParser();
        const lines = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
        assert.deepEqual(lines.map((l) => l.text), ['Step 1/3', 'done'], `cut at ${cut}`);
      }
    });

    it('ignores events that are not log JSON', () => {
      assert.deepEqual(new SpaceLogParser().push('data: not json\n\ndata: {"x":1}\n\n'), []);
    });

    it('does not repeat lines after a reconnect replays the stream, but keeps real repeats', () => {
      const d = new LogDeduper();
      const first: LogLine[] = [{ text: 'a', timestamp: 't1' }, { text: 'b', timestamp: 't2' }, { text: 'b', timestamp: 't2' }];
      assert.deepEqual(first.map((l) => d.accept(l)), [true, true, true]);
      d.reconnected();
      const replay: LogLine[] = [...first, { text: 'b', timestamp: 't2' }, { text: 'c', timestamp: 't3' }];
      assert.deepEqual(replay.map((l) => d.accept(l)), [false, false, false, true, true]);
    });

    it('backs off by doubling up to a cap and prefixes the time', () => {
      assert.deepEqual([0, 1, 2, 10].map((a) => reconnectDelay(a, 100, 1000)), [100, 200, 400, 1000]);
      assert.equal(formatLogLine({ text: 'hi', timestamp: '2026-12-05T14:15:03.123Z' }), '[14:15:03] hi');
    });

    it('follow stops at a fatal error without reconnecting, and gives up after maxAttempts', async () => {
      const signal = new AbortController().signal;
      const failing = (err: Error) => ({
        open: async function* (): AsyncGenerator<string> { yield ''; throw err; },
        onLine: () => undefined,
        wait: () => Promise.resolve(),
        signal,
      });
      const reconnects: number[] = [];
      await assert.rejects(followLogs({ ...failing(new Error('403')), isFatal: () => true, onReconnect: (a) => reconnects.push(a) }), /403/);
      assert.equal(reconnects.length, 0);
      await assert.rejects(followLogs({ ...failing(new Error('drop')), maxAttempts: 2, onReconnect: (a) => reconnects.push(a) }), /drop/);
      assert.deepEqual(reconnects, [0, 1]);
    });
  });
});
