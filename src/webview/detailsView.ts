/**
 * The details panel of one repo: header (id, badges, counts), actions (use for task, try it, copy id,
 * open on the Hub, insert snippet) and the sections, each loaded in parallel and failing on its own.
 */
import type { TaskKind } from '../shared/protocol';
import { compactNumber } from '../shared/compactNumber';
import { relativeTime } from './displayFormat';
import type { HubFailure, RepoDetails, RepoKind } from '../shared/hubTypes';
import type { Method, SpaceCommand } from '../shared/protocol';
import { pinScope, type Pin } from '../shared/pins';
import { LOCAL_PIN, TASK_LABELS, localTaskFor } from '../shared/taskMapping';
import { nextPollDelay } from '../shared/spacePolling';
import {
  cardContent,
  collapsible,
  filesContent,
  loading,
  previewContent,
  providersContent,
  runtimeContent,
  sectionFailure,
  tagsContent,
} from './detailsSections';
import { button, h, icon, select } from './dom';
import { Playground } from './playground';
import { RequestError, type Call, type RequestClient } from './requestClient';

export interface DetailsHost {
  back(): void;
  signedIn(): boolean;
  signIn(): void;
  announce(text: string): void;
  now(): number;
}

const failureOf = (err: unknown): HubFailure =>
  err instanceof RequestError ? err.failure : { kind: 'error', message: String(err) };

export class DetailsView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly title: HTMLElement;
  private readonly backButton: HTMLElement;
  private calls: Call<Method>[] = [];
  private playground: Playground | undefined;
  private playgroundSection: (HTMLElement & { open: boolean }) | undefined;
  private tryItOnLoad = false;
  /** The open Space's next runtime read, and how to start reading again when the view shows again. */
  private runtimeTimer: ReturnType<typeof setTimeout> | undefined;
  private resumeRuntime: (() => void) | undefined;
  private opened: { kind: RepoKind; id: string } | undefined;
  /** The "Pinned for …" lines of the open model (empty for datasets, Spaces and models pinned for nothing). */
  private readonly pinBox = h('div', { class: 'pins', attrs: { 'aria-label': 'Pinned for' } });
  private pins: readonly Pin[] = [];

  constructor(
    private readonly client: RequestClient,
    private readonly host: DetailsHost,
  ) {
    this.backButton = button('Back', () => host.back(), { icon: 'arrow-left', secondary: true, title: 'Back to results (Escape)' });
    // A Space's runtime is not read while the view is hidden; it is read again when the view shows again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.resumeRuntime?.();
    });
    this.title = h('h2', { class: 'details-title', attrs: { tabindex: -1 } });
    this.body = h('div', { class: 'details-body' });
    this.element = h(
      'section',
      { class: 'details', attrs: { 'aria-label': 'Details' } },
      h('div', { class: 'details-top' }, this.backButton, this.title),
      this.body,
    );
  }

  get current(): { kind: RepoKind; id: string } | undefined {
    return this.opened;
  }

  /**
   * `tryIt`: open a model's "Try it" panel as soon as the details have loaded (the `@hf /models` "Try it" button).
   * `focus`: move the keyboard focus to the details — when the user opened them, never when the view restores its
   * state after a window reload (a webview taking the focus then closes whatever the user is typing in).
   */
  open(kind: RepoKind, id: string, tryIt = false, focus = true): void {
    this.close();
    this.opened = { kind, id };
    this.tryItOnLoad = tryIt;
    this.title.textContent = id;
    const headerBox = h('div', { class: 'details-header' }, loading('Loading details'));
    const cardBox = h('div', {}, loading('Loading card'));
    const filesBox = h('div', {}, loading('Loading files'));
    const previewBox = h('div', {}, loading('Loading preview'));
    const extraBox = h('div', {});
    const tagsBox = h('div', {});
    this.body.replaceChildren(
      headerBox,
      extraBox,
      kind === 'dataset' ? collapsible('Preview', true, previewBox) : '',
      collapsible(kind === 'space' ? 'README' : kind === 'dataset' ? 'Dataset card' : 'Model card', true, cardBox),
      collapsible('Files', false, filesBox),
      tagsBox,
    );
    this.loadDetails(kind, id, headerBox, { extra: extraBox, tags: tagsBox });
    this.loadInto(cardBox, () => this.track(this.client.start('card', { kind, id })), (card) => cardContent(card, (url) => this.openExternal(url)));
    this.loadInto(filesBox, () => this.track(this.client.start('files', { kind, id })), filesContent);
    if (kind === 'dataset') this.loadPreview(id, previewBox, '', '');
    if (focus) this.title.focus();
  }

  close(): void {
    clearTimeout(this.runtimeTimer);
    this.runtimeTimer = undefined;
    this.resumeRuntime = undefined;
    for (const call of this.calls) call.cancel();
    this.calls = [];
    this.playground?.dispose();
    this.playground = undefined;
    this.playgroundSection = undefined;
    this.opened = undefined;
  }

  focus(): void {
    this.title.focus();
  }

  private track<M extends Method>(call: Call<M>): Call<M> {
    this.calls.push(call as unknown as Call<Method>);
    call.promise.then(
      () => this.untrack(call),
      () => this.untrack(call),
    );
    return call;
  }

  private untrack(call: { seq: number }): void {
    this.calls = this.calls.filter((c) => c.seq !== call.seq);
  }

  /** Runs a request and renders its result (or its failure, with retry) into `box`. */
  private loadInto<T>(box: HTMLElement, start: () => { promise: Promise<T> }, render: (value: T) => Node): void {
    box.replaceChildren(loading('Loading'));
    start().promise.then(
      (value) => box.replaceChildren(render(value)),
      (err: unknown) => {
        const failure = failureOf(err);
        if (failure.kind === 'cancelled') return;
        box.replaceChildren(sectionFailure(failure, () => this.loadInto(box, start, render), () => this.host.signIn()));
      },
    );
  }

  private loadDetails(kind: RepoKind, id: string, headerBox: HTMLElement, boxes: { extra: HTMLElement; tags: HTMLElement }): void {
    this.loadInto(headerBox, () => this.track(this.client.start('details', { kind, id, fresh: false })), (details: RepoDetails) => {
      this.renderExtras(details, boxes.extra);
      boxes.tags.replaceChildren(collapsible(`Tags (${details.tags.length})`, false, tagsContent(details.tags)));
      return this.header(details);
    });
  }

  private loadPreview(id: string, box: HTMLElement, config: string, split: string): void {
    this.loadInto(box, () => this.track(this.client.start('datasetPreview', { id, config, split })), (preview) =>
      previewContent(preview, (c, s) => this.loadPreview(id, box, c, s)),
    );
  }

  private header(d: RepoDetails): HTMLElement {
    const facts = [
      d.kind === 'model' ? d.task : d.kind === 'space' ? d.sdk : '',
      d.kind === 'model' ? d.library : '',
      d.kind !== 'space' ? `↓ ${compactNumber(d.downloads)}` : '',
      `♥ ${compactNumber(d.likes)}`,
      d.updatedAt !== null ? `updated ${relativeTime(d.updatedAt, this.host.now())}` : '',
    ].filter(Boolean);
    const gatedNote =
      d.gated && !this.host.signedIn()
        ? h('p', { class: 'notice' }, icon('lock'), ' This repo is gated: sign in to see its files. ', button('Sign in', () => this.host.signIn(), { secondary: true }))
        : null;
    return h(
      'div',
      {},
      h(
        'div',
        { class: 'badges' },
        d.author && h('span', { class: 'muted' }, `by ${d.author}`),
        d.gated && h('vscode-badge', { attrs: { title: 'Gated: access must be requested' } }, 'gated'),
        d.private && h('vscode-badge', { attrs: { title: 'Private: only you and your organisation’s members can see it' } }, icon('lock'), ' private'),
      ),
      h('p', { class: 'details-meta' }, facts.join(' · ')),
      this.actions(d),
      d.kind === 'model' && d.tasks.length > 0 ? this.pinBox : null,
      gatedNote,
    );
  }

  private actions(d: RepoDetails): HTMLElement {
    const row = h('div', { class: 'actions', attrs: { role: 'toolbar', 'aria-label': 'Actions' } });
    if (d.kind === 'model' && d.tasks.length > 0) {
      let task: TaskKind = d.tasks[0];
      const status = h('span', { class: 'muted', attrs: { role: 'status' } });
      const taskSelect = select('Task to use this model for', d.tasks.map((t) => ({ value: t, label: TASK_LABELS[t] })), task, (v) => {
        task = v as TaskKind;
      });
      const use = button('Use for task', () => void this.pin(d.id, task, status), { icon: 'pinned', title: 'Use this model for the chosen task' });
      row.append(h('div', { class: 'use-for-task' }, taskSelect, use, status));
      this.renderPins();
      void this.loadPins();
      row.append(button('Try it', () => this.openPlayground(), { icon: 'play', secondary: true, title: 'Try this model' }));
      const local = d.kind === 'model' ? localTaskFor(d) : undefined;
      if (local) {
        // ONNX weights for a task the on-device runtime serves: pinned with ":local", it runs on this machine.
        row.append(
          button('Run locally', () => void this.pin(`${d.id}${LOCAL_PIN}`, local, status), {
            icon: 'vm',
            secondary: true,
            title: `Run this model on this machine for ${TASK_LABELS[local]} (ONNX; downloaded once, after you agree)`,
          }),
        );
      }
    }
    row.append(
      button('Copy id', () => void this.simple('copyId', { id: d.id }, `Copied ${d.id}`), { icon: 'copy', secondary: true }),
      button('Open on Hub', () => void this.simple('openOnHub', { kind: d.kind, id: d.id }, ''), { icon: 'link-external', secondary: true }),
      button('Open in Explorer', () => void this.simple('openInExplorer', { kind: d.kind, id: d.id }, `Opened ${d.id} in the Explorer`), {
        icon: 'folder-library',
        secondary: true,
        title: 'Add the repo to the workspace as an hf:// folder',
      }),
      button('Insert snippet', () => void this.snippet(d), { icon: 'code', secondary: true, title: 'Insert a usage snippet at the cursor' }),
    );
    return row;
  }

  private renderExtras(d: RepoDetails, box: HTMLElement): void {
    const parts: Node[] = [];
    if (d.kind === 'space') {
      const runtimeBox = h('div', {}, runtimeContent(d.runtime, () => refresh()));
      let stage = d.runtime?.stage;
      const refresh = (): void =>
        this.loadInto(runtimeBox, () => this.track(this.client.start('spaceRuntime', { id: d.id })), (r) => {
          stage = r.runtime?.stage;
          schedule();
          return runtimeContent(r.runtime, refresh);
        });
      // Kept current while the view shows it: re-read every few seconds while it builds or starts, every minute once
      // it settled, never while hidden (core/spaces/pollScheduler.ts); a change of stage is shown and announced.
      const poll = (): void => {
        const call = this.track(this.client.start('spaceRuntime', { id: d.id }));
        call.promise.then(
          (r) => {
            if (r.runtime?.stage !== stage) {
              stage = r.runtime?.stage;
              runtimeBox.replaceChildren(runtimeContent(r.runtime, refresh));
              this.host.announce(`${d.id}: ${r.runtime?.stage ?? 'no runtime'}`);
            }
            schedule();
          },
          () => schedule(),
        );
      };
      const schedule = (): void => {
        clearTimeout(this.runtimeTimer);
        const delay = nextPollDelay(stage, document.visibilityState === 'visible');
        this.runtimeTimer = delay === undefined ? undefined : setTimeout(poll, delay);
      };
      this.resumeRuntime = schedule;
      schedule();
      const run = (command: SpaceCommand): void => {
        this.client.request('spaceCommand', { id: d.id, command }).then(
          () => {
            // A restart starts a build: read the runtime again at the busy pace until it settles.
            if (command === 'restart') {
              stage = undefined;
              schedule();
            }
          },
          (err: unknown) => this.host.announce(failureOf(err).message),
        );
      };
      const commands = h(
        'div',
        { class: 'actions', attrs: { role: 'toolbar', 'aria-label': 'Space actions' } },
        button('Logs', () => run('logs'), { icon: 'output', secondary: true, title: 'Follow the Space\'s log in an output channel' }),
        button('Restart', () => run('restart'), { icon: 'debug-restart', secondary: true, title: 'Restart the Space (asks first)' }),
      );
      parts.push(collapsible('Runtime', true, h('div', {}, runtimeBox, commands)));
    }
    if (d.kind === 'model') {
      if (d.tasks.length > 0) {
        this.playground = new Playground(this.client, d, () => this.host.signIn());
        this.playgroundSection = collapsible('Try it', false, this.playground.element) as HTMLElement & { open: boolean };
        parts.push(this.playgroundSection);
      }
      if (this.tryItOnLoad) requestAnimationFrame(() => this.openPlayground());
      this.tryItOnLoad = false;
      parts.push(collapsible(`Inference providers (${d.providers.length})`, d.providers.length > 0, providersContent(d.providers)));
    }
    box.replaceChildren(...parts);
  }

  private openPlayground(): void {
    if (!this.playgroundSection) return;
    this.playgroundSection.open = true;
    this.playgroundSection.scrollIntoView({ block: 'nearest' });
    // The collapsible renders its content on the next frame.
    requestAnimationFrame(() => this.playground?.focus());
  }

  /** The pins changed elsewhere (the Unpin command, the settings editor): the open model's lines follow. */
  setPins(pins: readonly Pin[]): void {
    this.pins = pins;
    this.renderPins();
  }

  private async loadPins(): Promise<void> {
    try {
      this.setPins((await this.client.request('pins', {})).pins);
    } catch {
      // Without the list the lines stay as they were; pinning itself reports its own failures.
    }
  }

  private renderPins(): void {
    const id = this.opened?.kind === 'model' ? this.opened.id : undefined;
    // A pin may name a provider after the id ("…-Instruct:together"): it still pins this model.
    const mine = id === undefined ? [] : this.pins.filter((p) => p.model === id || p.model.startsWith(`${id}:`));
    this.pinBox.hidden = mine.length === 0;
    this.pinBox.replaceChildren(
      ...mine.map((pin) =>
        h(
          'div',
          { class: 'pin-line' },
          icon('pinned'),
          h('span', {}, ` Pinned for ${pinScope(pin)}${pin.model === id ? '' : ` (${pin.model})`}`),
          button('Unpin', () => void this.unpin(pin), { icon: 'pin', secondary: true, title: `Stop using ${pin.model} for ${pinScope(pin)}` }),
        ),
      ),
    );
  }

  private async unpin(pin: Pin): Promise<void> {
    try {
      await this.client.request('unpinModel', { task: pin.task });
      this.host.announce(`${pin.model} is no longer pinned for ${pinScope(pin)}`);
    } catch (err) {
      this.host.announce(failureOf(err).message);
    }
    await this.loadPins();
  }

  private async pin(modelId: string, task: TaskKind, status: HTMLElement): Promise<void> {
    status.textContent = '';
    try {
      await this.client.request('pinModel', { task, modelId });
      const local = modelId.endsWith(LOCAL_PIN);
      status.textContent = local ? `Runs on this machine for ${TASK_LABELS[task]} (downloaded on first use, after you agree).` : `Pinned for ${TASK_LABELS[task]}.`;
      this.host.announce(`${modelId.replace(LOCAL_PIN, '')} is now used for ${TASK_LABELS[task]}${local ? ' on this machine' : ''}`);
      await this.loadPins();
    } catch (err) {
      status.textContent = failureOf(err).message;
    }
  }

  private async simple(method: 'copyId' | 'openOnHub' | 'openInExplorer', params: { id: string; kind?: RepoKind }, done: string): Promise<void> {
    try {
      if (method === 'copyId') await this.client.request('copyId', { id: params.id });
      else if (method === 'openInExplorer') await this.client.request('openInExplorer', { kind: params.kind ?? 'model', id: params.id }, { timeoutMs: 0 });
      else await this.client.request('openOnHub', { kind: params.kind ?? 'model', id: params.id });
      if (done) this.host.announce(done);
    } catch (err) {
      this.host.announce(failureOf(err).message);
    }
  }

  private async snippet(d: RepoDetails): Promise<void> {
    try {
      const r = await this.client.request('insertSnippet', { kind: d.kind, id: d.id, task: d.kind === 'model' ? d.task : '' }, { timeoutMs: 0 });
      this.host.announce(r.inserted ? `Inserted a ${r.language} snippet` : 'No snippet inserted');
    } catch (err) {
      this.host.announce(failureOf(err).message);
    }
  }

  private openExternal(url: string): void {
    this.client.request('openExternal', { url }).catch((err: unknown) => this.host.announce(failureOf(err).message));
  }
}
