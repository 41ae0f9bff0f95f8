/**
 * The Space dashboard commands: Show Space Logs… (followed live into "Hugging Face: Space <id>"), Stop Following,
 * and the runtime actions (restart, factory rebuild, pause, sleep time, hardware), each confirmed in a modal naming
 * the Space (args `{ space, confirm: true }` skip it). A restart or rebuild is watched until the build ends, then a
 * notification says whether the Space runs, with "Show Logs". Every command returns what it did (tests read it).
 */
import * as vscode from 'vscode';
import type { Ctx, Invocation } from '../ctx';
import { readSpaceStage, runSpaceAction, SpaceRouteError, type SpaceAction } from '../hub/spaceRuntimeApi';
import { watchBuild, type BuildEnd } from '../spaces/buildWatch';
import { spaceFailure, isSpaceId } from '../spaces/spaceFailures';
import { hubService } from '../hubCalls';
import { SpaceLogFollowers, type FollowResult, type SpaceLogKind } from '../spaces/spaceLogs';
import { argsObject, oneOfArg, stringArg } from './args';

const followersOf = new WeakMap<Ctx, SpaceLogFollowers>();

function followers(ctx: Ctx): SpaceLogFollowers {
  let f = followersOf.get(ctx);
  if (!f) {
    const created = new SpaceLogFollowers(hubService(ctx));
    ctx.extensionContext.subscriptions.push(created);
    followersOf.set(ctx, created);
    f = created;
  }
  return f;
}

const LOG_KINDS: readonly SpaceLogKind[] = ['build', 'run'];

/** The Space from the args, else a pick of the user's Spaces (whoAmI name + orgs), else typed. */
/** A Space from `args.space`, else one of yours (QuickPick), else typed. Also used by Deploy Folder to a Space. */
export async function chooseSpace(ctx: Ctx, args: Readonly<Record<string, unknown>>, title: string): Promise<string | undefined> {
  const given = stringArg(args, 'space')?.trim();
  if (given !== undefined) {
    if (isSpaceId(given)) return given;
    void vscode.window.showErrorMessage(`Hugging Face: "${given.slice(0, 100)}" is not a Space id (owner/name).`);
    return undefined;
  }
  let mine: string[] = [];
  try {
    mine = await hubService(ctx).mySpaces();
  } catch (err) {
    ctx.log.warn(`Could not list your Spaces: ${err instanceof Error ? err.message : String(err)}`);
  }
  const typeOther = '$(edit) Another Space…';
  if (mine.length > 0) {
    const picked = await vscode.window.showQuickPick([...mine, typeOther], { title, placeHolder: 'One of your Spaces' });
    if (picked === undefined) return undefined;
    if (picked !== typeOther) return picked;
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'The Space id (owner/name)',
    validateInput: (v) => (isSpaceId(v.trim()) ? undefined : 'A Space id is owner/name'),
  });
  return typed?.trim();
}

function showFailure(ctx: Ctx, err: unknown, space: string, what: string, signedIn: boolean): string {
  const failure = spaceFailure(err, space, what, signedIn);
  ctx.log.info(`Space ${space}: ${failure.text}${err instanceof SpaceRouteError ? ` (HTTP ${err.status})` : ''}`);
  if (failure.kind === 'signed-out') {
    void Promise.resolve(vscode.window.showErrorMessage(`Hugging Face: ${failure.text}`, 'Sign In')).then((b) =>
      b ? vscode.commands.executeCommand('huggingface.signIn') : undefined,
    );
  } else {
    void vscode.window.showErrorMessage(`Hugging Face: ${failure.text}`);
  }
  return failure.text;
}

export interface ShowLogsResult extends Omit<FollowResult, 'error'> {
  readonly error?: string;
}

/** Args `{ space, log?: 'build' | 'run' }`; resolves when the stream ends or is stopped. */
export function showSpaceLogs(ctx: Ctx) {
  return async (invocation: Invocation): Promise<ShowLogsResult | undefined> => {
    const args = argsObject(invocation.args);
    const space = await chooseSpace(ctx, args, 'Show Space Logs');
    if (!space) return undefined;
    let log = oneOfArg(args, 'log', LOG_KINDS);
    if (!log) {
      const stage = await readSpaceStage(await hubService(ctx).spaceCallContext(), space).catch(() => undefined);
      log = stage === 'BUILDING' || stage === 'BUILD_ERROR' || stage === 'RUNNING_BUILDING' ? 'build' : 'run';
    }
    const { error, ...result } = await followers(ctx).follow(space, log);
    if (result.outcome !== 'failed') return result;
    const signedIn = (await ctx.tokens.hfToken()) !== undefined;
    return { ...result, error: showFailure(ctx, error, space, `show the ${log} log of`, signedIn) };
  };
}

/** Args `{ space? }`: stops following that Space's log (all, when none is given). */
export function stopFollowingSpaceLogs(ctx: Ctx) {
  return (invocation: Invocation): string[] => {
    const space = stringArg(argsObject(invocation.args), 'space');
    const stopped = followers(ctx).stop(space);
    if (stopped.length === 0) void vscode.window.showInformationMessage('Hugging Face: no Space log is being followed.');
    return stopped;
  };
}

export interface SpaceActionResult {
  readonly space: string;
  readonly action: SpaceAction['kind'] | 'factory-rebuild';
  /** The stage the Hub answered with (BUILDING after a restart). */
  readonly stage?: string;
  /** With `waitForBuild: true` (tests): how the build ended. */
  readonly build?: BuildEnd;
  readonly error?: string;
  readonly status?: number;
}

interface ActionSpec {
  readonly title: string;
  readonly verb: string;
  readonly confirm: (space: string) => { message: string; detail: string; button: string };
  /** Asks for what the action needs (sleep time, hardware); undefined: cancelled. */
  readonly action: (args: Readonly<Record<string, unknown>>) => Promise<SpaceAction | undefined>;
  readonly watchesBuild: boolean;
}

const SLEEP_CHOICES: readonly { label: string; seconds: number }[] = [
  { label: '5 minutes', seconds: 300 },
  { label: '15 minutes', seconds: 900 },
  { label: '1 hour', seconds: 3_600 },
  { label: '10 hours', seconds: 36_000 },
  { label: '24 hours', seconds: 86_400 },
  { label: '48 hours', seconds: 172_800 },
  { label: 'Never (upgraded hardware only)', seconds: -1 },
];

/** huggingface_hub's SpaceHardware values. */
const HARDWARE = ['cpu-basic', 'cpu-upgrade', 't4-small', 't4-medium', 'l4x1', 'l4x4', 'a10g-small', 'a10g-large', 'a10g-largex2', 'a10g-largex4', 'a100-large', 'h100', 'zero-a10g'];

const SPECS: Readonly<Record<'restart' | 'rebuild' | 'pause' | 'sleeptime' | 'hardware', ActionSpec>> = {
  restart: {
    title: 'Restart Space',
    verb: 'restart',
    confirm: (s) => ({ message: `Restart the Space ${s}?`, detail: 'The app stops and is built and started again.', button: 'Restart' }),
    action: async () => ({ kind: 'restart' }),
    watchesBuild: true,
  },
  rebuild: {
    title: 'Factory Rebuild Space',
    verb: 'factory-rebuild',
    confirm: (s) => ({ message: `Factory rebuild the Space ${s}?`, detail: 'The image is rebuilt from scratch, without the build cache.', button: 'Factory Rebuild' }),
    action: async () => ({ kind: 'restart', factory: true }),
    watchesBuild: true,
  },
  pause: {
    title: 'Pause Space',
    verb: 'pause',
    confirm: (s) => ({ message: `Pause the Space ${s}?`, detail: 'It stops until someone restarts it; paid hardware is not billed while paused.', button: 'Pause' }),
    action: async () => ({ kind: 'pause' }),
    watchesBuild: false,
  },
  sleeptime: {
    title: 'Set Space Sleep Time',
    verb: 'set the sleep time of',
    confirm: (s) => ({ message: `Change the sleep time of the Space ${s}?`, detail: 'The Space sleeps after this much time without visitors.', button: 'Set Sleep Time' }),
    action: async (args) => {
      const given = args.seconds;
      if (typeof given === 'number' && Number.isInteger(given) && (given === -1 || given > 0)) return { kind: 'sleeptime', seconds: given };
      const picked = await vscode.window.showQuickPick(SLEEP_CHOICES.map((c) => ({ label: c.label, seconds: c.seconds })), {
        title: 'Set Space Sleep Time',
        placeHolder: 'Sleep after this much time without visitors',
      });
      return picked ? { kind: 'sleeptime', seconds: picked.seconds } : undefined;
    },
    watchesBuild: false,
  },
  hardware: {
    title: 'Request Space Hardware',
    verb: 'request hardware for',
    confirm: (s) => ({ message: `Request new hardware for the Space ${s}?`, detail: 'Upgraded hardware is billed to the Space owner; the Space restarts on it.', button: 'Request Hardware' }),
    action: async (args) => {
      const given = stringArg(args, 'flavor');
      if (given !== undefined && /^[a-z0-9-]+$/.test(given)) return { kind: 'hardware', flavor: given };
      const picked = await vscode.window.showQuickPick(HARDWARE, { title: 'Request Space Hardware', placeHolder: 'Hardware flavor' });
      return picked ? { kind: 'hardware', flavor: picked } : undefined;
    },
    watchesBuild: false,
  },
};

function notifyBuildEnd(end: BuildEnd): void {
  const show = end.ok ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
  const text = end.ok ? `Hugging Face: ${end.space} is running.` : `Hugging Face: ${end.space} failed to build (${end.stage}).`;
  void Promise.resolve(show(text, 'Show Logs')).then((b) =>
    b ? vscode.commands.executeCommand('huggingface.showSpaceLogs', { space: end.space, log: end.ok ? 'run' : 'build' }) : undefined,
  );
}

const watches = new Map<string, { cancel(): void }>();

function spaceAction(which: keyof typeof SPECS) {
  return (ctx: Ctx) =>
    async (invocation: Invocation): Promise<SpaceActionResult | undefined> => {
      const spec = SPECS[which];
      const args = argsObject(invocation.args);
      const space = await chooseSpace(ctx, args, spec.title);
      if (!space) return undefined;
      const action = await spec.action(args);
      if (!action) return undefined;
      if (args.confirm !== true) {
        const c = spec.confirm(space);
        const answer = await vscode.window.showWarningMessage(c.message, { modal: true, detail: c.detail }, c.button);
        if (answer !== c.button) return undefined;
      }
      const hub = hubService(ctx);
      const kind = which === 'rebuild' ? 'factory-rebuild' : action.kind;
      let stage: string | undefined;
      try {
        const runtime = await runSpaceAction(await hub.spaceCallContext(), space, action);
        const s = typeof runtime === 'object' && runtime !== null ? (runtime as { stage?: unknown }).stage : undefined;
        stage = typeof s === 'string' ? s : undefined;
      } catch (err) {
        const signedIn = (await ctx.tokens.hfToken()) !== undefined;
        const error = showFailure(ctx, err, space, spec.verb, signedIn);
        return { space, action: kind, error, ...(err instanceof SpaceRouteError ? { status: err.status } : {}) };
      }
      ctx.log.info(`Space ${space}: ${kind} requested${stage ? ` (now ${stage})` : ''}.`);
      if (!spec.watchesBuild) {
        void vscode.window.showInformationMessage(`Hugging Face: ${space}: ${kind === 'sleeptime' ? 'sleep time set' : kind === 'hardware' ? 'hardware requested' : 'paused'}.`);
        return { space, action: kind, ...(stage ? { stage } : {}) };
      }
      watches.get(space)?.cancel();
      const watch = watchBuild({
        space,
        startStage: stage,
        readStage: async () => readSpaceStage(await hub.spaceCallContext(), space),
        onEnd: (end) => {
          ctx.log.info(`Space ${space}: the build ended (${end.stage}).`);
          notifyBuildEnd(end);
        },
      });
      watches.set(space, watch);
      ctx.extensionContext.subscriptions.push({ dispose: () => watch.cancel() });
      void watch.done.then(() => {
        if (watches.get(space) === watch) watches.delete(space);
      });
      const build = args.waitForBuild === true ? await watch.done : undefined;
      return { space, action: kind, ...(stage ? { stage } : {}), ...(build ? { build } : {}) };
    };
}

export const restartSpace = spaceAction('restart');
export const factoryRebuildSpace = spaceAction('rebuild');
export const pauseSpace = spaceAction('pause');
export const setSpaceSleepTime = spaceAction('sleeptime');
export const requestSpaceHardware = spaceAction('hardware');
