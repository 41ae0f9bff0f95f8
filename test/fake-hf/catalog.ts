// The deterministic catalog of repos the fake Hub serves: hand-written well-known repos (catalogNamed.ts)
// followed by generated ones (catalogGenerated.ts, seeded PRNG). Built once per process and never mutated.
import { namedDatasets, namedModels, namedSpaces } from './catalogNamed';
import { generatedDatasets, generatedModels, generatedSpaces } from './catalogGenerated';
import type { DatasetEntry, ModelEntry, RepoEntry, RepoType, SpaceEntry } from './catalogTypes';

export * from './catalogTypes';

export class Catalog {
  readonly models: ModelEntry[];
  readonly datasets: DatasetEntry[];
  readonly spaces: SpaceEntry[];
  private readonly byKey = new Map<string, RepoEntry>();
  /** provider -> providerId -> model, for `/<provider>/v1/chat/completions` bodies. */
  private readonly byProviderId = new Map<string, Map<string, ModelEntry>>();

  constructor(models: ModelEntry[], datasets: DatasetEntry[], spaces: SpaceEntry[]) {
    this.models = models;
    this.datasets = datasets;
    this.spaces = spaces;
    for (const e of [...models, ...datasets, ...spaces]) this.byKey.set(`${e.type}:${e.id}`, e);
    for (const m of models) {
      for (const p of m.inferenceProviderMapping) {
        const table = this.byProviderId.get(p.provider) ?? new Map<string, ModelEntry>();
        table.set(p.providerId, m);
        this.byProviderId.set(p.provider, table);
      }
    }
  }

  model(id: string): ModelEntry | undefined {
    return this.byKey.get(`model:${id}`) as ModelEntry | undefined;
  }

  dataset(id: string): DatasetEntry | undefined {
    return this.byKey.get(`dataset:${id}`) as DatasetEntry | undefined;
  }

  space(id: string): SpaceEntry | undefined {
    return this.byKey.get(`space:${id}`) as SpaceEntry | undefined;
  }

  repo(type: RepoType, id: string): RepoEntry | undefined {
    return this.byKey.get(`${type}:${id}`);
  }

  list(type: RepoType): readonly RepoEntry[] {
    return type === 'model' ? this.models : type === 'dataset' ? this.datasets : this.spaces;
  }

  modelByProviderId(provider: string, providerId: string): ModelEntry | undefined {
    return this.byProviderId.get(provider)?.get(providerId);
  }

  knownProviders(): string[] {
    return [...this.byProviderId.keys()];
  }
}

let cached: Catalog | undefined;

export function getCatalog(): Catalog {
  cached ??= new Catalog(
    [...namedModels(), ...generatedModels()],
    [...namedDatasets(), ...generatedDatasets()],
    [...namedSpaces(), ...generatedSpaces()],
  );
  return cached;
}
