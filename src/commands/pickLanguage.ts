/** QuickPicks of human languages for Translate (target, and source when detection is unsure). */
import * as vscode from 'vscode';
import { LANGUAGES } from '../core/language/languages';
import { targetLanguageItems, type LanguagePickItem } from './languagePick';

interface LanguageQuickPickItem extends vscode.QuickPickItem {
  readonly code?: string;
}

/** Shows `first` (recent or suggested) above a separator, then the other languages. Undefined when dismissed. */
export async function pickLanguage(
  first: readonly string[],
  options: { readonly title: string; readonly placeHolder: string; readonly firstLabel: string; readonly exclude?: string },
): Promise<string | undefined> {
  const list = targetLanguageItems(LANGUAGES, first, options.exclude);
  const toItem = (item: LanguagePickItem): LanguageQuickPickItem => ({ label: item.label, description: item.description, code: item.code });
  const items: LanguageQuickPickItem[] = [
    ...(list.recent.length > 0 ? [{ label: options.firstLabel, kind: vscode.QuickPickItemKind.Separator }] : []),
    ...list.recent.map(toItem),
    ...(list.recent.length > 0 ? [{ label: 'All languages', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...list.others.map(toItem),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: options.title,
    placeHolder: options.placeHolder,
    matchOnDescription: true,
  });
  return picked?.code;
}
