import { strict as assert } from 'node:assert';
import { extractJson, parseChatResult, stripFences } from '../../../../src/core/routing/chatReplies';
import {
  chatMessages,
  SUMMARY_SENTENCES,
  summarizationParameters,
  textGenerationPrompt,
} from '../../../../src/core/routing/prompts';
import { CallFailure } from '../../../../src/core/routing/routingTypes';
import { TASK_KINDS, type TaskRequest, type TaskResult } from '../../../../src/core/tasks/taskTypes';
import { SAMPLE_REQUESTS as REQUESTS } from '../../support/sampleRequests';


function system(request: TaskRequest): string {
  return chatMessages(request)
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n');
}

function assertMalformed(fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => e instanceof CallFailure && e.kind === 'malformed');
}

function narrow<K extends TaskResult['task']>(result: TaskResult, task: K): Extract<TaskResult, { task: K }> {
  assert.equal(result.task, task);
  return result as Extract<TaskResult, { task: K }>;
}

describe('prompts: chatMessages', () => {
  for (const task of TASK_KINDS.filter((t) => t !== 'chat')) {
    it(`asks for "only" the answer for ${task} and ends with the user's content`, () => {
      const messages = chatMessages(REQUESTS[task]);
      assert.match(system(REQUESTS[task]), /reply with only/i);
      assert.equal(messages[messages.length - 1].role, 'user');
    });
  }

  it('names the source and target languages of a translation', () => {
    const text = system(REQUESTS.translate);
    assert.match(text, /from English to German/);
    assert.match(text, /only the German translation/);
    assert.equal(chatMessages(REQUESTS.translate)[1].content, 'Good morning');
  });

  it('asks for detection when the source language is unknown', () => {
    assert.match(system({ task: 'translate', text: 'x', sourceLang: 'auto', targetLang: 'fr' }), /from its original language to French/);
  });

  it('asks for bullets or a paragraph with a sentence count per length', () => {
    assert.match(system(REQUESTS.summarize), new RegExp(`${SUMMARY_SENTENCES.short} short bullet points`));
    assert.match(system({ task: 'summarize', text: 'x', style: 'paragraph', length: 'long' }), /one paragraph of at most 7 sentences/);
  });

  it('lists the topic labels and names the code language', () => {
    assert.match(system(REQUESTS.topic), /\["Sports","Politics"\]/);
    assert.match(system(REQUESTS['generate-code']), /expert Python programmer/);
    assert.match(chatMessages(REQUESTS['generate-code'])[1].content, /```python\nimport math\n```/);
  });

  it('passes a chat prompt through as the only message', () => {
    assert.deepEqual(chatMessages(REQUESTS.chat), [{ role: 'user', content: 'Tell me a joke' }]);
  });
});

describe('prompts: textGenerationPrompt and summarizationParameters', () => {
  it('writes the instruction as a comment after the context, in the target language syntax', () => {
    assert.equal(textGenerationPrompt(REQUESTS['generate-code']), 'import math\n# add two numbers\n');
    const ts: TaskRequest = { task: 'generate-code', instruction: 'sort\nthe list', languageId: 'typescript', context: '' };
    assert.equal(textGenerationPrompt(ts), '// sort\n// the list\n');
    const html: TaskRequest = { task: 'generate-code', instruction: 'a table', languageId: 'html', context: '' };
    assert.equal(textGenerationPrompt(html), '<!-- a table -->\n');
  });

  it('grows the summary bounds with the length', () => {
    const [s, m, l] = (['short', 'medium', 'long'] as const).map(summarizationParameters);
    assert.ok(s.max_length < m.max_length && m.max_length < l.max_length);
    for (const p of [s, m, l]) assert.ok(p.min_length < p.max_length);
  });
});

describe('prompts: parseChatResult for text tasks', () => {
  it('trims a translation and removes fences and quotes around it', () => {
    assert.deepEqual(parseChatResult(REQUESTS.translate, '  Guten Morgen \n'), { task: 'translate', text: 'Guten Morgen' });
    assert.deepEqual(parseChatResult(REQUESTS.translate, '```\nGuten Morgen\n```'), { task: 'translate', text: 'Guten Morgen' });
    assert.deepEqual(parseChatResult(REQUESTS.translate, '"Guten Morgen"'), { task: 'translate', text: 'Guten Morgen' });
  });

  it('rejects an empty reply as malformed', () => {
    assertMalformed(() => parseChatResult(REQUESTS.translate, '  '));
    assertMalformed(() => parseChatResult(REQUESTS.summarize, '```\n```'));
  });

  it('normalises bullet markers of a bullet summary', () => {
    const result = narrow(parseChatResult(REQUESTS.summarize, '* one\n• two\n1. three'), 'summarize');
    assert.equal(result.text, '- one\n- two\n- three');
  });

  it('keeps only the code of a generate-code reply', () => {
    const reply = 'Here you go:\n```python\ndef add(a, b):\n    return a + b\n```\nHope it helps!';
    assert.equal(narrow(parseChatResult(REQUESTS['generate-code'], reply), 'generate-code').text, 'def add(a, b):\n    return a + b');
    const bare = '\n    return a + b\n\n';
    assert.equal(narrow(parseChatResult(REQUESTS['generate-code'], bare), 'generate-code').text, '    return a + b');
  });
});

describe('prompts: parseChatResult for question answering', () => {
  it('returns the span when the answer is quoted from the context', () => {
    const r = narrow(parseChatResult(REQUESTS['question-answering'], 'London.'), 'question-answering');
    assert.deepEqual(r, { task: 'question-answering', answer: 'London', score: 1, start: 22, end: 28, generative: false });
  });

  it('finds the span case-insensitively and returns the context text', () => {
    const r = narrow(parseChatResult(REQUESTS['question-answering'], '"london"'), 'question-answering');
    assert.equal(r.answer, 'London');
    assert.equal(r.start, 22);
  });

  it('marks an answer that is not in the context as generative', () => {
    const r = narrow(parseChatResult(REQUESTS['question-answering'], 'In England'), 'question-answering');
    assert.deepEqual(r, { task: 'question-answering', answer: 'In England', score: 0, start: -1, end: -1, generative: true });
  });
});

describe('prompts: parseChatResult for classification', () => {
  it('parses sentiment JSON into the common labels (positive, neutral, negative), sorted by score', () => {
    const r = parseChatResult(REQUESTS.sentiment, '{"labels":[{"label":"Negative","score":0.1},{"label":"Positive","score":0.9}]}');
    assert.deepEqual(r, {
      task: 'sentiment',
      labels: [
        { label: 'positive', score: 0.9 },
        { label: 'negative', score: 0.1 },
        { label: 'neutral', score: 0 },
      ],
    });
  });

  it('finds JSON inside fences or prose', () => {
    const fenced = '```json\n{"labels":[{"label":"positive","score":0.8}]}\n```';
    assert.equal(narrow(parseChatResult(REQUESTS.sentiment, fenced), 'sentiment').labels[0].score, 0.8);
    const prose = 'Sure! The result is {"labels": [{"label": "neutral", "score": "0.7"}]} as requested.';
    assert.deepEqual(narrow(parseChatResult(REQUESTS.sentiment, prose), 'sentiment').labels[0], { label: 'neutral', score: 0.7 });
    assert.deepEqual(narrow(parseChatResult(REQUESTS.sentiment, '{"positive": 0.6, "negative": 0.4}'), 'sentiment').labels, [
      { label: 'positive', score: 0.6 },
      { label: 'negative', score: 0.4 },
      { label: 'neutral', score: 0 },
    ]);
  });

  it('rejects garbage sentiment replies as malformed', () => {
    assertMalformed(() => parseChatResult(REQUESTS.sentiment, 'I think it is positive.'));
    assertMalformed(() => parseChatResult(REQUESTS.sentiment, '{"labels": [{"label": "positive"}]}'));
    assertMalformed(() => parseChatResult(REQUESTS.sentiment, '{"labels": [ broken'));
  });

  it('maps topics to the requested labels and scores missing ones 0', () => {
    const r = parseChatResult(REQUESTS.topic, 'Result: [{"label":"sports","score":0.95},{"label":"weather","score":0.5}]');
    assert.deepEqual(r, { task: 'topic', labels: [{ label: 'Sports', score: 0.95 }, { label: 'Politics', score: 0 }] });
    assertMalformed(() => parseChatResult(REQUESTS.topic, '{"labels":[{"label":"weather","score":1}]}'));
  });
});

describe('prompts: parseChatResult for named entities', () => {
  it('locates each entity in the text, successive occurrences for repeats, and skips invented ones', () => {
    const reply = '```json\n[{"group":"PER","word":"Ada"},{"group":"person","word":"Charles"},{"group":"LOC","word":"Paris"},{"group":"PER","word":"Ada"},{"group":"LOCATION","word":"london"}]\n```';
    const r = narrow(parseChatResult(REQUESTS.ner, reply), 'ner');
    assert.deepEqual(
      r.entities.map((e) => [e.group, e.word, e.start, e.end]),
      [
        ['PER', 'Ada', 0, 3],
        ['PER', 'Charles', 8, 15],
        ['LOC', 'London', 19, 25],
        ['PER', 'Ada', 27, 30],
      ],
    );
  });

  it('accepts an empty list and rejects a reply without one', () => {
    assert.deepEqual(parseChatResult(REQUESTS.ner, 'No entities: []'), { task: 'ner', entities: [] });
    assertMalformed(() => parseChatResult(REQUESTS.ner, 'There are none.'));
  });
});

describe('prompts: reply helpers', () => {
  it('stripFences removes only a fence around the whole reply', () => {
    assert.equal(stripFences('```ts\nconst a = 1;\n```'), 'const a = 1;');
    assert.equal(stripFences('text ```x``` text'), 'text ```x``` text');
  });

  it('extractJson skips brackets that are not JSON and ignores brackets inside strings', () => {
    assert.deepEqual(extractJson('see [1] then {"a": "b}]"}'), [1]);
    assert.deepEqual(extractJson('see [note] then {"a": "b}]"}'), { a: 'b}]' });
    assert.equal(extractJson('nothing here'), undefined);
  });
});
