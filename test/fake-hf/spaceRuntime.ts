// Space runtime state of one fake instance: the stage (building → running, or → error by a switch), hardware,
// sleep time, and the build/run log lines the logs SSE routes replay and follow. The catalog stays immutable:
// a Space's runtime starts from its catalog entry and lives here once an action touched it.
import type { SpaceEntry } from './catalogTypes';
import { spaceRuntime } from './hubFields';
import type { FakeState } from './state';

export interface FakeLogLine {
  data: string;
  timestamp: string;
}

export interface SpaceRuntimeState {
  stage: string;
  hardware: { current: string | null; requested: string | null };
  gcTimeout: number | null;
  errorMessage?: string;
  build: FakeLogLine[];
  run: FakeLogLine[];
  /** Bumped by every build so a superseded build's timers stop. */
  generation: number;
  listeners: Set<() => void>;
}

export interface SpaceBuildOptions {
  /** Time between two build log lines (and before the final stage). */
  stepMs: number;
  /** The next builds end in BUILD_ERROR instead of RUNNING. */
  fail: boolean;
}

interface Store {
  spaces: Map<string, SpaceRuntimeState>;
  options: SpaceBuildOptions;
  timers: Set<NodeJS.Timeout>;
}

const stores = new WeakMap<FakeState, Store>();
const DEFAULT_OPTIONS: SpaceBuildOptions = { stepMs: 40, fail: false };
export const BUILD_STEPS = ['Fetching the repository', 'Installing requirements', 'Building the image', 'Pushing the image'];

function store(state: FakeState): Store {
  let s = stores.get(state);
  if (!s) {
    s = { spaces: new Map(), options: { ...DEFAULT_OPTIONS }, timers: new Set() };
    stores.set(state, s);
  }
  return s;
}

export function setSpaceBuildOptions(state: FakeState, options: Partial<SpaceBuildOptions>): void {
  Object.assign(store(state).options, options);
}

/** Forgets every runtime change and stops pending builds (the fake's reset). */
export function resetSpaceRuntimes(state: FakeState): void {
  const s = store(state);
  for (const t of s.timers) clearTimeout(t);
  s.timers.clear();
  s.spaces.clear();
  s.options = { ...DEFAULT_OPTIONS };
}

export function runtimeOf(state: FakeState, entry: SpaceEntry): SpaceRuntimeState {
  const s = store(state);
  let rt = s.spaces.get(entry.id);
  if (!rt) {
    rt = {
      stage: entry.stage,
      hardware: { ...entry.hardware },
      gcTimeout: 172800,
      errorMessage: entry.errorMessage,
      build: [],
      run: entry.stage === 'RUNNING' ? [{ data: 'Running on local URL:  http://0.0.0.0:7860', timestamp: entry.lastModified }] : [],
      generation: 0,
      listeners: new Set(),
    };
    s.spaces.set(entry.id, rt);
  }
  return rt;
}

/** The `runtime` JSON of a Space as `GET /api/spaces/{id}/runtime` (and `expand=runtime`) answer it. */
export function runtimeJson(state: FakeState, entry: SpaceEntry): Record<string, unknown> {
  const rt = runtimeOf(state, entry);
  const base = spaceRuntime({ ...entry, stage: rt.stage as SpaceEntry['stage'], hardware: rt.hardware, errorMessage: rt.errorMessage });
  return { ...base, gcTimeout: rt.gcTimeout };
}

function notify(rt: SpaceRuntimeState): void {
  for (const l of [...rt.listeners]) l();
}

function append(rt: SpaceRuntimeState, log: 'build' | 'run', data: string): void {
  rt[log].push({ data, timestamp: new Date().toISOString() });
  notify(rt);
}

/**
 * Starts a build of `spaceId` (after a commit, a restart or a hardware change): BUILDING with build log lines every
 * `stepMs`, then RUNNING (with a run log line) or BUILD_ERROR when the fail switch is set. False for an unknown Space.
 */
export function startSpaceBuild(state: FakeState, spaceId: string): boolean {
  const entry = state.repo('space', spaceId);
  if (!entry || entry.type !== 'space') return false;
  const s = store(state);
  const rt = runtimeOf(state, entry);
  rt.generation += 1;
  const generation = rt.generation;
  const fail = s.options.fail;
  rt.stage = 'BUILDING';
  rt.errorMessage = undefined;
  rt.build = [];
  notify(rt);
  const steps = [...BUILD_STEPS, fail ? 'ERROR: failed to solve: process "pip install" did not complete successfully' : 'Build done'];
  let i = 0;
  const tick = (): void => {
    if (rt.generation !== generation) return;
    if (i < steps.length) {
      append(rt, 'build', steps[i]);
      i += 1;
      schedule();
      return;
    }
    if (fail) {
      rt.stage = 'BUILD_ERROR';
      rt.errorMessage = 'Build failed with exit code: 1';
    } else {
      rt.stage = 'RUNNING';
      rt.hardware.current = rt.hardware.requested;
      rt.run.push({ data: 'Running on local URL:  http://0.0.0.0:7860', timestamp: new Date().toISOString() });
    }
    notify(rt);
  };
  const schedule = (): void => {
    const t = setTimeout(() => {
      s.timers.delete(t);
      tick();
    }, s.options.stepMs);
    t.unref();
    s.timers.add(t);
  };
  schedule();
  return true;
}

export function pauseSpace(state: FakeState, entry: SpaceEntry): void {
  const rt = runtimeOf(state, entry);
  rt.generation += 1;
  rt.stage = 'PAUSED';
  rt.hardware.current = null;
  notify(rt);
}

export function setSleepTime(state: FakeState, entry: SpaceEntry, seconds: number): void {
  runtimeOf(state, entry).gcTimeout = seconds;
}

export function requestHardware(state: FakeState, entry: SpaceEntry, flavor: string): void {
  runtimeOf(state, entry).hardware.requested = flavor;
  startSpaceBuild(state, entry.id);
}

/** True while the build log can still grow. */
export function isBuilding(rt: SpaceRuntimeState): boolean {
  return rt.stage === 'BUILDING' || rt.stage === 'RUNNING_BUILDING';
}
