// The Space runtime stage model: the Hub's `runtime.stage` values (huggingface_hub SpaceStage) to a label, a codicon
// and whether the stage is an end state for a build (the Space will not change again without an action).

export type SpaceStage =
  | 'NO_APP_FILE'
  | 'CONFIG_ERROR'
  | 'BUILDING'
  | 'BUILD_ERROR'
  | 'APP_STARTING'
  | 'RUNNING'
  | 'RUNNING_BUILDING'
  | 'RUNNING_APP_STARTING'
  | 'RUNTIME_ERROR'
  | 'DELETING'
  | 'STOPPED'
  | 'PAUSED'
  | 'SLEEPING';

export type StageKind = 'busy' | 'ok' | 'error' | 'idle';

export interface StageInfo {
  readonly stage: string;
  readonly label: string;
  readonly icon: string;
  readonly kind: StageKind;
  /** A build in progress has ended once the Space reaches a terminal stage. */
  readonly terminal: boolean;
}

const STAGES: Readonly<Record<SpaceStage, Omit<StageInfo, 'stage'>>> = {
  NO_APP_FILE: { label: 'No app file', icon: 'warning', kind: 'error', terminal: true },
  CONFIG_ERROR: { label: 'Configuration error', icon: 'error', kind: 'error', terminal: true },
  BUILDING: { label: 'Building', icon: 'loading~spin', kind: 'busy', terminal: false },
  BUILD_ERROR: { label: 'Build error', icon: 'error', kind: 'error', terminal: true },
  APP_STARTING: { label: 'Starting', icon: 'loading~spin', kind: 'busy', terminal: false },
  RUNNING: { label: 'Running', icon: 'pass', kind: 'ok', terminal: true },
  RUNNING_BUILDING: { label: 'Running (rebuilding)', icon: 'loading~spin', kind: 'busy', terminal: false },
  RUNNING_APP_STARTING: { label: 'Running (restarting)', icon: 'loading~spin', kind: 'busy', terminal: false },
  RUNTIME_ERROR: { label: 'Runtime error', icon: 'error', kind: 'error', terminal: true },
  DELETING: { label: 'Deleting', icon: 'trash', kind: 'busy', terminal: false },
  STOPPED: { label: 'Stopped', icon: 'debug-stop', kind: 'idle', terminal: true },
  PAUSED: { label: 'Paused', icon: 'debug-pause', kind: 'idle', terminal: true },
  SLEEPING: { label: 'Sleeping', icon: 'clock', kind: 'idle', terminal: true },
};

const isKnownStage = (stage: string): stage is SpaceStage => Object.prototype.hasOwnProperty.call(STAGES, stage);

/** Describes a stage; an unknown stage (the Hub may add some) is shown as is and treated as busy, so it is re-checked. */
export function describeStage(stage: string): StageInfo {
  if (isKnownStage(stage)) return { stage, ...STAGES[stage] };
  const label = stage.toLowerCase().replace(/_/g, ' ');
  return { stage, label: label.charAt(0).toUpperCase() + label.slice(1), icon: 'question', kind: 'busy', terminal: false };
}
