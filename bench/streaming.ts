/**
 * Streaming through the routing core vs the raw client, same model and provider (a chat model on the auto
 * router), same messages, same fake server:
 * - time to first token: Router.run with onToken vs InferenceClient.chatCompletionStream, interleaved, with the
 *   same server latency as the routing section before the first byte;
 * - throughput: the fake streams as fast as loopback allows, so a pacing fetch stands in for a provider that
 *   generates a token every PACE_MS; tokens/s handed to the client ("received") vs tokens/s reaching the
 *   onToken callback the editor inserts from ("delivered").
 * - the same two for the chat model provider's path (src/chat/languageModelProvider.ts without VS Code's objects): the
 *   chat's messages converted to OpenAI's shape (core/conversation/chatMessages.ts), then Router.run with that
 *   conversation and `noRestart`, as the provider runs every request of VS Code's chat.
 */
import { performance } from 'node:perf_hooks';
import { toOpenAiMessages, toOpenAiTools, toolChoice, type NeutralMessage } from '../src/core/conversation/chatMessages';
import { chatMessages } from '../src/core/routing/prompts';
import type { TaskRequest } from '../src/core/tasks/taskTypes';
import { VALID_TOKEN } from '../test/fake-hf/server';
import { benchSettings, makeRawClient, makeRouter } from './fakeEnv';
import { fmt, infoRow, targetRow } from './report';
import { SLOW_MS } from './routing';
import type { BenchContext, Section, SectionResult } from './section';
import { sideBySide } from './sideBySide';
import { pacedSseFetch, tokensPerSecond } from './sse';
import { median, round } from './stats';

const MODEL = 'meta-llama/Llama-3.1-8B-Instruct';
export const TTFT_RUNS = 100;
const TTFT_WARMUP = 10;
const REPLY_WORDS = 120;
const PACED_STREAMS = 6;
/** One token every PACE_MS (nominally 400 tokens/s; timers make it somewhat less): faster than hosted providers stream, so a slow consumer would show. */
const PACE_MS = 2.5;

function replyText(words: number): string {
  return Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
}

export const streamingSection: Section = {
  name: 'streaming',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { fake } = ctx;
    fake.reset();
    fake.setChatReply('*', replyText(REPLY_WORDS));
    fake.setFault({ listener: 'router' }, { type: 'slow', delayMs: SLOW_MS });
    try {
      const settings = benchSettings(fake, { cacheTtlMs: 0, pinnedModels: { chat: MODEL } });
      const request: TaskRequest = { task: 'chat', prompt: 'Tell me about streaming.' };
      const router = makeRouter(settings, VALID_TOKEN);
      const client = makeRawClient(settings, VALID_TOKEN);

      const routerFirstToken = async (): Promise<number> => {
        const started = performance.now();
        let first: number | undefined;
        await router.run(request, { onToken: () => (first ??= performance.now()) });
        if (first === undefined) throw new Error('router streamed no token');
        return first - started;
      };
      const rawFirstToken = async (): Promise<number> => {
        const started = performance.now();
        let first: number | undefined;
        for await (const chunk of client.chatCompletionStream({ model: MODEL, provider: 'auto', messages: chatMessages(request) })) {
          if (chunk.choices?.[0]?.delta?.content) first ??= performance.now();
        }
        if (first === undefined) throw new Error('raw client streamed no token');
        return first - started;
      };
      // What VS Code's chat hands the provider: a system turn and the user's turn, as neutral messages.
      const chatTurns: NeutralMessage[] = [
        { role: 'system', parts: [{ kind: 'text', text: 'You are a helpful assistant.' }] },
        { role: 'user', parts: [{ kind: 'text', text: request.prompt }] },
      ];
      const providerRequest = (): TaskRequest => ({
        task: 'chat',
        prompt: request.prompt,
        conversation: { messages: toOpenAiMessages(chatTurns, { model: MODEL, imageInput: false }), tools: toOpenAiTools([]), toolChoice: toolChoice('auto', []) },
      });
      const providerFirstToken = async (): Promise<number> => {
        const started = performance.now();
        let first: number | undefined;
        await router.run(providerRequest(), { noRestart: true, onToken: () => (first ??= performance.now()) });
        if (first === undefined) throw new Error('the provider path streamed no token');
        return first - started;
      };
      ctx.log(`streaming: ${TTFT_RUNS} interleaved streams per variant for time to first token`);
      const ttft = await sideBySide(routerFirstToken, rawFirstToken, { runs: TTFT_RUNS, warmup: TTFT_WARMUP });
      ctx.log(`streaming: ${TTFT_RUNS} interleaved streams per variant for the chat provider's time to first token`);
      const providerTtft = await sideBySide(providerFirstToken, rawFirstToken, { runs: TTFT_RUNS, warmup: TTFT_WARMUP });

      ctx.log(`streaming: ${PACED_STREAMS} paced streams (${REPLY_WORDS} tokens at one per ${PACE_MS} ms) for throughput`);
      /** Tokens/s received from the (paced) server and handed to onToken, per stream, for one way of running the request. */
      const pacedRates = async (what: string, runOne: (router: ReturnType<typeof makeRouter>, onToken: () => void) => Promise<unknown>) => {
        const receivedRates: number[] = [];
        const deliveredRates: number[] = [];
        for (let i = 0; i < PACED_STREAMS; i++) {
          const received: number[] = [];
          const delivered: number[] = [];
          await runOne(makeRouter(settings, VALID_TOKEN, pacedSseFetch(globalThis.fetch, PACE_MS, received)), () => delivered.push(performance.now()));
          if (delivered.length !== received.length) throw new Error(`${what}: received ${received.length} tokens but delivered ${delivered.length}`);
          receivedRates.push(tokensPerSecond(received));
          deliveredRates.push(tokensPerSecond(delivered));
        }
        return { receivedRates, deliveredRates, received: median(receivedRates), delivered: median(deliveredRates) };
      };
      const routed = await pacedRates('router', (r, onToken) => r.run(request, { onToken }));
      const providerTps = await pacedRates('provider path', (r, onToken) => r.run(providerRequest(), { noRestart: true, onToken }));
      const { receivedRates, deliveredRates, received: receivedTps, delivered: deliveredTps } = routed;
      return {
        rows: [
          targetRow(
            'streaming',
            'Streaming: time to first token, router vs raw chatCompletionStream (median ratio)',
            ttft.ratioOfMedians,
            `${fmt.ratio(ttft.ratioOfMedians)} (${fmt.ms(ttft.a.median)} vs ${fmt.ms(ttft.b.median)})`,
            { op: '<=', value: 1.05, unit: '×' },
          ),
          infoRow(
            'streaming',
            'Streaming: tokens/s delivered to the editor vs received',
            `${deliveredTps.toFixed(0)} vs ${receivedTps.toFixed(0)} tok/s (${fmt.pct(deliveredTps / receivedTps)})`,
            round(deliveredTps / receivedTps, 4),
          ),
          targetRow(
            'streaming',
            'Chat provider: time to first token, the vscode.lm provider\'s path vs raw chatCompletionStream (median ratio)',
            providerTtft.ratioOfMedians,
            `${fmt.ratio(providerTtft.ratioOfMedians)} (${fmt.ms(providerTtft.a.median)} vs ${fmt.ms(providerTtft.b.median)})`,
            { op: '<=', value: 1.05, unit: '×' },
          ),
          targetRow(
            'streaming',
            'Chat provider: tokens/s reported to the chat vs received',
            round(providerTps.delivered / providerTps.received, 4),
            `${providerTps.delivered.toFixed(0)} vs ${providerTps.received.toFixed(0)} tok/s (${fmt.pct(providerTps.delivered / providerTps.received)})`,
            { op: '>=', value: 0.98, unit: '×' },
          ),
        ],
        details: {
          model: MODEL,
          provider: 'auto',
          serverLatencyMs: SLOW_MS,
          ttft: { router: ttft.a, raw: ttft.b, ratioOfMedians: ttft.ratioOfMedians, runs: TTFT_RUNS, warmup: TTFT_WARMUP },
          providerTtft: { provider: providerTtft.a, raw: providerTtft.b, ratioOfMedians: providerTtft.ratioOfMedians },
          providerThroughput: providerTps,
          throughput: { tokensPerStream: REPLY_WORDS, paceMs: PACE_MS, streams: PACED_STREAMS, receivedTps, deliveredTps, receivedRates, deliveredRates },
        },
      };
    } finally {
      fake.reset();
    }
  },
};
