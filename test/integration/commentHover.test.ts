// Comment translation on hover, through VS Code's own hover machinery (`vscode.executeHoverProvider` runs every
// provider the editor would): the fake's translation in the hover, one request per distinct comment however many
// hovers, Replace with translation as one guarded undo step, and states said inside the hover, not as popups.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { productCases } from './support/cases';
import { closeAllEditors, openDocument, select, undoOnce } from './support/documents';
import { fake, inferenceRequests, runAction, setSetting } from './support/product';
import { waitFor } from './support/waits';

/** Hover Markdown as the reader sees it: `appendText` writes spaces as &nbsp; and escapes Markdown characters. */
function readable(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

/** The Markdown of our hovers at the first occurrence of `at` (other extensions' hovers left out). */
async function hoverAt(editor: vscode.TextEditor, at: string): Promise<string[]> {
  const offset = editor.document.getText().indexOf(at);
  assert.ok(offset >= 0, `"${at}" not in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 1));
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .filter((text) => text.includes('Hugging Face'))
    .map(readable);
}

/** The command and arguments of a `command:` link in hover Markdown. */
function linkOf(markdown: string, command: string): unknown[] {
  const m = new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^)]+)\\)`).exec(markdown);
  assert.ok(m, `no ${command} link in: ${markdown}`);
  return JSON.parse(decodeURIComponent(m[1])) as unknown[];
}

/**
 * A hover never opens the "send your token to this host?" dialog (it says so inside the hover instead), so the fake
 * router's origin is approved first the way a user approves it: by running an action (the harness answers the dialog).
 */
async function approveRouterHost(): Promise<void> {
  const editor = await openDocument('Good morning, everyone.', 'plaintext');
  select(editor);
  const result = await runAction('translateSelection', { targetLang: 'es', sourceLang: 'en' });
  assert.equal(result.status, 'applied', result.message);
  await closeAllEditors();
  await fake().reset();
}

describe('comment translation on hover', () => {
  productCases();
  beforeEach(approveRouterHost);
  const restores: (() => Promise<void>)[] = [];
  before(async () => {
    restores.push(await setSetting('hover.targetLanguage', 'en'));
  });
  after(async () => {
    for (const restore of restores.splice(0).reverse()) await restore();
  });

  const python = [
    'def total(values):',
    '    """Berechnet die Summe aller Werte in der Liste und gibt sie zurück."""',
    '    result = sum(values)  # Возвращает сумму значений списка',
    '    return result  # the sum of the values, returned to the caller as is',
    '',
  ].join('\n');

  it('hovering a German docstring shows the translation, the source language and the model; a burst of hovers sends one request per comment', async () => {
    const editor = await openDocument(python, 'python');
    const [first] = await hoverAt(editor, 'Summe');
    assert.ok(first, 'a hover');
    assert.match(first, /translation from German into English/);
    assert.match(first, /\[en\] Berechnet die Summe aller Werte/);
    assert.match(first, /opus-mt-de-en/);
    // Ten more hovers over the docstring, five over the Russian comment, at once: two requests in all.
    const burst = await Promise.all([...Array.from({ length: 10 }, () => hoverAt(editor, 'Werte')), ...Array.from({ length: 5 }, () => hoverAt(editor, 'Возвращает'))]);
    assert.ok(burst.slice(0, 10).every((h) => h.some((t) => t.includes('[en] Berechnet'))), 'every hover of the docstring shows its translation');
    const requests = await inferenceRequests();
    const bodies = requests.map((r) => JSON.stringify(r.body));
    assert.equal(requests.length, 2, `one request per distinct comment: ${bodies.join(' | ')}`);
    assert.ok(bodies.every((b) => !b.includes('def total') && !b.includes('sum(values)')), 'only comment text is sent');
  });

  it('a comment already in English and code show nothing, and send nothing', async () => {
    const editor = await openDocument(python, 'python');
    assert.deepEqual(await hoverAt(editor, 'the sum of the values'), []);
    assert.deepEqual(await hoverAt(editor, 'result = sum'), []);
    assert.deepEqual(await inferenceRequests(), []);
  });

  it('Replace with translation: one undo step; the code is unchanged', async () => {
    const source = 'const total = 1; // Gesamtzahl der Benutzer (aktiv) im System berechnen\nconst next = total + 1;\n';
    const editor = await openDocument(source, 'typescript');
    const [hover] = await hoverAt(editor, 'Gesamtzahl');
    const args = linkOf(hover, 'huggingface.replaceCommentWithTranslation');
    const result = await vscode.commands.executeCommand<{ status: string; message?: string }>('huggingface.replaceCommentWithTranslation', ...args);
    assert.equal(result?.status, 'applied', result?.message);
    assert.equal(editor.document.getText(), 'const total = 1; // [en] Gesamtzahl der Benutzer (aktiv) im System berechnen\nconst next = total + 1;\n');
    assert.equal((await inferenceRequests()).length, 1, 'the hover\'s translation is reused, not requested again');
    await undoOnce(editor, true);
    assert.equal(editor.document.getText(), source);
  });

  it('Replace never overwrites a comment changed since the hover', async () => {
    const source = 'x = 1  # Anzahl der offenen Verbindungen zum Server zählen\n';
    const editor = await openDocument(source, 'python');
    const [hover] = await hoverAt(editor, 'Anzahl');
    const args = linkOf(hover, 'huggingface.replaceCommentWithTranslation');
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(source.indexOf('offenen')), editor.document.positionAt(source.indexOf('offenen') + 7)), 'aktiven'));
    const edited = editor.document.getText();
    const result = await vscode.commands.executeCommand<{ status: string; message?: string }>('huggingface.replaceCommentWithTranslation', ...args);
    assert.equal(result?.status, 'refused');
    assert.match(result?.message ?? '', /changed since it was hovered/);
    assert.equal(editor.document.getText(), edited);
  });

  it('signed out: the hover says how to sign in (no request, no popup)', async () => {
    await vscode.commands.executeCommand('huggingface.signOut');
    const editor = await openDocument('y = 2  # Liste der Benutzer aus der Datenbank laden und sortieren\n', 'python');
    const [hover] = await hoverAt(editor, 'Benutzer');
    assert.match(hover, /token/i);
    assert.match(hover, /command:huggingface\.signIn/);
    assert.deepEqual(await inferenceRequests(), []);
  });

  it('a 429 from the server is said in the hover; the next hover asks again', async () => {
    const editor = await openDocument('z = 3  # Zeitüberschreitung der Anfrage an den Server behandeln\n', 'python');
    const restore = await setSetting('retry.maxAttempts', 1);
    try {
      await fake().setFault({ listener: 'router' }, { type: 'rate-limit', retryAfterS: 1 });
      const [limited] = await hoverAt(editor, 'Zeitüberschreitung');
      assert.match(limited ?? '', /429|rate|limit/i);
      await fake().reset();
      await waitFor('the hover to show the translation', async () => (await hoverAt(editor, 'Zeitüberschreitung')).some((h) => h.includes('[en] Zeitüberschreitung')), { timeoutMs: 20_000 });
    } finally {
      await restore();
    }
  });

  it('off for a language: no hover, no request', async () => {
    const config = vscode.workspace.getConfiguration('huggingFace', { languageId: 'python' });
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global, true);
    try {
      const editor = await openDocument('w = 4  # Diese Funktion wird nicht mehr verwendet und kann weg\n', 'python');
      assert.deepEqual(await hoverAt(editor, 'Funktion'), []);
      assert.deepEqual(await inferenceRequests(), []);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
