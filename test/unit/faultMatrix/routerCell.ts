// One router cell of the matrix: arm the fault on the fake, run the action through the real Router, the
// real hfTransport and @huggingface/inference over HTTP, then check the outcome, the decision record, the
// requests the fake saw, the waits the router asked for, the stream the consumer assembled, and that no
// message, decision or log line carries the token.
import { strict as assert } from 'node:assert';
import { formatDecision, type CandidateOutcome } from '../../../src/core/routing/decision';
import { Router, type RouteOutcome } from '../../../src/core/routing/router';
import { RoutingError } from '../../../src/core/routing/routingError';
import type { Candidate, Transport } from '../../../src/core/routing/routingTypes';
import { DEFAULT_SETTINGS, type RoutingSettings } from '../../../src/core/routing/settings';
import { createHfTransport } from '../../../src/core/routing/transport/hfTransport';
import type { TaskResult } from '../../../src/core/tasks/taskTypes';
import { stripSuffix } from '../../fake-hf/faults';
import { isRecord } from '../../fake-hf/http';
import { VALID_TOKEN, type FakeHf } from '../../fake-hf/server';
import { InstantClock } from '../support/instantClock';
import { MemoryStore } from '../support/memoryStore';
import type { FaultRow } from './faultRows';
import type { RouterAction } from './routerActions';
import { assertExplained, assertUserSafe } from './safety';
import { approving } from '../support/tokenChecks';

/** Generous for a healthy answer on a busy machine; only the faulted attempts of timeout rows use SHORT. */
const NORMAL_TIMEOUT_MS = 10_000;
const SHORT_TIMEOUT_MS = 100;
const MAX_ATTEMPTS = 2;

export interface RouterEnv {
  readonly fake: FakeHf;
  /** A loopback URL that refuses connections, standing in for the router host. */
  readonly refusedUrl: string;
}

export const answerKey = (action: string, model: string): string => `${action}|${model}`;

/** What a healthy candidate answers: the result, and the text a streaming consumer assembles. */
export interface Answer {
  readonly result: TaskResult;
  readonly streamed: string;
}

interface Run {
  readonly outcome?: RouteOutcome;
  readonly error?: RoutingError;
  readonly streamed: string;
  readonly restarts: number;
  readonly sleeps: readonly number[];
  readonly logs: readonly string[];
}

function settingsFor(env: RouterEnv, timeoutMs: number, routerUrl = env.fake.routerUrl): RoutingSettings {
  const { fake } = env;
  return {
    ...DEFAULT_SETTINGS,
    hubUrl: fake.hubUrl,
    routerUrl,
    datasetsServerUrl: fake.datasetsServerUrl,
    policy: 'huggingFaceOnly',
    cacheTtlMs: 0,
    requestsPerMinute: 100_000,
    maxAttempts: MAX_ATTEMPTS,
    requestTimeoutMs: timeoutMs,
  };
}

function transportFor(settings: RoutingSettings): Transport {
  return createHfTransport({
    settings: () => settings,
    getToken: async () => VALID_TOKEN,
    getEndpointKey: async () => undefined,
    checkTokenDestination: approving(settings.hubUrl, settings.routerUrl),
  });
}

/**
 * The faulted attempts of a timeout row get a short per-attempt timeout, every other call the normal one:
 * a fault cell then takes milliseconds, and a healthy answer never races a tiny timer.
 */
function timeoutSwitchingTransport(env: RouterEnv, row: FaultRow, primary: Candidate, faultedCalls: number): Transport {
  const normal = transportFor(settingsFor(env, NORMAL_TIMEOUT_MS));
  if (!row.shortTimeout) return normal;
  const short = transportFor(settingsFor(env, SHORT_TIMEOUT_MS));
  let left = faultedCalls;
  return {
    call(candidate, request, options) {
      if (candidate.model !== primary.model || left <= 0) return normal.call(candidate, request, options);
      left -= 1;
      return short.call(candidate, request, options);
    },
  };
}

/** Runs the action once (no fault armed by this function) and records what the consumer saw. */
export async function runAction(env: RouterEnv, action: RouterAction, row: FaultRow | undefined, chain: readonly Candidate[]): Promise<Run> {
  const clock = new InstantClock();
  const logs: string[] = [];
  const refused = row?.id === 'refused';
  const only = action.fallback ? undefined : chain[0];
  const faultedCalls = only ? 1 : Infinity;
  const transport = row
    ? refused
      ? transportFor(settingsFor(env, NORMAL_TIMEOUT_MS, env.refusedUrl))
      : timeoutSwitchingTransport(env, row, action.primary, faultedCalls)
    : transportFor(settingsFor(env, NORMAL_TIMEOUT_MS));
  const router = new Router({
    settings: settingsFor(env, NORMAL_TIMEOUT_MS),
    transport,
    store: new MemoryStore(),
    clock,
    random: () => 0.5,
    log: (line) => logs.push(line),
    buildChain: () => [...chain],
  });
  let streamed = '';
  let restarts = 0;
  const stream = action.streams
    ? { onToken: (t: string) => (streamed += t), onRestart: () => ((streamed = ''), (restarts += 1)) }
    : {};
  try {
    const outcome = await router.run(action.request, { ...stream, ...(only ? { only } : {}) });
    return { outcome, streamed, restarts, sleeps: clock.sleeps, logs };
  } catch (err) {
    assert.ok(err instanceof RoutingError, `the router rejects with a RoutingError, got ${String(err)}`);
    return { error: err, streamed, restarts, sleeps: clock.sleeps, logs };
  }
}

/** POSTs the fake's router listener received for `model` (in the path for hf-inference, in the body for chat). */
export function postsFor(fake: FakeHf, model: string): number {
  return fake.requests.filter((r) => {
    if (r.listener !== 'router' || r.method !== 'POST') return false;
    const bodyModel = isRecord(r.body) && typeof r.body.model === 'string' ? stripSuffix(r.body.model) : undefined;
    return r.path.includes(`/models/${model}`) || bodyModel === model;
  }).length;
}

export interface CellPlan {
  /** Who answers in the end; undefined when the run must fail. */
  readonly answeredBy?: 'primary' | 'fallback';
  /** The primary's attempts, as the decision must count them. */
  readonly primaryAttempts: number;
  /** Requests the fake must have recorded for the primary and the fallback. */
  readonly primaryPosts: number;
  readonly fallbackPosts: number;
  /** The waits the router asked for, in order. */
  readonly sleeps: number;
  /** Failed attempts that had streamed tokens (each must be followed by an onRestart). */
  readonly restarts: number;
}

/** The outcome the row's expectation implies for this action (see Verdict in faultRows.ts). */
export function planCell(action: RouterAction, row: FaultRow): CellPlan {
  const { verdict } = row.router;
  if (row.id === 'refused') {
    // Nothing listens on the router host: one attempt, no retry, and the other models on that host are skipped.
    return { primaryAttempts: 1, primaryPosts: 0, fallbackPosts: 0, sleeps: 0, restarts: 0 };
  }
  // "Try it" arms the fault once: a retry then reaches the healthy model; the chain's primary stays faulted.
  const single = action.fallback === undefined;
  const attempts = verdict === 'retry' ? MAX_ATTEMPTS : 1;
  const failedAttempts = single && verdict === 'retry' ? 1 : attempts;
  const answeredBy = verdict === 'stop' ? undefined : single ? (verdict === 'retry' ? 'primary' : undefined) : 'fallback';
  return {
    answeredBy,
    primaryAttempts: attempts,
    primaryPosts: attempts,
    fallbackPosts: answeredBy === 'fallback' ? 1 : 0,
    sleeps: verdict === 'retry' ? 1 : 0,
    restarts: action.streams && row.streamOnly ? failedAttempts : 0,
  };
}

function outcomeOf(outcomes: readonly CandidateOutcome[], model: string): CandidateOutcome {
  const found = outcomes.find((o) => o.model === model);
  assert.ok(found, `the decision lists ${model}`);
  return found;
}

/** The decision: what was tried, how often, why it failed, and who answered. */
function checkDecision(run: Run, action: RouterAction, row: FaultRow, plan: CellPlan): void {
  const decision = run.outcome?.decision ?? run.error?.decision;
  assert.ok(decision, 'a decision was recorded');
  const primary = outcomeOf(decision.outcomes, action.primary.model);
  assert.equal(primary.why, action.primary.why, 'the decision says why the model was tried');
  assert.equal(primary.attempts, plan.primaryAttempts, 'attempts on the faulted model');
  if (plan.answeredBy === 'primary') {
    assert.equal(primary.status, 'succeeded');
    assert.equal(decision.chosen?.model, action.primary.model);
    return;
  }
  assert.deepEqual([primary.status, primary.failure], ['failed', row.router.kind], `the faulted model failed as ${row.router.kind}`);
  assert.ok(primary.reason, 'the decision says why the faulted model failed');
  if (plan.answeredBy === 'fallback' && action.fallback) {
    assert.equal(decision.chosen?.model, action.fallback.model);
    assert.deepEqual(decision.outcomes.map((o) => o.status), ['failed', 'succeeded']);
    return;
  }
  assert.equal(decision.chosen, undefined, 'nobody answered');
  assert.equal(typeof decision.error, 'string');
  if (row.id === 'refused' && action.fallback) {
    const fallback = outcomeOf(decision.outcomes, action.fallback.model);
    assert.equal(fallback.status, 'skipped', 'a model on the host that could not be reached is not tried');
    assert.match(fallback.reason ?? '', /could not be reached/);
    return;
  }
  assert.equal(decision.outcomes.length, 1, row.router.verdict === 'stop' ? 'the chain stopped at the faulted model' : 'every candidate was tried');
}

/** Everything a cell asserts; `answers` holds each model's healthy answer, recorded before the matrix ran. */
export function checkCell(env: RouterEnv, run: Run, action: RouterAction, row: FaultRow, answers: ReadonlyMap<string, Answer>): void {
  const plan = planCell(action, row);
  if (plan.answeredBy) {
    assert.ok(run.outcome, `expected an answer, got: ${run.error?.message}`);
    const model = plan.answeredBy === 'primary' ? action.primary.model : action.fallback?.model;
    const answer = answers.get(answerKey(action.id, model ?? ''));
    assert.ok(answer, `a healthy answer of ${model} was recorded`);
    assert.deepEqual(run.outcome.result, answer.result, 'the answer is the healthy model’s whole answer');
    if (action.streams) assert.equal(run.streamed, answer.streamed, 'the consumer holds exactly the final stream');
  } else {
    assert.ok(run.error, 'expected the run to fail');
    assert.equal(run.error.failure.kind, row.router.kind);
  }
  checkDecision(run, action, row, plan);
  assert.equal(postsFor(env.fake, action.primary.model), plan.primaryPosts, 'requests the fake saw for the faulted model');
  if (action.fallback) assert.equal(postsFor(env.fake, action.fallback.model), plan.fallbackPosts, 'requests for the fallback');
  assert.equal(run.sleeps.length, plan.sleeps, `waits asked for: ${run.sleeps.join(', ')}`);
  const waitOk = row.router.waitMs;
  if (waitOk) assert.ok(run.sleeps.every(waitOk), `the wait honours the fault: ${run.sleeps.join(', ')} ms`);
  // A stall can outlast the short timer before the first chunk on a very busy machine: then nothing streamed.
  if (row.id === 'stall') assert.ok(run.restarts <= plan.restarts, `restarts: ${run.restarts}`);
  else assert.equal(run.restarts, plan.restarts, 'every streamed attempt that failed was followed by onRestart');
  const decision = run.outcome?.decision ?? run.error?.decision;
  const shown = [run.error?.message, run.error?.failure.message, decision?.error, ...(decision?.outcomes.map((o) => o.reason) ?? [])];
  assertUserSafe([...shown, decision && formatDecision(decision), ...run.logs], VALID_TOKEN);
  assertExplained(shown);
}
