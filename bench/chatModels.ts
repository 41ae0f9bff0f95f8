/**
 * The chat model picker's list: parsing the router's `/v1/models` answer and building the picker entries (Auto, each
 * model with :fastest, :cheapest and one per live provider) for 500 models, warm median of 20.
 */
import { performance } from 'node:perf_hooks';
import { chatModelEntries, parseRouterModels } from '../src/core/routing/chatModelList';
import { fmt, targetRow } from './report';
import type { Section, SectionResult } from './section';
import { median } from './stats';

const MODELS = 500;
const PROVIDERS = ['together', 'novita', 'nebius', 'fireworks-ai', 'groq', 'hyperbolic'];

function routerList(): unknown {
  return {
    object: 'list',
    data: Array.from({ length: MODELS }, (_, i) => ({
      id: `org${i % 40}/Model-${i}-Instruct`,
      architecture: { input_modalities: i % 7 === 0 ? ['text', 'image'] : ['text'] },
      providers: PROVIDERS.slice(0, 1 + (i % PROVIDERS.length)).map((provider, k) => ({
        provider,
        status: k === 3 ? 'staging' : 'live',
        context_length: 32_768 * (1 + (k % 4)),
        supports_tools: k % 2 === 0,
        pricing: { input: 0.1 * (k + 1), output: 0.3 * (k + 1) },
      })),
    })),
  };
}

export const chatModelsSection: Section = {
  name: 'chat',
  async run(): Promise<SectionResult> {
    const json = routerList();
    let entries = 0;
    for (let i = 0; i < 5; i++) entries = chatModelEntries(parseRouterModels(json)).length;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      entries = chatModelEntries(parseRouterModels(json)).length;
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    return {
      rows: [targetRow('chat', `Chat model picker: building the list for ${MODELS} models (${entries} entries; warm median)`, ms, fmt.ms(ms), { op: '<', value: 50, unit: 'ms' })],
      details: { models: MODELS, entries, ms },
    };
  },
};
