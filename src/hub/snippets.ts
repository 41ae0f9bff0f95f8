/**
 * Usage snippets inserted at the cursor: JavaScript with @huggingface/inference's InferenceClient and
 * Python with huggingface_hub's InferenceClient, chosen by the model's pipeline tag. The token is read
 * from the HF_TOKEN environment variable, never written into the code.
 */
import type { PipelineType } from '@huggingface/tasks';
import type { RepoKind } from '../shared/hubTypes';
import { isPipelineTagOrNone } from '../shared/hubValidators';
import { isChatPipeline } from '../shared/taskMapping';
import type { SnippetLanguage } from './deps';

interface TaskSnippet {
  readonly js: string;
  readonly py: string;
}

/** `$M` is replaced by the quoted model id. */
const TASKS: Partial<Record<PipelineType, TaskSnippet>> = {
  'text-classification': {
    js: 'const output = await client.textClassification({ model: $M, inputs: "I like you. I love you." });\nconsole.log(output);',
    py: 'output = client.text_classification("I like you. I love you.", model=$M)\nprint(output)',
  },
  'token-classification': {
    js: 'const output = await client.tokenClassification({ model: $M, inputs: "My name is Sarah and I live in London" });\nconsole.log(output);',
    py: 'output = client.token_classification("My name is Sarah and I live in London", model=$M)\nprint(output)',
  },
  translation: {
    js: 'const output = await client.translation({ model: $M, inputs: "Hello, how are you?" });\nconsole.log(output);',
    py: 'output = client.translation("Hello, how are you?", model=$M)\nprint(output)',
  },
  summarization: {
    js: 'const output = await client.summarization({ model: $M, inputs: "Long text to summarize…" });\nconsole.log(output.summary_text);',
    py: 'output = client.summarization("Long text to summarize…", model=$M)\nprint(output.summary_text)',
  },
  'question-answering': {
    js: 'const output = await client.questionAnswering({\n  model: $M,\n  inputs: { question: "Where do I live?", context: "My name is Sarah and I live in London" },\n});\nconsole.log(output.answer);',
    py: 'output = client.question_answering(question="Where do I live?", context="My name is Sarah and I live in London", model=$M)\nprint(output.answer)',
  },
  'zero-shot-classification': {
    js: 'const output = await client.zeroShotClassification({\n  model: $M,\n  inputs: "I have a problem with my iphone that needs to be resolved asap!",\n  parameters: { candidate_labels: ["urgent", "not urgent", "phone", "computer"] },\n});\nconsole.log(output);',
    py: 'output = client.zero_shot_classification(\n    "I have a problem with my iphone that needs to be resolved asap!",\n    candidate_labels=["urgent", "not urgent", "phone", "computer"],\n    model=$M,\n)\nprint(output)',
  },
  'feature-extraction': {
    js: 'const output = await client.featureExtraction({ model: $M, inputs: "Today is a sunny day." });\nconsole.log(output);',
    py: 'output = client.feature_extraction("Today is a sunny day.", model=$M)\nprint(output)',
  },
  'fill-mask': {
    js: 'const output = await client.fillMask({ model: $M, inputs: "The answer to the universe is [MASK]." });\nconsole.log(output);',
    py: 'output = client.fill_mask("The answer to the universe is [MASK].", model=$M)\nprint(output)',
  },
  'text-to-image': {
    js: 'const image = await client.textToImage({ model: $M, inputs: "An astronaut riding a horse" }, { outputType: "blob" });\nconsole.log(image.size);',
    py: 'image = client.text_to_image("An astronaut riding a horse", model=$M)\nimage.save("image.png")',
  },
  'automatic-speech-recognition': {
    js: 'import { readFileSync } from "node:fs";\n\nconst output = await client.automaticSpeechRecognition({ model: $M, data: readFileSync("sample.flac") });\nconsole.log(output.text);',
    py: 'output = client.automatic_speech_recognition("sample.flac", model=$M)\nprint(output.text)',
  },
};
TASKS['sentence-similarity'] = TASKS['feature-extraction'];

const CHAT: TaskSnippet = {
  js: 'const output = await client.chatCompletion({\n  model: $M,\n  messages: [{ role: "user", content: "Hello!" }],\n});\nconsole.log(output.choices[0].message.content);',
  py: 'completion = client.chat.completions.create(\n    model=$M,\n    messages=[{"role": "user", "content": "Hello!"}],\n)\nprint(completion.choices[0].message.content)',
};

const JS_HEADER = 'import { InferenceClient } from "@huggingface/inference";\n\nconst client = new InferenceClient(process.env.HF_TOKEN);\n\n';
const PY_HEADER = 'import os\nfrom huggingface_hub import InferenceClient\n\nclient = InferenceClient(api_key=os.environ["HF_TOKEN"])\n\n';

function modelSnippet(id: string, pipelineTag: string, language: SnippetLanguage): string {
  const quoted = JSON.stringify(id);
  // The tag reaches the code as data: only a real pipeline type (never "constructor", never a line break) is used.
  const tag = isPipelineTagOrNone(pipelineTag) ? pipelineTag : '';
  const task = isChatPipeline(tag) ? CHAT : tag === '' ? undefined : TASKS[tag];
  if (!task) {
    const comment = language === 'python' ? '#' : '//';
    const kind = tag ? `pipeline "${tag}"` : 'this model';
    return `${comment} No ready-made InferenceClient snippet for ${kind}: see the model card of ${id}.\n`;
  }
  const body = (language === 'python' ? task.py : task.js).split('$M').join(quoted);
  return `${language === 'python' ? PY_HEADER : JS_HEADER}${body}\n`;
}

function datasetSnippet(id: string, language: SnippetLanguage): string {
  const quoted = JSON.stringify(id);
  if (language === 'python') return `from datasets import load_dataset\n\nds = load_dataset(${quoted})\nprint(ds)\n`;
  return `import { listFiles } from "@huggingface/hub";\n\nfor await (const file of listFiles({ repo: { type: "dataset", name: ${quoted} } })) {\n  console.log(file.path, file.size);\n}\n`;
}

function spaceSnippet(id: string, language: SnippetLanguage): string {
  const quoted = JSON.stringify(id);
  if (language === 'python') return `from gradio_client import Client\n\nclient = Client(${quoted})\nclient.view_api()\n`;
  return `import { Client } from "@gradio/client";\n\nconst client = await Client.connect(${quoted});\nconsole.log(await client.view_api());\n`;
}

/** The snippet for a repo; `pipelineTag` picks the client call for models ('' when unknown). */
export function usageSnippet(kind: RepoKind, id: string, pipelineTag: string, language: SnippetLanguage): string {
  if (kind === 'model') return modelSnippet(id, pipelineTag, language);
  if (kind === 'dataset') return datasetSnippet(id, language);
  return spaceSnippet(id, language);
}

export function usageSnippets(kind: RepoKind, id: string, pipelineTag: string): Record<SnippetLanguage, string> {
  return { javascript: usageSnippet(kind, id, pipelineTag, 'javascript'), python: usageSnippet(kind, id, pipelineTag, 'python') };
}

/** VS Code language ids that get the JavaScript snippet / the Python snippet. */
export function snippetLanguageFor(languageId: string): SnippetLanguage | undefined {
  if (['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'svelte'].includes(languageId)) return 'javascript';
  if (languageId === 'python' || languageId === 'jupyter') return 'python';
  return undefined;
}
