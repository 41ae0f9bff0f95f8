import { strict as assert } from 'node:assert';
import { requireWithVscode } from '../support/requireWithVscode';

type DecorationsModule = typeof import('../../../src/editor/decorations');

/** The parts of `vscode` Decorations uses, with the document events under the test's control. */
const listeners = { change: [] as ((e: unknown) => void)[], close: [] as ((d: unknown) => void)[] };
const VSCODE_STUB = {
  workspace: {
    onDidChangeTextDocument: (l: (e: unknown) => void) => (listeners.change.push(l), { dispose: () => undefined }),
    onDidCloseTextDocument: (l: (d: unknown) => void) => (listeners.close.push(l), { dispose: () => undefined }),
  },
  window: { createTextEditorDecorationType: () => ({ dispose: () => undefined }) },
  ThemeColor: class {},
  OverviewRulerLane: { Center: 2 },
  MarkdownString: class {
    isTrusted = false;
    supportHtml = false;
    constructor(readonly value: string) {}
  },
};
const { Decorations } = requireWithVscode<DecorationsModule>(require.resolve('../../../src/editor/decorations'), VSCODE_STUB);

describe('editor/decorations', () => {
  it('forgets a document once it is closed, so closed documents are not kept in memory', () => {
    const decorations = new Decorations();
    const document = { uri: 'untitled:1' };
    const editor = { document, setDecorations: () => undefined };
    decorations.showEntities(editor as never, []);
    const tracked = () => (decorations as unknown as { decorated: Map<unknown, unknown> }).decorated.size;
    assert.equal(tracked(), 1);
    for (const close of listeners.close) close(document);
    assert.equal(tracked(), 0);
    decorations.dispose();
  });

  it('shows hovers that can run no command and render no HTML', () => {
    const decorations = new Decorations();
    let hover: { isTrusted: boolean; supportHtml: boolean } | undefined;
    const editor = {
      document: { uri: 'untitled:2' },
      setDecorations: (_type: unknown, marks: { hoverMessage: { isTrusted: boolean; supportHtml: boolean } }[]) => (hover = marks[0]?.hoverMessage),
    };
    decorations.showEntities(editor as never, [{ range: {} as never, hover: '**PER**' }]);
    assert.deepEqual({ isTrusted: hover?.isTrusted, supportHtml: hover?.supportHtml }, { isTrusted: false, supportHtml: false });
    decorations.dispose();
  });
});
