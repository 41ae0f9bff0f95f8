import { strict as assert } from 'node:assert';
import { chatPrompt, dispatchPrompt } from '../../../src/commands/promptDispatch';
import { detectTask } from '../../../src/core/intent/taskDetection';

function dispatch(prompt: string, hasSelection = true) {
  return dispatchPrompt(prompt, detectTask(prompt, hasSelection), hasSelection);
}

describe('Run a Prompt: from free-form words to an action', () => {
  it('sends a translation request with its target language to Translate', () => {
    assert.deepEqual(dispatch('translate this to German please'), {
      kind: 'command',
      command: 'huggingface.translateSelection',
      args: { targetLang: 'de' },
    });
  });

  it('sends a code request, words and all, to Generate Code', () => {
    assert.deepEqual(dispatch('write a python function that parses ISO dates'), {
      kind: 'command',
      command: 'huggingface.generateCode',
      args: { instruction: 'write a python function that parses ISO dates' },
    });
  });

  it('passes the labels a topic request lists', () => {
    const d = dispatch('classify this as sports, politics or tech');
    assert.equal(d.kind === 'command' && d.command, 'huggingface.classifyTopic');
    assert.deepEqual(d.kind === 'command' && d.args.labels, ['sports', 'politics', 'tech']);
  });

  it('maps summaries, sentiment, entities and questions to their actions', () => {
    const commandOf = (p: string) => {
      const d = dispatch(p);
      return d.kind === 'command' ? d.command : d.kind;
    };
    assert.equal(commandOf('résume ce texte'), 'huggingface.summarizeSelection');
    assert.equal(commandOf('what is the sentiment of this review?'), 'huggingface.classifySentiment');
    assert.equal(commandOf('extract the people and places mentioned'), 'huggingface.extractEntities');
    const ask = dispatch('who founded the company?');
    assert.deepEqual(ask, { kind: 'command', command: 'huggingface.askAboutSelection', args: { question: 'who founded the company?' } });
  });

  it('asks a chat model when a selection task has no selection to work on', () => {
    assert.deepEqual(dispatch('summarize this', false), { kind: 'chat', prompt: 'summarize this' });
  });

  it('gives the chat model the selection after the prompt', () => {
    assert.equal(chatPrompt('explain', 'x = 1'), 'explain\n\n---\nx = 1');
    assert.equal(chatPrompt('hello', '  '), 'hello');
  });
});
