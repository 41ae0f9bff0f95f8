/** QuickPicks of human languages for Translate (target, and source when detection is unsure). */
import * as vscode from 'vscode';
import { LANGUAGES } from '../core/language/languages';
import { languageChoices, type LanguageChoice } from './languageChoices';

interface LanguageQuickPickItem extends vscode.QuickPickItem {
  readonly code?: string;
}

/** Shows `first` (recent or suggested) above a separator, then the other languages. Undefined when dismissed. */
export async function pickLanguage(
  first: readonly string[],
  options: { readonly title: string; readonly placeHolder: string; readonly firstLabel: string; readonly exclude?: string; readonly last?: string },
): Promise<string | undefined> {
  const choices = languageChoices(LANGUAGES, first, options.exclude, options.last);
  const toItem = (choice: LanguageChoice): LanguageQuickPickItem => ({ label: choice.label, description: choice.description, code: choice.code });
  const items: LanguageQuickPickItem[] = [
    ...(choices.first.length > 0 ? [{ label: options.firstLabel, kind: vscode.QuickPickItemKind.Separator }] : []),
    ...choices.first.map(toItem),
    ...(choices.first.length > 0 ? [{ label: 'All languages', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...choices.others.map(toItem),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title,
    placeHolder: options.placeHolder,
    matchOnDescription: true,
  });
  return picked?.code;
}
