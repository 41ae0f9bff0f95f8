/**
 * Fill-in-the-middle (FIM) prompt templates, per model family.
 *
 * A code model trained for FIM completes the gap between a prefix (the text before the cursor) and a
 * suffix (the text after it) when both are wrapped in the special tokens it was trained with. The tokens
 * differ per family and a wrong set gives garbage (the model sees them as plain text), so a model whose
 * family is not known here gets no template at all: the caller says "this model is not trained for
 * fill-in-the-middle" instead of guessing. A user may still give the tokens by hand (`override`).
 *
 * Repository/file headers (StarCoder2's `<file_sep>`, Qwen's `<|repo_name|>`) are deliberately left out:
 * plain prefix/suffix/middle is what every family here documents and what their FIM benchmarks use.
 */
import { programmingLanguageName } from '../comments/commentSyntax';
import type { ChatMessage } from '../routing/prompts';

export type FimFamily = 'starcoder' | 'qwen-coder' | 'codellama' | 'deepseek-coder' | 'codestral' | 'codegemma';

export interface FimTemplate {
  /** Which family this is (a `FimFamily`, or what an override names a custom template). */
  readonly family: string;
  /** Put before the prefix (spaces included where the family wants them, as CodeLlama's `'<PRE> '`). */
  readonly prefixToken: string;
  /** Put before the suffix. */
  readonly suffixToken: string;
  /** Put at the very end: the model writes the middle after it ('' when the family has none, as Codestral). */
  readonly middleToken: string;
  /**
   * 'psm': prefix, suffix, middle (most families).
   * 'spm': the suffix part comes first, then the prefix part, then the middle token (Codestral).
   */
  readonly order: 'psm' | 'spm';
  /** Where to cut the model's output: end-of-text tokens and the FIM tokens themselves (a model that starts a new gap is done). */
  readonly stop: readonly string[];
}

/** The templates, by family. Tokens are exactly as each model's tokenizer spells them. */
export const FIM_TEMPLATES: Readonly<Record<FimFamily, FimTemplate>> = {
  starcoder: {
    family: 'starcoder',
    prefixToken: '<fim_prefix>',
    suffixToken: '<fim_suffix>',
    middleToken: '<fim_middle>',
    order: 'psm',
    stop: ['<|endoftext|>', '<file_sep>', '<fim_prefix>', '<fim_suffix>', '<fim_middle>'],
  },
  'qwen-coder': {
    family: 'qwen-coder',
    prefixToken: '<|fim_prefix|>',
    suffixToken: '<|fim_suffix|>',
    middleToken: '<|fim_middle|>',
    order: 'psm',
    stop: ['<|endoftext|>', '<|fim_pad|>', '<|repo_name|>', '<|file_sep|>', '<|im_end|>', '<|fim_prefix|>'],
  },
  codellama: {
    family: 'codellama',
    prefixToken: '<PRE> ',
    suffixToken: ' <SUF>',
    middleToken: ' <MID>',
    order: 'psm',
    stop: ['<EOT>', '</s>'],
  },
  'deepseek-coder': {
    // Full-width vertical bars (U+FF5C) and the SentencePiece space (U+2581), not ASCII '|' and '_'.
    family: 'deepseek-coder',
    prefixToken: '<\uFF5Cfim\u2581begin\uFF5C>',
    suffixToken: '<\uFF5Cfim\u2581hole\uFF5C>',
    middleToken: '<\uFF5Cfim\u2581end\uFF5C>',
    order: 'psm',
    stop: ['<\uFF5Cend\u2581of\u2581sentence\uFF5C>', '<|EOT|>'],
  },
  codestral: {
    family: 'codestral',
    prefixToken: '[PREFIX]',
    suffixToken: '[SUFFIX]',
    middleToken: '',
    order: 'spm',
    stop: ['</s>', '[PREFIX]', '[SUFFIX]'],
  },
  codegemma: {
    family: 'codegemma',
    prefixToken: '<|fim_prefix|>',
    suffixToken: '<|fim_suffix|>',
    middleToken: '<|fim_middle|>',
    order: 'psm',
    stop: ['<|file_separator|>', '<|fim_prefix|>', '<|fim_suffix|>', '<|fim_middle|>', '<eos>'],
  },
};

/** The families a template exists for, in the order model names are matched against them. */
export const KNOWN_FIM_FAMILIES: readonly FimFamily[] = ['deepseek-coder', 'codegemma', 'qwen-coder', 'codestral', 'codellama', 'starcoder'];

/** Matched against the model name (the part after `owner/`), lower-cased. */
const FAMILY_PATTERNS: Readonly<Record<FimFamily, RegExp>> = {
  'deepseek-coder': /deepseek-coder/,
  codegemma: /codegemma/,
  'qwen-coder': /qwen(?:2\.5|3)-coder/,
  codestral: /codestral/,
  codellama: /codellama|code-llama/,
  starcoder: /starcoder|santacoder|bigcode/,
};

/**
 * The family of `modelId` ('bigcode/starcoder2-15b', 'Qwen/Qwen2.5-Coder-7B'; a `:provider` or `:policy`
 * tail is ignored), or undefined when it is not a family known to be trained for FIM.
 */
export function fimFamilyOf(modelId: string): FimFamily | undefined {
  const withoutTail = modelId.split(':')[0];
  const name = withoutTail.slice(withoutTail.indexOf('/') + 1).toLowerCase();
  return KNOWN_FIM_FAMILIES.find((family) => FAMILY_PATTERNS[family].test(name));
}

/**
 * The template for `modelId`, with `override`'s fields laid over it (a user setting can fix a token or add
 * a stop). Undefined when the family is unknown, unless `override` gives all three tokens itself (then it
 * is a custom template: family 'custom' unless named, order 'psm' and no stops unless given).
 */
export function templateForModel(modelId: string, override?: Partial<FimTemplate>): FimTemplate | undefined {
  const family = fimFamilyOf(modelId);
  const defined = definedFields(override);
  if (family) return { ...FIM_TEMPLATES[family], ...defined };
  if (defined.prefixToken === undefined || defined.suffixToken === undefined || defined.middleToken === undefined) return undefined;
  return {
    family: defined.family ?? 'custom',
    prefixToken: defined.prefixToken,
    suffixToken: defined.suffixToken,
    middleToken: defined.middleToken,
    order: defined.order ?? 'psm',
    stop: defined.stop ?? [],
  };
}

/** `override` without its undefined fields, so `{ stop: undefined }` does not erase the family's stops. */
function definedFields(override: Partial<FimTemplate> | undefined): Partial<FimTemplate> {
  if (!override) return {};
  return Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined)) as Partial<FimTemplate>;
}

/** The raw prompt for a FIM model: send it as the text-generation input; the model's output is the middle. */
export function fimPrompt(template: FimTemplate, parts: { readonly prefix: string; readonly suffix: string }): string {
  const prefixPart = template.prefixToken + parts.prefix;
  const suffixPart = template.suffixToken + parts.suffix;
  return template.order === 'spm' ? suffixPart + prefixPart + template.middleToken : prefixPart + suffixPart + template.middleToken;
}

/** Marks the gap in the chat prompt; chosen so it does not occur in ordinary code. */
export const CHAT_FIM_HOLE = '<CURSOR>';

/**
 * The last resort, opt-in: asks a chat model (not trained for FIM) for the missing middle. Chat models
 * tend to repeat the surrounding code or wrap the answer in a code fence, so the prompt says not to, and
 * the caller still runs the reply through cleanCompletion (and may strip a fence).
 */
export function chatFimMessages(prefix: string, suffix: string, languageId: string): ChatMessage[] {
  const language = programmingLanguageName(languageId);
  return [
    {
      role: 'system',
      content:
        `You are a code completion engine for ${language}. The user sends a file with the cursor marked ${CHAT_FIM_HOLE}. ` +
        `Reply with only the text to insert at ${CHAT_FIM_HOLE}: no explanations, no code fences, ` +
        'and do not repeat any of the code before or after the cursor. ' +
        'Match the indentation and style of the surrounding code. If nothing should be inserted, reply with nothing.',
    },
    { role: 'user', content: `${prefix}${CHAT_FIM_HOLE}${suffix}` },
  ];
}
