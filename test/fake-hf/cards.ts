// README.md contents (repo cards) and the `cardData` the Hub derives from their YAML front matter.
// Two special cards exist to test renderers: `hostile` (XSS attempts) and `huge` (~1 MB).
import type { RepoEntry } from './catalogTypes';
import { HOSTILE_MARKDOWN } from './hostileMarkdown';

const cache = new WeakMap<RepoEntry, string>();

export function cardOf(entry: RepoEntry): string {
  let text = cache.get(entry);
  if (text === undefined) {
    text = entry.card === 'hostile' ? hostileCard(entry) : entry.card === 'huge' ? hugeCard(entry) : normalCard(entry);
    cache.set(entry, text);
  }
  return text;
}

/** The structured front matter, as the Hub returns it under `cardData`. */
export function cardDataOf(entry: RepoEntry): Record<string, unknown> {
  if (entry.card === 'hostile') return { license: 'mit', tags: ["<script>alert('yaml')</script>", 'javascript:alert(1)'] };
  switch (entry.type) {
    case 'model':
      return { license: entry.license, language: entry.languages, library_name: entry.library_name, pipeline_tag: entry.pipeline_tag, tags: entry.tags.filter((t) => !t.includes(':')).slice(0, 4) };
    case 'dataset':
      return { license: entry.license, language: entry.languages, task_categories: entry.taskCategories, size_categories: [entry.sizeCategory], pretty_name: entry.id.split('/')[1] };
    case 'space':
      return { title: entry.title, emoji: entry.emoji, colorFrom: 'blue', colorTo: 'green', sdk: entry.sdk, sdk_version: entry.sdkVersion, app_file: 'app.py', pinned: false, license: entry.license };
  }
}

function yaml(data: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(`${key}:`, ...value.map((v) => `- ${JSON.stringify(v)}`));
    } else {
      lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
  }
  return `---\n${lines.join('\n')}\n---\n`;
}

function normalCard(entry: RepoEntry): string {
  const name = entry.id.split('/')[1];
  const front = yaml(cardDataOf(entry));
  const usage =
    entry.type === 'model'
      ? `## Usage\n\n\`\`\`python\nfrom transformers import pipeline\n\npipe = pipeline("${entry.pipeline_tag ?? 'text-generation'}", model="${entry.id}")\nprint(pipe("Hello world"))\n\`\`\`\n`
      : entry.type === 'dataset'
        ? `## Usage\n\n\`\`\`python\nfrom datasets import load_dataset\n\nds = load_dataset("${entry.id}")\n\`\`\`\n`
        : `Check out the configuration reference at https://huggingface.co/docs/hub/spaces-config-reference\n`;
  return `${front}\n# ${name}\n\n${entry.description}\n\n${usage}\n## Limitations\n\nThis repository is part of a deterministic fake catalog used for testing.\n\n| Field | Value |\n|---|---|\n| id | \`${entry.id}\` |\n| license | ${entry.license} |\n| likes | ${entry.likes} |\n`;
}

function hostileCard(entry: RepoEntry): string {
  return `${yaml(cardDataOf(entry))}
# Hostile card <script>alert('title')</script>

${HOSTILE_MARKDOWN}
Plain text after the attacks: this line must still render.
`;
}

function hugeCard(entry: RepoEntry): string {
  const parts = [`${yaml(cardDataOf(entry))}\n# Huge card\n\nThis card is about one megabyte long.\n`];
  let size = parts[0].length;
  for (let i = 1; size < 1_000_000; i++) {
    const section = `\n## Section ${i}\n\nParagraph ${i}: the quick brown fox jumps over the lazy dog. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.\n\n| col a | col b |\n|---|---|\n| ${i} | ${i * 2} |\n`;
    parts.push(section);
    size += section.length;
  }
  return parts.join('');
}
