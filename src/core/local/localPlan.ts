/**
 * Whether the on-device provider serves a request, and in words why not: plain data for the decision record.
 * The router puts the plan's candidate first (after a pinned model, the user's explicit choice): tried under the
 * default policy, otherwise listed as skipped with the reason (RouterDeps.local: `plan: (r) => planLocal(r, state).candidate`).
 */
import { TASK_API } from '../tasks/taskApi';
import type { Candidate, ProviderRef } from '../routing/routingTypes';
import type { RoutingPolicy } from '../routing/settings';
import type { TaskRequest } from '../tasks/taskTypes';
import { LOCAL_INPUT_LIMITS, localModelFor } from './localCatalog';

export const LOCAL_PROVIDER: ProviderRef = { kind: 'local' };

/** Whether downloads were allowed: once, remembered ('granted'/'never'); 'unasked' prompts on first use. */
export type LocalConsent = 'granted' | 'never' | 'unasked';

/** What the plan needs to know about this machine (the extension passes settings, globalState and the manifest). */
export interface LocalState {
  /** huggingFace.local.enabled */
  readonly enabled: boolean;
  readonly policy: RoutingPolicy;
  readonly consent: LocalConsent;
  isDownloaded(model: string): boolean;
  /** Why the on-device runtime cannot run here (not built in, failed to start); undefined when it can. */
  readonly unavailable?: string;
}

export type LocalPlan =
  /** Try the local candidate (its model may still need the consent prompt and a download). */
  | { readonly serve: true; readonly candidate: Candidate }
  /** The local provider does not serve: the candidate (when the task has a local model) is listed as skipped with `reason`. */
  | { readonly serve: false; readonly candidate?: Candidate; readonly reason: string };

/** Characters of the user's text a local pipeline reads. */
function inputLength(request: TaskRequest): number {
  if (request.task === 'question-answering') return request.question.length + request.context.length;
  if (request.task === 'generate-code') return request.instruction.length + request.context.length;
  if (request.task === 'chat') return request.prompt.length;
  return request.text.length;
}

export function planLocal(request: TaskRequest, state: LocalState, pinnedModel?: string): LocalPlan {
  const choice = localModelFor(request, pinnedModel);
  if (!choice.ok) return { serve: false, reason: choice.reason };
  const candidate: Candidate = { model: choice.model, provider: LOCAL_PROVIDER, api: TASK_API[request.task], why: choice.why };
  const skip = (reason: string): LocalPlan => ({ serve: false, candidate: { ...candidate, skip: reason }, reason });
  if (!state.enabled) return skip('on-device models are turned off (setting huggingFace.local.enabled)');
  if (state.unavailable) return skip(state.unavailable);
  // A model pinned to run here is the user's explicit choice: it runs whatever the policy.
  if (state.policy !== 'preferFreeLocal' && !pinnedModel) return skip(`routing policy ${state.policy} does not put on-device models first`);
  const limit = LOCAL_INPUT_LIMITS[choice.task];
  const size = inputLength(request);
  if (size > limit) return skip(`input too long for the on-device model (${size.toLocaleString('en-US')} characters; it takes ${limit.toLocaleString('en-US')})`);
  if (!state.isDownloaded(choice.model) && state.consent === 'never') {
    return skip('model not downloaded, and downloads of on-device models were declined ("Never")');
  }
  return { serve: true, candidate };
}
