/**
 * The choices offered by the Hub browser's filter selects. Curated (the Hub has thousands of tags);
 * the values are exactly what the Hub API filters on.
 */

export interface Option {
  readonly value: string;
  readonly label: string;
}

const same = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: value }));

export const MODEL_TASKS: readonly Option[] = same([
  'text-generation',
  'image-text-to-text',
  'text-classification',
  'token-classification',
  'question-answering',
  'zero-shot-classification',
  'translation',
  'summarization',
  'fill-mask',
  'feature-extraction',
  'sentence-similarity',
  'text-to-image',
  'image-classification',
  'object-detection',
  'image-to-text',
  'automatic-speech-recognition',
  'text-to-speech',
]);

export const MODEL_LIBRARIES: readonly Option[] = same([
  'transformers',
  'sentence-transformers',
  'diffusers',
  'gguf',
  'peft',
  'timm',
  'mlx',
  'onnx',
  'transformers.js',
  'safetensors',
  'spacy',
  'keras',
]);

export const LANGUAGE_OPTIONS: readonly Option[] = [
  { value: 'en', label: 'English' },
  { value: 'zh', label: 'Chinese' },
  { value: 'fr', label: 'French' },
  { value: 'es', label: 'Spanish' },
  { value: 'de', label: 'German' },
  { value: 'ja', label: 'Japanese' },
  { value: 'ko', label: 'Korean' },
  { value: 'ru', label: 'Russian' },
  { value: 'pt', label: 'Portuguese' },
  { value: 'ar', label: 'Arabic' },
  { value: 'hi', label: 'Hindi' },
  { value: 'it', label: 'Italian' },
  { value: 'multilingual', label: 'Multilingual' },
];

export const DATASET_TASKS: readonly Option[] = same([
  'text-classification',
  'question-answering',
  'summarization',
  'translation',
  'text-generation',
  'token-classification',
  'table-question-answering',
  'image-classification',
  'object-detection',
  'automatic-speech-recognition',
  'image-to-text',
  'text-to-image',
]);

export const DATASET_SIZES: readonly Option[] = same([
  'n<1K',
  '1K<n<10K',
  '10K<n<100K',
  '100K<n<1M',
  '1M<n<10M',
  '10M<n<100M',
  '100M<n<1B',
  '1B<n<10B',
  'n>1T',
]);

export const SPACE_SDKS: readonly Option[] = same(['gradio', 'streamlit', 'docker', 'static']);

export const SPACE_HARDWARE: readonly Option[] = same([
  'cpu-basic',
  'cpu-upgrade',
  'zero-a10g',
  't4-small',
  't4-medium',
  'l4x1',
  'l4x4',
  'a10g-small',
  'a10g-large',
  'a10g-largex2',
  'a100-large',
  'h100',
]);

export const SORT_OPTIONS: readonly Option[] = [
  { value: 'trending', label: 'Trending' },
  { value: 'downloads', label: 'Most downloads' },
  { value: 'likes', label: 'Most likes' },
  { value: 'updated', label: 'Recently updated' },
];

/** Whose repos the list shows: everyone's, or the signed-in user's and their organisations' (private ones included). */
export const SCOPE_OPTIONS: readonly Option[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'yours', label: 'Yours' },
];
