import { strict as assert } from 'node:assert';
import { requireWithVscode } from '../support/requireWithVscode';
import { detectTask } from '../../../src/core/intent/taskDetection';

type ParticipantModule = typeof import('../../../src/chat/hfParticipant');
const { planCommand, planFreeText } = requireWithVscode<ParticipantModule>(require.resolve('../../../src/chat/hfParticipant'), {});

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

  it('/ask answers a question about the selection; both are needed', () => {
    assert.deepEqual(planCommand('ask', 'What does it return?', 'def f(): return 42'), { request: { task: 'question-answering', question: 'What does it return?', context: 'def f(): return 42' }, title: 'Answer' });
    assert.match((planCommand('ask', '', 'code') as { problem: string }).problem, /Ask a question/);
    assert.match((planCommand('ask', 'Why?', '') as { problem: string }).problem, /Select the text/);
  });

  it('/classify: sentiment by default; topics with labels, of the text after them or the selection', () => {
    assert.deepEqual(planCommand('classify', 'I hate waiting', ''), { request: { task: 'sentiment', text: 'I hate waiting' }, title: 'Sentiment' });
    assert.deepEqual(planCommand('classify', 'labels: bug, feature request; The app crashes on start', ''), {
      request: { task: 'topic', text: 'The app crashes on start', labels: ['bug', 'feature request'] },
      title: 'Topics',
    });
    assert.deepEqual(planCommand('classify', 'topics: docs, perf', 'Selected text'), { request: { task: 'topic', text: 'Selected text', labels: ['docs', 'perf'] }, title: 'Topics' });
    assert.match((planCommand('classify', 'labels: only-one; text', '') as { problem: string }).problem, /at least two labels/);
  });

  it('follow-ups offer the other actions, not the one just done', () => {
    const { followupsFor } = requireWithVscode<ParticipantModule>(require.resolve('../../../src/chat/hfParticipant'), {});
    assert.deepEqual(followupsFor({ command: 'summarize' }).map((f) => f.command), ['translate', 'entities']);
    assert.equal(followupsFor(undefined).length, 3);
  });
});


describe('chat/hfParticipant: free text read as a command on the selection', () => {
  const selection = 'The meeting moved to Thursday at the Berlin office.';
  const read = (prompt: string, sel = selection) => planFreeText(prompt, detectTask(prompt, sel !== ''), sel);

  it('a confident task on a selection becomes its command', () => {
    assert.deepEqual(read('translate this into German'), { command: 'translate', text: 'de' });
    assert.deepEqual(read('summarize this'), { command: 'summarize', text: '' });
    assert.deepEqual(read('extract the named entities'), { command: 'entities', text: '' });
  });

  it('stays a chat without a selection, without a target language, or for a plain question to the model', () => {
    assert.equal(read('translate this into German', ''), undefined);
    assert.equal(read('hello there, how are you today?'), undefined);
    assert.equal(planFreeText('translate', { task: 'translate', confidence: 0.9, reasons: [] }, selection), undefined, 'no target language');
    assert.equal(planFreeText('summarize', { task: 'summarize', confidence: 0.3, reasons: [] }, selection), undefined, 'not confident');
  });
});
