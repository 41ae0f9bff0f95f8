/**
 * The request handlers of the Hub view: each protocol method mapped to the Hub service, the router
 * ("Try it") or a host action. Plain TypeScript; the `vscode` side effects come in through HostActions.
 */
import { isHfToken } from '../core/trust/hfToken';
import { safeLinkUrl } from './safeUrl';
import type { HostActions, HubViewDeps } from './deps';
import type { Handlers } from './dispatcher';
import { HubError } from './hubErrors';
import type { HubService } from './hubService';
import { usageSnippets } from './snippets';
import { planTryRun, tryResult } from './tryIt';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function createHubHandlers(service: HubService, deps: HubViewDeps, actions: HostActions): Handlers {
  return {
    init: async () => ({
      signedIn: isHfToken(await deps.getToken()),
      hubUrl: service.hubUrl(),
      savedState: actions.loadState(),
    }),
    saveState: async (r) => {
      await actions.saveState(r.state);
      return {};
    },
    list: (r) => service.list(r.query, r.offset, r.count, r.fresh),
    details: (r) => service.details(r.kind, r.id, r.fresh),
    card: (r) => service.card(r.kind, r.id),
    files: (r) => service.files(r.kind, r.id),
    datasetPreview: (r) => service.datasetPreview(r.id, r.config, r.split),
    spaceRuntime: async (r) => ({ runtime: await service.spaceRuntime(r.id) }),
    pinModel: async (r) => {
      await deps.pinModel(r.task, r.modelId);
      return {};
    },
    unpinModel: async (r) => {
      await deps.unpinModel(r.task);
      return {};
    },
    pins: async () => ({ pins: deps.pins() }),
    tryRun: async (r, ctx) => {
      // The pipeline tag decides chat API vs task API; without details (offline) the task API is tried.
      const details = await service.details('model', r.modelId).catch(() => undefined);
      const pipelineTag = details?.kind === 'model' ? details.task : '';
      const plan = planTryRun(r.task, r.modelId, pipelineTag, r.provider, r.input);
      if (ctx.signal.aborted) throw new HubError({ kind: 'cancelled', message: 'Cancelled.' });
      const outcome = await deps.router.run(plan.request, {
        signal: ctx.signal,
        only: plan.candidate,
        onToken: (text) => ctx.emit({ type: 'runToken', seq: r.seq, text }),
        onRestart: () => ctx.emit({ type: 'runRestart', seq: r.seq }),
      });
      return tryResult(outcome.result, outcome.decision, r.modelId);
    },
    // The dispatcher aborts the target before this runs.
    cancel: async () => ({}),
    copyId: async (r) => {
      await actions.copyText(r.id);
      return {};
    },
    openOnHub: async (r) => {
      deps.openExternal(service.repoUrl(r.kind, r.id));
      return {};
    },
    openInExplorer: async (r) => {
      await actions.openRepoInExplorer(r.kind, r.id);
      return {};
    },
    openExternal: async (r) => {
      const url = safeLinkUrl(r.url, `${service.hubUrl()}/`, EXTERNAL_PROTOCOLS);
      if (!url) throw new HubError({ kind: 'error', message: 'Only web and mail links can be opened.' });
      deps.openExternal(url);
      return {};
    },
    spaceCommand: async (r) => {
      actions.runSpaceCommand(r.command, r.id);
      return {};
    },
    insertSnippet: (r) => actions.insertSnippet(usageSnippets(r.kind, r.id, r.task)),
    signIn: async () => {
      const signedIn = await actions.signIn();
      // Answers cached for the previous account (or anonymous) must not be shown to the new one.
      service.clear();
      return { signedIn };
    },
  };
}
