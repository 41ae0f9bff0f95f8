import { strict as assert } from 'node:assert';
import { requireWithVscode } from '../support/requireWithVscode';

type ParticipantModule = typeof import('../../../src/chat/hfParticipant');
const { planCommand } = requireWithVscode<ParticipantModule>(require.resolve('../../../src/chat/hfParticipant'), {});

describe('chat/hfParticipant: planning a slash command', () => {
  it('/translate takes the target language first (code or name), then the text, else the selection', () => {
    assert.deepEqual(planCommand('translate', 'fr The weather is lovely today and the garden is full of flowers.', ''), {
      request: { task: 'translate', text: 'The weather is lovely today and the garden is full of flowers.', sourceLang: 'en', targetLang: 'fr' },
      title: 'Translation to French',
    });
    const fromSelection = planCommand('translate', 'German', 'ok');
    assert.ok('request' in fromSelection && fromSelection.request.task === 'translate');
    assert.equal('request' in fromSelection && fromSelection.request.task === 'translate' ? fromSelection.request.sourceLang : '', 'auto', 'undetected: a model that needs no source language');
  });

  it('says what is missing instead of sending anything', () => {
    assert.match((planCommand('translate', '', 'text') as { problem: string }).problem, /target language first/);
    assert.match((planCommand('translate', 'xx-nonsense hello', '') as { problem: string }).problem, /target language first/);
    assert.match((planCommand('translate', 'fr', '') as { problem: string }).problem, /Add the text/);
    assert.match((planCommand('summarize', '  ', '') as { problem: string }).problem, /select some in the editor/);
    assert.match((planCommand('dance', 'x', '') as { problem: string }).problem, /Unknown command/);
  });

  it('/summarize, /sentiment and /entities use the text after the command, else the selection', () => {
    assert.deepEqual(planCommand('summarize', '', 'Long text.'), { request: { task: 'summarize', text: 'Long text.', style: 'paragraph', length: 'medium' }, title: 'Summary' });
    assert.deepEqual(planCommand('sentiment', 'I love it', 'ignored'), { request: { task: 'sentiment', text: 'I love it' }, title: 'Sentiment' });
    assert.deepEqual(planCommand('entities', 'Ada lives in Paris', ''), { request: { task: 'ner', text: 'Ada lives in Paris' }, title: 'Named entities' });
  });
});
