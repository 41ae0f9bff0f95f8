/**
 * "Try it": a small playground in the model details. The host runs the input through the router with
 * exactly this model (`only`), streaming tokens back; Stop cancels the run (the host aborts it).
 */
import type { TaskKind } from '../shared/protocol';
import type { ModelDetails, TryInput, TryResult } from '../shared/hubTypes';
import { fixedLanguagePair, TASK_LABELS } from '../shared/taskMapping';
import { button, h, select } from './dom';
import { RequestError, type Call, type RequestClient } from './requestClient';
import { failureState } from './statusView';

type Field = HTMLElement & { value: string };

const PROMPTS: Record<TaskKind, string> = {
  'generate-code': 'Describe the code to write',
  translate: 'Text to translate',
  summarize: 'Text to summarize',
  'question-answering': 'Question',
  sentiment: 'Text to classify',
  topic: 'Text to classify',
  ner: 'Text to tag',
  chat: 'Prompt',
};

/** Not resizable: the resize grip is a data: image, which the webview CSP (rightly) blocks. */
function textarea(label: string, rows = 4): Field {
  return h('vscode-textarea', { attrs: { rows, 'aria-label': label, placeholder: label, resize: 'none' } }) as Field;
}

function textfield(label: string, value = ''): Field {
  const el = h('vscode-textfield', { attrs: { 'aria-label': label, placeholder: label, title: label } }) as Field;
  el.value = value;
  return el;
}

export class Playground {
  readonly element: HTMLElement;
  private task: TaskKind;
  private provider = 'auto';
  private run: Call<'tryRun'> | undefined;
  private readonly input = textarea(PROMPTS.chat);
  private readonly context = textarea('Context passage (the answer is looked up here)', 3);
  private readonly labels = textfield('Candidate labels, comma separated', 'technology, sports, politics, business');
  private readonly sourceLang = textfield('From (e.g. en)', 'en');
  private readonly targetLang = textfield('To (e.g. fr)', 'fr');
  private readonly extras = h('div', { class: 'playground-extras' });
  private readonly output = h('pre', { class: 'playground-output', attrs: { 'aria-live': 'polite', 'aria-label': 'Output' } });
  private readonly meta = h('p', { class: 'muted playground-meta' });
  private readonly runButton = button('Run', () => this.start(), { icon: 'play' });
  private readonly stopButton = button('Stop', () => this.run?.cancel(), { icon: 'debug-stop', secondary: true });

  constructor(
    private readonly client: RequestClient,
    private readonly model: ModelDetails,
    private readonly signIn: () => void,
  ) {
    this.task = model.tasks[0];
    // A fixed-pair model (opus-mt-en-es) only translates its own pair: that is the default to try it with.
    const pair = fixedLanguagePair(model.id);
    if (pair) {
      this.sourceLang.value = pair.source;
      this.targetLang.value = pair.target;
    }
    this.stopButton.setAttribute('disabled', '');
    this.input.addEventListener('keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key === 'Enter' && (k.ctrlKey || k.metaKey)) this.start();
    });
    const taskSelect = select('Task', model.tasks.map((t) => ({ value: t, label: TASK_LABELS[t] })), this.task, (v) => {
      this.task = v as TaskKind;
      this.showExtras();
    });
    const live = model.providers.filter((p) => p.status === 'live').map((p) => ({ value: p.provider, label: p.provider }));
    const providerSelect = select('Provider', [{ value: 'auto', label: 'auto (best available)' }, ...live], this.provider, (v) => {
      this.provider = v;
    });
    this.showExtras();
    this.element = h(
      'div',
      { class: 'playground' },
      h('div', { class: 'playground-row' }, taskSelect, providerSelect),
      this.input,
      this.extras,
      h('div', { class: 'playground-row' }, this.runButton, this.stopButton, h('span', { class: 'muted hint' }, 'Ctrl+Enter runs')),
      this.meta,
      this.output,
    );
  }

  focus(): void {
    this.input.focus();
  }

  /** Stops a running request (the details panel closed). */
  dispose(): void {
    this.run?.cancel();
  }

  /** Shows the inputs the chosen task needs besides the main text. */
  private showExtras(): void {
    this.input.setAttribute('placeholder', PROMPTS[this.task]);
    this.input.setAttribute('aria-label', PROMPTS[this.task]);
    this.extras.replaceChildren(
      ...(this.task === 'question-answering' ? [this.context] : []),
      ...(this.task === 'topic' ? [this.labels] : []),
      ...(this.task === 'translate' ? [h('div', { class: 'lang-pair' }, this.sourceLang, this.targetLang)] : []),
    );
  }

  private setRunning(running: boolean): void {
    this.runButton.toggleAttribute('disabled', running);
    this.stopButton.toggleAttribute('disabled', !running);
  }

  private start(): void {
    if (this.run) return;
    const input: TryInput = {
      text: this.input.value,
      context: this.context.value,
      labels: this.labels.value,
      sourceLang: this.sourceLang.value,
      targetLang: this.targetLang.value,
    };
    this.output.replaceChildren();
    this.meta.textContent = 'Running…';
    this.setRunning(true);
    const call = this.client.start('tryRun', { modelId: this.model.id, task: this.task, provider: this.provider, input }, {
      timeoutMs: 0,
      // Tokens stream in; a restart (the router retried after a partial stream) clears what came so far.
      onEvent: (event) => {
        this.output.textContent = event.type === 'runRestart' ? '' : (this.output.textContent ?? '') + event.text;
      },
    });
    this.run = call;
    call.promise
      .then(
        (result) => this.showResult(result),
        (err: unknown) => this.showFailure(err),
      )
      .finally(() => {
        this.run = undefined;
        this.setRunning(false);
      });
  }

  private showResult(result: TryResult): void {
    this.output.textContent = result.text;
    const latency = result.latencyMs !== null ? ` · ${(result.latencyMs / 1000).toFixed(1)} s` : '';
    this.meta.textContent = `${result.model}${result.provider ? ` via ${result.provider}` : ''}${latency}`;
  }

  private showFailure(err: unknown): void {
    const failure = err instanceof RequestError ? err.failure : { kind: 'error' as const, message: String(err) };
    this.meta.textContent = failure.kind === 'cancelled' ? 'Stopped.' : '';
    if (failure.kind !== 'cancelled') {
      this.output.replaceChildren(failureState(failure, { retry: () => this.start(), signIn: this.signIn }, true));
    }
  }
}
