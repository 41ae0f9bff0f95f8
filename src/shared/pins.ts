/**
 * Pinned models as the user sees them: which task (and, for a fixed-pair translation model, which language
 * pair) each pin applies to. Used by the Hub view's details, the "Show Pinned Models" command, Show Health and
 * the status bar tooltip, so a pin reads the same everywhere.
 */
import { fixedLanguagePair } from '../core/language/languagePairs';
import { TASK_KINDS, type TaskKind } from '../core/tasks/taskTypes';
import { TASK_LABELS } from './taskMapping';

export interface Pin {
  readonly task: TaskKind;
  readonly model: string;
}

/** The pins of `pinned` (the routing settings' pinnedModels), in the order of the tasks. */
export function pinsOf(pinned: Readonly<Partial<Record<TaskKind, string>>>): Pin[] {
  return TASK_KINDS.flatMap((task) => {
    const model = pinned[task]?.trim();
    return model ? [{ task, model }] : [];
  });
}

/** What a pin applies to: "Translate (en→es)" for a fixed-pair translation model, else the task's name. */
export function pinScope(pin: Pin): string {
  const pair = pin.task === 'translate' ? fixedLanguagePair(pin.model) : undefined;
  return pair ? `${TASK_LABELS[pin.task]} (${pair.source}→${pair.target})` : TASK_LABELS[pin.task];
}

/** One line per pin, "Translate (en→es): Helsinki-NLP/opus-mt-en-es"; none when nothing is pinned. */
export function pinLines(pins: readonly Pin[]): string[] {
  return pins.map((pin) => `${pinScope(pin)}: ${pin.model}`);
}
