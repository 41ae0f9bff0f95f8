/**
 * The Hugging Face tools VS Code's agent mode may call (`contributes.languageModelTools`; a unit test holds
 * package.json equal to these specs), the validation of their inputs against the same schemas, and the sizing of
 * their text results. Pure: the glue (src/chat/hfTools.ts) registers them and runs them.
 */

export type JsonSchemaProperty =
  | { readonly type: 'string'; readonly description: string; readonly maxLength?: number; readonly enum?: readonly string[] }
  | { readonly type: 'integer'; readonly description: string; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'array'; readonly description: string; readonly items: { readonly type: 'string'; readonly maxLength?: number }; readonly minItems?: number; readonly maxItems?: number };

export interface ToolSpec {
  readonly name: string;
  readonly toolReferenceName: string;
  readonly displayName: string;
  readonly modelDescription: string;
  readonly userDescription: string;
  readonly icon: string;
  readonly canBeReferencedInPrompt: true;
  readonly inputSchema: { readonly type: 'object'; readonly properties: Readonly<Record<string, JsonSchemaProperty>>; readonly required: readonly string[] };
}

export { QUOTA_TOOLS } from './hfToolNames';

const QUERY = { type: 'string', description: 'Words to search for in repo names (e.g. "qwen coder", "squad").', maxLength: 200 } as const;
const LIMIT = { type: 'integer', description: 'How many results (1-20, default 10).', minimum: 1, maximum: 20 } as const;
const TEXT = { type: 'string', description: 'The text to work on.', maxLength: 20000 } as const;

function spec(name: string, referenceName: string, displayName: string, icon: string, modelDescription: string, userDescription: string, properties: Record<string, JsonSchemaProperty>, required: string[]): ToolSpec {
  return { name, toolReferenceName: referenceName, displayName, modelDescription, userDescription, icon, canBeReferencedInPrompt: true, inputSchema: { type: 'object', properties, required } };
}

export const TOOL_SPECS: readonly ToolSpec[] = [
  spec('hf_searchModels', 'hfSearchModels', 'Search Hugging Face models', '$(search)',
    'Searches the Hugging Face Hub for models by name, optionally for one pipeline task (e.g. "text-generation", "translation"). Returns one line per model: id, task, downloads, likes.',
    'Search models on the Hugging Face Hub', { query: QUERY, task: { type: 'string', description: 'A pipeline tag such as "text-generation", "translation", "summarization".', maxLength: 60 }, limit: LIMIT }, ['query']),
  spec('hf_modelInfo', 'hfModelInfo', 'Hugging Face model info', '$(info)',
    'Details of one Hugging Face model by id ("org/name"): its task, library, downloads, likes, licence tags, the inference providers that serve it, and what this extension can do with it.',
    'Show a model\'s details', { id: { type: 'string', description: 'The model id, "org/name".', maxLength: 200 } }, ['id']),
  spec('hf_searchDatasets', 'hfSearchDatasets', 'Search Hugging Face datasets', '$(database)',
    'Searches the Hugging Face Hub for datasets by name. Returns one line per dataset: id, task category, downloads, likes.',
    'Search datasets on the Hugging Face Hub', { query: QUERY, limit: LIMIT }, ['query']),
  spec('hf_datasetRows', 'hfDatasetRows', 'Hugging Face dataset rows', '$(table)',
    'The first rows of a Hugging Face dataset (through the dataset viewer): its columns and up to 20 rows, cells shortened. Config and split default to the first ones.',
    'Show a dataset\'s first rows', {
      id: { type: 'string', description: 'The dataset id, "org/name".', maxLength: 200 },
      config: { type: 'string', description: 'The dataset configuration (default: the first).', maxLength: 100 },
      split: { type: 'string', description: 'The split, e.g. "train" (default: the first).', maxLength: 100 },
      count: { type: 'integer', description: 'How many rows (1-20, default 5).', minimum: 1, maximum: 20 },
    }, ['id']),
  spec('hf_searchSpaces', 'hfSearchSpaces', 'Search Hugging Face Spaces', '$(rocket)',
    'Searches the Hugging Face Hub for Spaces (demo apps) by name. Returns one line per Space: id, SDK, likes, runtime stage.',
    'Search Spaces on the Hugging Face Hub', { query: QUERY, limit: LIMIT }, ['query']),
  spec('hf_translate', 'hfTranslate', 'Translate with Hugging Face', '$(globe)',
    'Translates text with a Hugging Face translation model (routed, with fallback). Give the target language as a code or a name; the source is detected when not given. Uses one request of the user\'s monthly quota.',
    'Translate text with a Hugging Face model', { text: TEXT, targetLanguage: { type: 'string', description: 'The language to translate into, e.g. "fr" or "French".', maxLength: 40 }, sourceLanguage: { type: 'string', description: 'The language of the text (default: detected).', maxLength: 40 } }, ['text', 'targetLanguage']),
  spec('hf_summarize', 'hfSummarize', 'Summarize with Hugging Face', '$(list-flat)',
    'Summarizes text with a Hugging Face summarization model (routed, with fallback). Uses one request of the user\'s monthly quota.',
    'Summarize text with a Hugging Face model', { text: TEXT }, ['text']),
  spec('hf_classify', 'hfClassify', 'Classify with Hugging Face', '$(tag)',
    'Classifies text with Hugging Face models: its sentiment when no labels are given, else zero-shot scores for the given labels. Uses one request of the user\'s monthly quota.',
    'Classify text (sentiment or your labels)', { text: TEXT, labels: { type: 'array', description: 'Candidate labels for zero-shot classification (2-10); omit for sentiment.', items: { type: 'string', maxLength: 60 }, minItems: 2, maxItems: 10 } }, ['text']),
  spec('hf_extractEntities', 'hfExtractEntities', 'Extract entities with Hugging Face', '$(symbol-class)',
    'Extracts named entities (people, places, organisations, other) from text with a Hugging Face NER model. Uses one request of the user\'s monthly quota.',
    'Extract named entities from text', { text: TEXT }, ['text']),
];

export type ToolInput = Readonly<Record<string, string | number | readonly string[]>>;

/** The input checked against the tool's schema: the values, or what is wrong (naming the field). */
export function validateToolInput(name: string, input: unknown): { readonly ok: true; readonly value: ToolInput } | { readonly ok: false; readonly message: string } {
  const tool = TOOL_SPECS.find((t) => t.name === name);
  if (!tool) return { ok: false, message: `Unknown tool ${name}.` };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, message: `${name} takes an object with ${tool.inputSchema.required.join(', ')}.` };
  const raw = input as Record<string, unknown>;
  const value: Record<string, string | number | readonly string[]> = {};
  for (const field of tool.inputSchema.required) {
    if (raw[field] === undefined || raw[field] === null || raw[field] === '') return { ok: false, message: `${name}: "${field}" is required.` };
  }
  for (const [field, schema] of Object.entries(tool.inputSchema.properties)) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    const problem = check(field, schema, v);
    if (problem) return { ok: false, message: `${name}: ${problem}` };
    value[field] = typeof v === 'string' ? v.trim() : (v as number | readonly string[]);
  }
  const unknown = Object.keys(raw).filter((k) => !(k in tool.inputSchema.properties));
  if (unknown.length > 0) return { ok: false, message: `${name}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.` };
  return { ok: true, value };
}

function check(field: string, schema: JsonSchemaProperty, v: unknown): string | undefined {
  switch (schema.type) {
    case 'string':
      if (typeof v !== 'string') return `"${field}" must be a string.`;
      if (schema.maxLength !== undefined && v.length > schema.maxLength) return `"${field}" is longer than ${schema.maxLength} characters.`;
      return undefined;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) return `"${field}" must be a whole number.`;
      if ((schema.minimum !== undefined && v < schema.minimum) || (schema.maximum !== undefined && v > schema.maximum)) return `"${field}" must be between ${schema.minimum} and ${schema.maximum}.`;
      return undefined;
    case 'array':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return `"${field}" must be a list of strings.`;
      if ((schema.minItems !== undefined && v.length < schema.minItems) || (schema.maxItems !== undefined && v.length > schema.maxItems)) return `"${field}" must have ${schema.minItems}-${schema.maxItems} items.`;
      if (schema.items.maxLength !== undefined && v.some((x: string) => x.length > (schema.items.maxLength ?? Infinity))) return `an item of "${field}" is too long.`;
      return undefined;
  }
}

/** Caps a tool's text result (the model's context is precious): whole lines, then "…and N more lines". */
export function sizedText(lines: readonly string[], maxChars = 4000): string {
  const out: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    if (size + line.length + 1 > maxChars) {
      out.push(`…and ${lines.length - i} more line${lines.length - i === 1 ? '' : 's'}.`);
      break;
    }
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

/** One line: control characters and runs of white space become single spaces. */
export function oneLine(text: string, max = Infinity): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * A model card's text as plain prose: no front matter, HTML, images, link targets, headings' #, emphasis or table
 * pipes; white space collapsed; cut at `max` characters on a word boundary.
 */
export function cardSummary(markdown: string, max = 600): string {
  const text = markdown
    .replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/```[^\n]*\n[\s\S]*?(```|$)/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s*/gm, '')
    .replace(/^\s*[-|: ]{3,}\s*$/gm, ' ')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  const flat = oneLine(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
