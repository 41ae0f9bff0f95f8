// The files of each repo: small text files with real content, and LFS files (weights, parquet)
// whose bytes are a cheap deterministic pattern produced on demand (never held in memory).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cardOf } from './cards';
import { hexId, type DatasetEntry, type ModelEntry, type RepoEntry, type SpaceEntry } from './catalogTypes';

export interface RepoFile {
  path: string;
  size: number;
  oid: string;
  lfs?: { oid: string; size: number; pointerSize: number };
  /** Bytes [start, end) of the file. */
  read(start: number, end: number): Buffer;
}

const cache = new WeakMap<RepoEntry, RepoFile[]>();

export function repoFiles(entry: RepoEntry): RepoFile[] {
  let files = cache.get(entry);
  if (!files) {
    const specs = entry.type === 'model' ? modelFiles(entry) : entry.type === 'dataset' ? datasetFiles(entry) : spaceFiles(entry);
    files = specs.sort((a, b) => a.path.localeCompare(b.path));
    cache.set(entry, files);
  }
  return files;
}

/** Serves `files` as the files of `entry` (a repo's state after a commit in the fake). */
export function setRepoFiles(entry: RepoEntry, files: RepoFile[]): void {
  cache.set(entry, [...files].sort((a, b) => a.path.localeCompare(b.path)));
}

export function findFile(entry: RepoEntry, path: string): RepoFile | undefined {
  return repoFiles(entry).find((f) => f.path === path);
}

/** Directory paths implied by the file paths (e.g. `onnx` for `onnx/model.onnx`). */
export function repoDirectories(entry: RepoEntry): string[] {
  const dirs = new Set<string>();
  for (const f of repoFiles(entry)) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs].sort();
}

function textFile(path: string, content: string): RepoFile {
  return bytesFile(path, Buffer.from(content, 'utf8'));
}

/** A regular (non-LFS) file holding `buf`, its oid the git blob sha1 as on the Hub. */
export function bytesFile(path: string, buf: Buffer): RepoFile {
  const oid = createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
  return { path, size: buf.length, oid, read: (start, end) => buf.subarray(start, end) };
}

function lfsFile(repoKey: string, path: string, size: number): RepoFile {
  const sha256 = hexId(`lfs:${repoKey}:${path}`, 64);
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${size}\n`;
  return {
    path,
    size,
    oid: createHash('sha1').update(`blob ${pointer.length}\0${pointer}`).digest('hex'),
    lfs: { oid: sha256, size, pointerSize: pointer.length },
    read: (start, end) => {
      const out = Buffer.allocUnsafe(Math.max(0, Math.min(end, size) - start));
      for (let i = 0; i < out.length; i++) out[i] = (start + i) % 251;
      return out;
    },
  };
}

/**
 * Chat models whose repo has a tokenizer.json: the small real byte-level BPE tokenizer of
 * test/fixtures/tokenizers/tiny-bpe.json (see make-tiny-bpe.mjs there), not the model's own. Every other
 * model answers 404 EntryNotFound for it, like a repo without one. Llama is gated: only its README is served.
 */
export const TOKENIZER_MODELS: readonly string[] = [
  'meta-llama/Llama-3.1-8B-Instruct',
  'Qwen/Qwen2.5-Coder-32B-Instruct',
  'Qwen/Qwen2.5-72B-Instruct',
  'HuggingFaceTB/SmolLM3-3B',
];

let tokenizerJson: string | undefined;

/**
 * ONNX ports served with real bytes: the tiny models of test/fixtures/local-models (generate.py there), so the
 * on-device download, load and inference run for real against the fake. The fixtures are fp32 graphs; each is also
 * served under the quantized name transformers.js loads by default (an ONNX graph carries its own types).
 */
export const ONNX_FIXTURE_MODELS: Readonly<Record<string, string>> = {
  'Xenova/distilbert-base-uncased-finetuned-sst-2-english': 'tiny/sentiment-bert',
  'Xenova/opus-mt-en-fr': 'tiny/opus-mt-en-fr',
};

/** The repository's folder, found from this file's folder upwards (it runs from test/ or from out/test/). */
function repoRoot(marker: string): string {
  let dir = __dirname;
  while (!existsSync(join(dir, marker))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`${marker} not found`);
    dir = up;
  }
  return dir;
}

/** An LFS file with these bytes (its pointer names their sha256, as the Hub's does). */
export function lfsBytes(path: string, buf: Buffer): RepoFile {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${buf.length}\n`;
  return {
    path,
    size: buf.length,
    oid: createHash('sha1').update(`blob ${pointer.length}\0${pointer}`).digest('hex'),
    lfs: { oid: sha256, size: buf.length, pointerSize: pointer.length },
    read: (start, end) => buf.subarray(start, end),
  };
}

function onnxFixtureFiles(fixture: string): RepoFile[] {
  const dir = join(repoRoot(join('test', 'fixtures', 'local-models', 'generate.py')), 'test', 'fixtures', 'local-models', ...fixture.split('/'));
  const files: RepoFile[] = [];
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json')) files.push(textFile(name, readFileSync(join(dir, name), 'utf8')));
  }
  for (const name of readdirSync(join(dir, 'onnx'))) {
    const bytes = readFileSync(join(dir, 'onnx', name));
    files.push(lfsBytes(`onnx/${name}`, bytes), lfsBytes(`onnx/${name.replace(/\.onnx$/, '_quantized.onnx')}`, bytes));
  }
  return files;
}

/** The fixture's text; found from this file's folder upwards (it runs from test/ or from out/test/). */
export function tinyTokenizerJson(): string {
  if (tokenizerJson === undefined) {
    let dir = __dirname;
    while (!existsSync(join(dir, 'test', 'fixtures', 'tokenizers', 'tiny-bpe.json'))) {
      const up = dirname(dir);
      if (up === dir) throw new Error('test/fixtures/tokenizers/tiny-bpe.json not found');
      dir = up;
    }
    tokenizerJson = readFileSync(join(dir, 'test', 'fixtures', 'tokenizers', 'tiny-bpe.json'), 'utf8');
  }
  return tokenizerJson;
}

const GITATTRIBUTES = '*.safetensors filter=lfs diff=lfs merge=lfs -text\n*.bin filter=lfs diff=lfs merge=lfs -text\n*.onnx filter=lfs diff=lfs merge=lfs -text\n*.gguf filter=lfs diff=lfs merge=lfs -text\n*.parquet filter=lfs diff=lfs merge=lfs -text\n';

function modelFiles(m: ModelEntry): RepoFile[] {
  const key = `model:${m.id}`;
  const files = [textFile('.gitattributes', GITATTRIBUTES), textFile('README.md', cardOf(m))];
  const weightsSize = m.parameters * 2;
  switch (m.library_name) {
    case 'gguf':
      files.push(lfsFile(key, `${m.id.split('/')[1]}-Q4_K_M.gguf`, Math.ceil(m.parameters * 0.6)));
      break;
    case 'diffusers':
      files.push(textFile('model_index.json', JSON.stringify({ _class_name: 'StableDiffusionPipeline', _diffusers_version: '0.31.0' }, null, 2)));
      files.push(lfsFile(key, 'unet/diffusion_pytorch_model.safetensors', weightsSize));
      files.push(textFile('unet/config.json', JSON.stringify({ _class_name: 'UNet2DConditionModel' }, null, 2)));
      break;
    case 'sentence-transformers':
      files.push(textFile('modules.json', JSON.stringify([{ idx: 0, name: '0', path: '', type: 'sentence_transformers.models.Transformer' }])));
      files.push(textFile('1_Pooling/config.json', JSON.stringify({ word_embedding_dimension: 384, pooling_mode_mean_tokens: true })));
      files.push(lfsFile(key, 'model.safetensors', weightsSize));
      break;
    case 'transformers.js':
      if (ONNX_FIXTURE_MODELS[m.id]) {
        files.push(...onnxFixtureFiles(ONNX_FIXTURE_MODELS[m.id]));
        break;
      }
      // transformers.js' layout with tiny sizes: full, quantized and fp16 graphs (only the quantized one is downloaded).
      files.push(textFile('config.json', JSON.stringify({ architectures: ['DistilBertForSequenceClassification'], model_type: 'distilbert', id2label: { 0: 'NEGATIVE', 1: 'POSITIVE' } }, null, 2)));
      files.push(textFile('tokenizer.json', JSON.stringify({ version: '1.0', model: { type: 'WordPiece', vocab: { '[UNK]': 0 } } })));
      files.push(textFile('tokenizer_config.json', JSON.stringify({ model_max_length: 512 }, null, 2)));
      files.push(lfsFile(key, 'onnx/model.onnx', m.parameters * 4));
      files.push(lfsFile(key, 'onnx/model_quantized.onnx', m.parameters));
      files.push(lfsFile(key, 'onnx/model_fp16.onnx', m.parameters * 2));
      break;
    case 'timm':
      files.push(lfsFile(key, 'pytorch_model.bin', weightsSize));
      files.push(textFile('config.json', JSON.stringify({ architecture: 'vit_base_patch16_224', num_classes: 1000 })));
      break;
    default:
      files.push(textFile('config.json', JSON.stringify({ architectures: ['AutoModel'], model_type: m.tags[3] ?? 'bert', torch_dtype: 'float32' }, null, 2)));
      files.push(textFile('tokenizer_config.json', JSON.stringify({ model_max_length: 512, padding_side: 'right' }, null, 2)));
      files.push(lfsFile(key, 'model.safetensors', weightsSize));
      if (m.parameters < 200_000_000) files.push(lfsFile(key, 'onnx/model.onnx', weightsSize * 2));
  }
  if (TOKENIZER_MODELS.includes(m.id)) files.push(textFile('tokenizer.json', tinyTokenizerJson()));
  return files;
}

function datasetFiles(d: DatasetEntry): RepoFile[] {
  const key = `dataset:${d.id}`;
  const files = [textFile('.gitattributes', GITATTRIBUTES), textFile('README.md', cardOf(d))];
  for (const config of d.configs) {
    const dir = config.name === 'default' ? 'data' : config.name;
    for (const split of config.splits) {
      files.push(lfsFile(key, `${dir}/${split.name}-00000-of-00001.parquet`, split.numRows * 120 + 4096));
    }
  }
  return files;
}

function spaceFiles(s: SpaceEntry): RepoFile[] {
  const files = [textFile('.gitattributes', GITATTRIBUTES), textFile('README.md', cardOf(s))];
  switch (s.sdk) {
    case 'gradio':
      files.push(textFile('app.py', 'import gradio as gr\n\ndef greet(name):\n    return "Hello " + name\n\ngr.Interface(fn=greet, inputs="text", outputs="text").launch()\n'));
      files.push(textFile('requirements.txt', 'transformers\ntorch\n'));
      break;
    case 'streamlit':
      files.push(textFile('app.py', 'import streamlit as st\n\nst.title("Hello")\n'));
      files.push(textFile('requirements.txt', 'streamlit\n'));
      break;
    case 'docker':
      files.push(textFile('Dockerfile', 'FROM python:3.11-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n'));
      files.push(textFile('main.py', 'print("hello from docker")\n'));
      break;
    case 'static':
      files.push(textFile('index.html', '<!doctype html><html><body><h1>Static Space</h1></body></html>\n'));
      break;
  }
  return files;
}
