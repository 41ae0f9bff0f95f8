/**
 * Registers the Hugging Face tools for agent mode (core/tools/hfToolSpecs.ts) cheaply at activation: the
 * confirmation and progress messages come from the specs; running a tool loads the actions chunk
 * (src/chat/hfToolsImpl.ts). Tools that send the user's text to a model ask for confirmation first (they spend
 * the monthly quota); Hub searches are free and do not.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { QUOTA_TOOLS, TOOL_TITLES } from '../core/tools/hfToolNames';
import { loadActions } from '../lazyChunks';

type Input = Record<string, unknown>;

function invocationMessage(name: string, input: Input): string {
  const q = typeof input.query === 'string' ? `"${input.query.slice(0, 60)}"` : '';
  const id = typeof input.id === 'string' ? input.id.slice(0, 100) : '';
  switch (name) {
    case 'hf_searchModels':
      return `Searching Hugging Face models for ${q}…`;
    case 'hf_searchDatasets':
      return `Searching Hugging Face datasets for ${q}…`;
    case 'hf_searchSpaces':
      return `Searching Hugging Face Spaces for ${q}…`;
    case 'hf_modelInfo':
      return `Reading the details of ${id}…`;
    case 'hf_datasetRows':
      return `Reading the first rows of ${id}…`;
    default:
      return 'Asking a Hugging Face model…';
  }
}

export function registerHfTools(ctx: Ctx): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(TOOL_TITLES).map(([name, title]) => ({ name, displayName: title })).map((spec) =>
      vscode.lm.registerTool<Input>(spec.name, {
        prepareInvocation(options) {
          const message = invocationMessage(spec.name, options.input ?? {});
          if (!QUOTA_TOOLS.includes(spec.name)) return { invocationMessage: message };
          const text = typeof options.input?.text === 'string' ? options.input.text : '';
          return {
            invocationMessage: message,
            confirmationMessages: {
              title: spec.displayName,
              message: new vscode.MarkdownString().appendText(
                `Send ${text.length.toLocaleString('en-US')} characters of text to a Hugging Face model? This counts as one request of your monthly quota (huggingFace.quota.monthlyRequests).`,
              ),
            },
          };
        },
        invoke(options, token) {
          return loadActions().hfTools.invokeHfTool(ctx, spec.name, options.input, token);
        },
      }),
    ),
  );
}
