import { strict as assert } from 'node:assert';
import { SHOW_REPO_COMMAND, commandLink, escapeMarkdown, USE_MODEL_COMMAND, hubItemButtons, hubItemLine, hubResultsHeading, hubSearchQuery } from '../../../src/chat/hubSearch';
import { EMPTY_MODEL_FILTERS, type HubListItem } from '../../../src/shared/hubTypes';

const item = (over: Partial<HubListItem>): HubListItem => ({
  kind: 'model', id: 'org/name', author: 'org', label: '', downloads: 1234, likes: 5, updatedAt: null, gated: false, private: false, hardware: '', stage: '', ...over,
});

describe('chat/hubSearch: Hub searches asked for in chat', () => {
  it('reads free words and a task:/sdk: filter anywhere in the text', () => {
    assert.deepEqual(hubSearchQuery('models', '  qwen task:text-generation coder '), { scope: 'everyone', tab: 'models', text: 'qwen coder', sort: 'downloads', filters: { ...EMPTY_MODEL_FILTERS, task: 'text-generation' } });
    const opus = hubSearchQuery('models', 'opus', 'translation');
    assert.equal('task' in opus.filters ? opus.filters.task : '', 'translation', 'the tools pass the task apart');
    const spaces = hubSearchQuery('spaces', 'sdk:gradio chat demo');
    assert.deepEqual([spaces.text, spaces.sort, 'sdk' in spaces.filters ? spaces.filters.sdk : ''], ['chat demo', 'likes', 'gradio']);
    assert.equal(hubSearchQuery('datasets', '').text, '', 'no words: the most downloaded');
  });

  it('says each result in one line with its marks, and a heading that says the order or that nothing matched', () => {
    assert.equal(hubItemLine(item({ label: 'translation', gated: true })), 'org/name (translation), 1,234 downloads, 5 likes, gated');
    assert.equal(hubItemLine(item({ kind: 'space', downloads: null, stage: 'RUNNING', private: true })), 'org/name, 5 likes, RUNNING, private');
    assert.equal(hubResultsHeading(hubSearchQuery('models', 'bert'), 3), 'Models matching "bert" (most downloaded first):');
    assert.equal(hubResultsHeading(hubSearchQuery('spaces', 'sdk:docker'), 1), 'Spaces using docker (most liked first):');
    assert.equal(hubResultsHeading(hubSearchQuery('datasets', 'zzz'), 0), 'No datasets matching "zzz" on the Hub.');
  });

  it('offers "Open" for every result, and "Use for <task>" and "Try it" for models this extension can use', () => {
    const translation = hubItemButtons(item({ label: 'translation' }));
    assert.deepEqual(translation.map((b) => [b.command, b.title]), [
      [SHOW_REPO_COMMAND, 'Open'],
      [USE_MODEL_COMMAND, 'Use for Translate'],
      [SHOW_REPO_COMMAND, 'Try it'],
    ]);
    assert.deepEqual(translation[1].arguments, [{ task: 'translate', modelId: 'org/name' }]);
    assert.deepEqual(translation[2].arguments, [{ kind: 'model', id: 'org/name', tryIt: true }]);
    assert.equal(hubItemButtons(item({ label: 'text-generation' }))[1].title, 'Use for Chat', 'chat models are pinned for chat first');
    assert.deepEqual(hubItemButtons(item({ label: 'fill-mask' })).map((b) => b.title), ['Open'], 'nothing to use a fill-mask model for');
    assert.deepEqual(hubItemButtons(item({ kind: 'dataset', label: 'translation' })).map((b) => b.title), ['Open'], 'datasets are only opened');
  });

  it('writes an action as a command link whose arguments survive the URI and whose title cannot become markup', () => {
    const link = commandLink({ command: USE_MODEL_COMMAND, title: 'Use for [x](y)', arguments: [{ task: 'translate', modelId: 'org/a_b' }] });
    const match = /^\[(.*)\]\(command:huggingface\.useModelForTask\?([^)\s]+)\)$/.exec(link);
    assert.ok(match, link);
    assert.equal(match[1], 'Use for \\[x\\]\\(y\\)');
    assert.deepEqual(JSON.parse(decodeURIComponent(match[2])), [{ task: 'translate', modelId: 'org/a_b' }]);
  });

  it('escapes Hub text for markdown but keeps its spaces', () => {
    assert.equal(escapeMarkdown('a_b (x) <img src=y> [l](command:z)\nnext'), 'a\\_b \\(x\\) \\<img src\\=y\\> \\[l\\]\\(command\\:z\\) next');
  });
});
