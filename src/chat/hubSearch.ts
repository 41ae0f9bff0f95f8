/**
 * Hub searches asked for in chat: `@hf /models qwen coder`, `/datasets squad`, `/spaces task:… text`, and the agent
 * tools `hf_searchModels` / `hf_searchDatasets` / `hf_searchSpaces`. One query builder, one line format and the
 * buttons offered under each result, so the participant and the tools say the same thing. Pure (no `vscode`):
 * tested in plain node. Hub text is data: ids and labels go out as plain text or as command arguments, never as markup.
 */
import { EMPTY_DATASET_FILTERS, EMPTY_MODEL_FILTERS, EMPTY_SPACE_FILTERS, type HubListItem, type HubQuery } from '../shared/hubTypes';
import { TASK_LABELS, tasksForPipeline } from '../shared/taskMapping';
import type { TaskKind } from '../core/tasks/taskTypes';

export type HubSearchTab = HubQuery['tab'];

/** What a search is called in sentences ("models", "datasets", "Spaces"). */
export const WHAT: Readonly<Record<HubSearchTab, string>> = { models: 'models', datasets: 'datasets', spaces: 'Spaces' };

/**
 * The query for `text`: free words, plus an optional `task:<pipeline tag>` (models), `task:<category>` (datasets) or
 * `sdk:<gradio|streamlit|docker|static>` (Spaces) anywhere in it. Models and datasets by downloads, Spaces by likes.
 */
export function hubSearchQuery(tab: HubSearchTab, text: string, task = ''): HubQuery {
  let words = text.trim();
  let filter = task.trim();
  const named = /(?:^|\s)(?:task|sdk):(\S+)/i.exec(words);
  if (named) {
    filter ||= named[1];
    words = `${words.slice(0, named.index)} ${words.slice(named.index + named[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  if (tab === 'models') return { scope: 'everyone', tab, text: words, sort: 'downloads', filters: { ...EMPTY_MODEL_FILTERS, task: filter } };
  if (tab === 'datasets') return { scope: 'everyone', tab, text: words, sort: 'downloads', filters: { ...EMPTY_DATASET_FILTERS, task: filter } };
  return { scope: 'everyone', tab, text: words, sort: 'likes', filters: { ...EMPTY_SPACE_FILTERS, sdk: filter } };
}

/** One result as a line: id, label, downloads, likes, stage for Spaces, gated/private marks. */
export function hubItemLine(item: HubListItem): string {
  const downloads = item.downloads === null ? '' : `, ${item.downloads.toLocaleString('en-US')} downloads`;
  const extra = item.kind === 'space' && item.stage ? `, ${item.stage}` : '';
  const marks = `${item.gated ? ', gated' : ''}${item.private ? ', private' : ''}`;
  return `${item.id}${item.label ? ` (${item.label})` : ''}${downloads}, ${item.likes.toLocaleString('en-US')} likes${extra}${marks}`;
}

/** The heading above the results ("Models matching "bert" (most downloaded first):"). */
export function hubResultsHeading(query: HubQuery, count: number): string {
  const what = WHAT[query.tab];
  const matching = query.text ? ` matching "${query.text}"` : '';
  const filter = 'task' in query.filters && query.filters.task ? ` for ${query.filters.task}` : 'sdk' in query.filters && query.filters.sdk ? ` using ${query.filters.sdk}` : '';
  if (count === 0) return `No ${what}${matching}${filter} on the Hub.`;
  const order = query.sort === 'likes' ? 'most liked first' : 'most downloaded first';
  return `${what[0].toUpperCase()}${what.slice(1)}${matching}${filter} (${order}):`;
}

/** A button under a chat answer (becomes `stream.button`). */
export interface ChatButton {
  readonly command: string;
  readonly title: string;
  readonly arguments: readonly unknown[];
}

/** Opens a repo's details in the Hub view (`tryIt`: with the model's "Try it" panel open). */
export const SHOW_REPO_COMMAND = 'huggingface.hub.showRepo';
/** Pins a model for one task (the same pin as "Use for task" in the Hub view). */
export const USE_MODEL_COMMAND = 'huggingface.useModelForTask';

/** The task a model is most likely wanted for: its own task, or chat for chat models; undefined when we have none. */
export function primaryTask(item: HubListItem): TaskKind | undefined {
  return item.kind === 'model' ? tasksForPipeline(item.label)[0] : undefined;
}

/** Actions for one result: open it in the Hub view; for models we can use, "Use for <task>" and "Try it". */
export function hubItemButtons(item: HubListItem): ChatButton[] {
  const buttons: ChatButton[] = [{ command: SHOW_REPO_COMMAND, title: 'Open', arguments: [{ kind: item.kind, id: item.id }] }];
  const task = primaryTask(item);
  if (task) {
    buttons.push(
      { command: USE_MODEL_COMMAND, title: `Use for ${TASK_LABELS[task]}`, arguments: [{ task, modelId: item.id }] },
      { command: SHOW_REPO_COMMAND, title: 'Try it', arguments: [{ kind: item.kind, id: item.id, tryIt: true }] },
    );
  }
  return buttons;
}

/** The only commands the links in a search answer may run (the MarkdownString's `isTrusted.enabledCommands`). */
export const HUB_LINK_COMMANDS: readonly string[] = [SHOW_REPO_COMMAND, USE_MODEL_COMMAND];

/**
 * A button as a markdown command link, `[title](command:id?args)`. Chat folds parts that come before `stream.button`s
 * into a collapsed "Completed N steps", so a list of results carries its actions inline. The title is our own words
 * (escaped anyway); the arguments are JSON in the URI, checked again by the command.
 */
export function commandLink(button: ChatButton): string {
  return `[${escapeMarkdown(button.title)}](command:${button.command}?${encodeURIComponent(JSON.stringify(button.arguments))})`;
}

/**
 * Text made inert in markdown: every character markdown (or HTML) could read is backslash-escaped. Unlike
 * `MarkdownString.appendText`, spaces stay spaces, so a long line still wraps between words in the chat view.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~=:&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
