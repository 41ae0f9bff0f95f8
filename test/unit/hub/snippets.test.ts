import { strict as assert } from 'node:assert';
import { snippetLanguageFor, usageSnippet } from '../../../src/hub/snippets';

describe('hub/snippets', () => {
  it('uses InferenceClient.chatCompletion for chat models in JavaScript, reading HF_TOKEN from the environment', () => {
    const js = usageSnippet('model', 'Qwen/Qwen2.5-72B-Instruct', 'text-generation', 'javascript');
    assert.match(js, /import \{ InferenceClient \} from "@huggingface\/inference";/);
    assert.match(js, /new InferenceClient\(process\.env\.HF_TOKEN\)/);
    assert.match(js, /client\.chatCompletion\(\{\n  model: "Qwen\/Qwen2\.5-72B-Instruct",/);
  });

  it('uses huggingface_hub InferenceClient in Python with the task method of the pipeline', () => {
    const py = usageSnippet('model', 'dslim/bert-base-NER', 'token-classification', 'python');
    assert.match(py, /from huggingface_hub import InferenceClient/);
    assert.match(py, /InferenceClient\(api_key=os\.environ\["HF_TOKEN"\]\)/);
    assert.match(py, /client\.token_classification\("My name is Sarah and I live in London", model="dslim\/bert-base-NER"\)/);
  });

  it('has a snippet for every task pipeline the extension uses, in both languages', () => {
    for (const tag of ['text-classification', 'token-classification', 'translation', 'summarization', 'question-answering', 'zero-shot-classification']) {
      for (const lang of ['javascript', 'python'] as const) {
        const s = usageSnippet('model', 'org/m', tag, lang);
        assert.ok(s.includes('"org/m"') && s.includes('InferenceClient'), `${tag} ${lang}`);
      }
    }
  });

  it('says so, instead of guessing, for a pipeline without a snippet', () => {
    assert.match(usageSnippet('model', 'org/m', 'depth-estimation', 'python'), /^# No ready-made InferenceClient snippet for pipeline "depth-estimation"/);
  });

  it('loads datasets with datasets.load_dataset and Spaces with the gradio client', () => {
    assert.match(usageSnippet('dataset', 'stanfordnlp/imdb', '', 'python'), /load_dataset\("stanfordnlp\/imdb"\)/);
    assert.match(usageSnippet('space', 'gradio/hello_world', '', 'javascript'), /Client\.connect\("gradio\/hello_world"\)/);
  });

  it('picks JavaScript for JS/TS editors, Python for Python, and asks otherwise', () => {
    assert.equal(snippetLanguageFor('typescript'), 'javascript');
    assert.equal(snippetLanguageFor('javascriptreact'), 'javascript');
    assert.equal(snippetLanguageFor('python'), 'python');
    assert.equal(snippetLanguageFor('markdown'), undefined);
  });
});

describe('hub/snippets: the pipeline tag is data', () => {
  it('never crashes on an object key and never pastes an unknown tag', () => {
    for (const tag of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      for (const language of ['python', 'javascript'] as const) {
        const code = usageSnippet('model', 'org/model', tag, language);
        assert.ok(!code.includes(tag), `${tag} -> ${code}`);
        assert.equal(code.trimEnd().split('\n').length, 1, 'only the one-line "no snippet" comment');
      }
    }
  });

  it('a tag with a line break inserts no live line', () => {
    const code = usageSnippet('model', 'org/model', 'text-generation\nimport os; os.system("x")', 'python');
    assert.ok(!code.includes('os.system'), code);
    assert.equal(code.trimEnd().split('\n').length, 1);
  });
});
