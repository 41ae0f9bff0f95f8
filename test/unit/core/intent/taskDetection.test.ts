import { strict as assert } from 'node:assert';
import { MIN_SCORE, TASK_PRIORITY, detectTask } from '../../../../src/core/intent/taskDetection';
import { TASK_KINDS, type TaskKind } from '../../../../src/core/tasks/taskTypes';

/**
 * [expected task, prompt, hasSelection?]. Decisions worth knowing:
 * - "summarize the entities" is ner: the entities are what the user wants back.
 * - "write a function that translates text" is generate-code: the task words describe the code.
 * - "translate this Python to JavaScript" / "rewrite this in Rust" are generate-code (code conversion).
 * - "what is the sentiment…?" is sentiment: a specific noun beats a generic question form.
 * - "what is this article about?" is summarize; "is this email about billing or shipping?" is topic.
 * - a question with hasSelection === false has no context to answer from: chat.
 */
const LABELLED: readonly (readonly [TaskKind, string, boolean?])[] = [
  ["translate", "Translate this to French"],
  ["translate", "Please translate the following paragraph into German."],
  ["translate", "Traduce este texto al inglés"],
  ["translate", "Traduis ce paragraphe en espagnol, s'il te plaît"],
  ["translate", "Übersetze den Text auf Englisch"],
  ["translate", "Traduza para o português"],
  ["translate", "Traduci in italiano questo commento"],
  ["translate", "Переведи на английский"],
  ["translate", "请把这段话翻译成英文"],
  ["translate", "この文章を英語に翻訳してください"],
  ["translate", "How do you say 'good morning' in Japanese?"],
  ["translate", "In Spanish please"],
  ["translate", "Translate to French: What time is it?"],
  ["summarize", "Summarize this article"],
  ["summarize", "tl;dr"],
  ["summarize", "TL;DR please"],
  ["summarize", "Give me the key points of this document"],
  ["summarize", "Resume este documento en tres frases"],
  ["summarize", "Résume ce texte"],
  ["summarize", "Fasse den Text kurz zusammen"],
  ["summarize", "Resuma este artigo"],
  ["summarize", "Riassumi questo articolo"],
  ["summarize", "Кратко перескажи этот текст"],
  ["summarize", "总结一下这篇文章"],
  ["summarize", "この記事を要約して"],
  ["summarize", "Don't translate, just summarize"],
  ["summarize", "Summarize it in French"],
  ["summarize", "What is this article about?"],
  ["question-answering", "What does this function do?", true],
  ["question-answering", "Why does this loop never terminate?", true],
  ["question-answering", "Explain this code"],
  ["question-answering", "Who wrote the letter?", true],
  ["question-answering", "¿Qué hace este código?"],
  ["question-answering", "Que fait cette fonction ?"],
  ["question-answering", "Was macht dieser Code?"],
  ["question-answering", "这段代码是做什么的？"],
  ["question-answering", "According to the text, when was the company founded?"],
  ["sentiment", "What is the sentiment of this review?"],
  ["sentiment", "Is this review positive or negative?"],
  ["sentiment", "How does the customer feel about the product?"],
  ["sentiment", "Classify the sentiment of these tweets"],
  ["sentiment", "¿El tono de este comentario es positivo o negativo?"],
  ["sentiment", "Quel est le sentiment de cet avis ?"],
  ["sentiment", "Analysiere die Stimmung dieser Bewertung"],
  ["sentiment", "这条评论是正面还是负面？"],
  ["topic", "Classify this text as sports, politics or tech"],
  ["topic", "Which category does this ticket belong to: bug, feature or question?"],
  ["topic", "What is the topic of this article?"],
  ["topic", "Clasifica este texto en deportes, política o tecnología"],
  ["topic", "Klassifiziere den Text als Sport, Politik oder Wirtschaft"],
  ["topic", "Is this email about billing or shipping?"],
  ["topic", "把这篇文章分类为体育、政治或科技"],
  ["ner", "Extract the named entities"],
  ["ner", "Find all people and organizations mentioned in this text"],
  ["ner", "Who is mentioned in this article?", true],
  ["ner", "Summarize the entities"],
  ["ner", "Extrae las entidades de este texto"],
  ["ner", "Extrais les personnes et les lieux"],
  ["ner", "提取这段文字中的人名和地名"],
  ["generate-code", "Write a function that translates text"],
  ["generate-code", "Write a Python function to reverse a linked list"],
  ["generate-code", "Create a regex that matches email addresses"],
  ["generate-code", "Generate an SQL query that lists customers by revenue"],
  ["generate-code", "Implement a binary search in TypeScript"],
  ["generate-code", "Refactor this to use async/await"],
  ["generate-code", "Translate this Python code to JavaScript"],
  ["generate-code", "Fix the bug in this function"],
  ["generate-code", "Write unit tests for this class"],
  ["generate-code", "Escribe una función que calcule el factorial"],
  ["generate-code", "Écris une fonction qui trie une liste"],
  ["generate-code", "Schreibe eine Funktion, die eine Liste sortiert"],
  ["generate-code", "写一个翻译文本的函数"],
  ["generate-code", "文字列を反転する関数を書いて"],
  ["generate-code", "Напиши функцию, которая переводит текст"],
  ["generate-code", "Write a script to summarize PDF files"],
  ["chat", "Hello!"],
  ["chat", "Tell me a joke"],
  ["chat", "Write an email to my boss asking for a day off"],
  ["chat", "What is the capital of France?", false],
  ["chat", "make it better"],
  ["translate", "Translate this from German to English"],
  ["translate", "Traduce del inglés al español"],
  ["translate", "Übersetze ins Französische"],
  ["translate", "Translate the comments in this function into Spanish"],
  ["translate", "Don't summarize, translate it into Italian"],
  ["summarize", "Summarize rather than translate"],
  ["generate-code", "Rewrite this in Rust"],
  ["translate", "What does 'Schadenfreude' mean in English?"],
  ["topic", "Label this as spam or not spam"],
  ["sentiment", "Is the author happy with the service?"],
  ["ner", "Tag the people, places and organizations in this text"],
  ["topic", "Categorize these support tickets"],
  ["chat", "Write a poem about the sea"],
  ["summarize", "Write a summary of this function"],
  ["question-answering", "What does this regex do?"],
  ["summarize", "Summarize what this function does"],
  ["generate-code", "Can you convert this JavaScript to TypeScript?"],
  ["sentiment", "Sentimiento de esta reseña"],
  ["translate", "Переведи с английского на русский"],
  ["translate", "Translate 'hello' into Japanese, Korean and Chinese"],
  ["summarize", "Give me a TL;DR in Spanish"],
  ["question-answering", "このコードは何をしますか？"],
  ["question-answering", "Что делает эта функция?"],
  ["sentiment", "Какая тональность у этого отзыва?"],
  ["ner", "Извлеки имена и организации из текста"],
  ["topic", "Классифицируй текст: спорт, политика или экономика"],
  ["sentiment", "Qual é o sentimento deste comentário?"],
  ["translate", "Traduci questo testo in francese"],
  ["generate-code", "def add(a, b):\n    return a + b\n\nadd type hints"],
  ["question-answering", "Where does the author live?", true],
  ["chat", "Where does the author live?", false],
  ["sentiment", "Is this review positive?"],
  ["question-answering", "Answer the question: who founded the company?"],
  ["summarize", "Summarize this: What a great day it was. We went to the beach and then had dinner."],
  ["translate", "Translate into English: ¿Dónde está la biblioteca?"],
  ["generate-code", "Generate a TypeScript interface for this JSON"],
  ["summarize", "Can you please give me a short summary?"],
  ["chat", "How are you today?"],
  ["translate", "translate to fr"],
  ["summarize", "Ne traduis pas, résume"],
  ["translate", "Nicht zusammenfassen, sondern übersetzen"],
  ["topic", "Welche Kategorie passt: Sport, Politik oder Kultur?"],
  ["ner", "Quais pessoas e organizações são mencionadas?"],
  ["summarize", "要約してください"],
  ["translate", "翻訳して"],
];

describe('detectTask', () => {
  describe('labelled prompts', () => {
    for (const [task, prompt, hasSelection] of LABELLED) {
      const suffix = hasSelection === undefined ? '' : ` (hasSelection: ${hasSelection})`;
      it(`${JSON.stringify(prompt.slice(0, 60))}${suffix} -> ${task}`, () => {
        const result = detectTask(prompt, hasSelection);
        assert.equal(result.task, task, result.reasons.join('\n'));
      });
    }
  });

  it('the labelled table covers every task kind in several languages', () => {
    assert.ok(LABELLED.length >= 48);
    for (const kind of TASK_KINDS) assert.ok(LABELLED.some(([task]) => task === kind), kind);
    const scripts = [/[а-яё]/iu, /\p{Script=Han}/u, /[ぁ-んァ-ン]/u, /[ñ¿]/u, /[äöüß]/u, /[çéè]/u];
    for (const script of scripts) assert.ok(LABELLED.some(([, prompt]) => script.test(prompt)), String(script));
  });

  it('keeps confidence within 0..1 and explains every decision', () => {
    for (const [, prompt, hasSelection] of LABELLED) {
      const result = detectTask(prompt, hasSelection);
      assert.ok(result.confidence > 0 && result.confidence <= 1, prompt);
      assert.ok(result.reasons.length > 0, prompt);
    }
  });

  describe('target language', () => {
    const cases: readonly (readonly [string, string, string?])[] = [
      ['Translate this to French', 'fr'],
      ['Translate into German, please', 'de'],
      ['Traduis en français', 'fr'],
      ['Übersetze das bitte auf Deutsch', 'de'],
      ['Übersetze ins Englische', 'en'],
      ['Traduce al español', 'es'],
      ['Traduza para o inglês', 'en'],
      ['Traduci in italiano', 'it'],
      ['Переведи на украинский', 'uk'],
      ['翻译成日文', 'ja'],
      ['韓国語に翻訳して', 'ko'],
      ['Translate from Spanish to English', 'en', 'es'],
      ['Traduce del inglés al portugués', 'pt', 'en'],
      ['Переведи с английского на русский', 'ru', 'en'],
      ['Translate this German text into Dutch', 'nl', 'de'],
      ['translate en->fr', 'fr', 'en'],
      ['translate to de', 'de'],
      ['Translate this into Traditional Chinese', 'zh'],
    ];
    for (const [prompt, target, source] of cases) {
      it(`reads ${target}${source ? ` from ${source}` : ''} in ${JSON.stringify(prompt)}`, () => {
        const result = detectTask(prompt);
        assert.equal(result.task, 'translate');
        assert.equal(result.targetLang, target);
        assert.equal(result.sourceLang, source);
      });
    }

    it('leaves targetLang unset when no language is named', () => {
      const result = detectTask('Translate this');
      assert.equal(result.task, 'translate');
      assert.equal(result.targetLang, undefined);
    });

    it('reports targetLang only for translate', () => {
      const result = detectTask('Summarize it in French');
      assert.equal(result.task, 'summarize');
      assert.equal(result.targetLang, undefined);
    });

    it('does not read "it" as Italian', () => {
      assert.equal(detectTask('Translate it').targetLang, undefined);
    });
  });

  describe('labels', () => {
    const cases: readonly (readonly [string, readonly string[]])[] = [
      ['Classify this text as sports, politics or tech', ['sports', 'politics', 'tech']],
      ['Classify into one of: billing, shipping, returns', ['billing', 'shipping', 'returns']],
      ['Categorize these tickets. Labels: bug, feature request, question', ['bug', 'feature request', 'question']],
      ['Which category does this ticket belong to: bug, feature or question?', ['bug', 'feature', 'question']],
      ['Label this as spam or not spam', ['spam', 'not spam']],
      ['Clasifica este texto en deportes, política o tecnología', ['deportes', 'política', 'tecnología']],
      ['Classe ce texte comme sport, politique ou culture', ['sport', 'politique', 'culture']],
      ['Klassifiziere den Text als Sport, Politik oder Wirtschaft', ['Sport', 'Politik', 'Wirtschaft']],
      ['Классифицируй текст: спорт, политика или экономика', ['спорт', 'политика', 'экономика']],
      ['把这篇文章分类为体育、政治或科技', ['体育', '政治', '科技']],
      ['Is this email about billing or shipping?', ['billing', 'shipping']],
      ['Classify the topic (sports/politics/tech)', ['sports', 'politics', 'tech']],
    ];
    for (const [prompt, labels] of cases) {
      it(`lists ${labels.join(' | ')} from ${JSON.stringify(prompt)}`, () => {
        const result = detectTask(prompt);
        assert.equal(result.task, 'topic');
        assert.deepEqual(result.labels, labels);
      });
    }

    it('has no labels when the prompt lists none', () => {
      const result = detectTask('What is the topic of this article?');
      assert.equal(result.task, 'topic');
      assert.equal(result.labels, undefined);
    });
  });

  describe('negation', () => {
    it('pushes a negated task below zero and says why', () => {
      const result = detectTask("Don't translate, just summarize");
      assert.equal(result.task, 'summarize');
      assert.ok(result.reasons.some((r) => r.startsWith('translate -') && r.includes('negated')), result.reasons.join('\n'));
    });

    it('understands "rather than" and "instead of"', () => {
      assert.equal(detectTask('Summarize rather than translate').task, 'summarize');
      assert.equal(detectTask('Summarize it instead of translating it').task, 'summarize');
    });

    it('understands negation in other languages', () => {
      assert.equal(detectTask('No lo traduzcas, resúmelo').task, 'summarize');
      assert.equal(detectTask('Nicht zusammenfassen, sondern übersetzen').task, 'translate');
      assert.equal(detectTask('不要翻译，总结一下').task, 'summarize');
    });

    it('does not add the named target language to a negated translation', () => {
      const result = detectTask("Don't translate it into French, summarize it");
      assert.equal(result.task, 'summarize');
    });
  });

  describe('position and payload', () => {
    it('weighs an imperative at the start more than the same verb later', () => {
      const head = detectTask('Translate this text');
      const later = detectTask('The following text, I would like it translated');
      assert.ok(head.confidence > later.confidence);
    });

    it('discounts questions inside the text to process', () => {
      const result = detectTask('Translate to Spanish:\nWhere is the station? When does the train leave?');
      assert.equal(result.task, 'translate');
      assert.ok(result.reasons.some((r) => r.includes('inside the text to process')));
    });

    it('marks task words that describe the code to write', () => {
      const result = detectTask('Write a function that summarizes a list of reviews');
      assert.equal(result.task, 'generate-code');
      assert.ok(result.reasons.some((r) => r.startsWith('summarize') && r.includes('describes the code to write')));
    });

    it('counts code in the prompt toward generate-code', () => {
      const result = detectTask('function add(a, b) {\n  return a + b;\n}\nmake this generic');
      assert.equal(result.task, 'generate-code');
      assert.ok(result.reasons.some((r) => r.includes('contains code')));
    });
  });

  describe('selection', () => {
    it('answers a question about the selection as question-answering', () => {
      assert.equal(detectTask('Who signed the contract?', true).task, 'question-answering');
    });

    it('sends a bare question without a selection to chat', () => {
      const result = detectTask('Who signed the contract?', false);
      assert.equal(result.task, 'chat');
      assert.ok(result.reasons.some((r) => r.includes('no selection')));
    });

    it('keeps a specific question form as question-answering even without a selection', () => {
      assert.equal(detectTask('What does this function do?', false).task, 'question-answering');
    });

    it('treats an unknown selection state as neutral', () => {
      assert.equal(detectTask('Who signed the contract?').task, 'question-answering');
    });
  });

  describe('fallback and ties', () => {
    it('falls back to chat with low confidence when nothing scores', () => {
      for (const prompt of ['hmm', 'make it better', 'ok then', '42']) {
        const result = detectTask(prompt);
        assert.equal(result.task, 'chat', prompt);
        assert.ok(result.confidence <= 0.3, prompt);
      }
    });

    it('gives an empty prompt to chat with the lowest confidence', () => {
      const result = detectTask('   ');
      assert.equal(result.task, 'chat');
      assert.ok(result.confidence <= 0.1);
    });

    it('breaks an exact tie by TASK_PRIORITY and says so', () => {
      const result = detectTask('summary and translation');
      assert.equal(result.task, 'translate');
      assert.ok(result.reasons.some((r) => r.includes('broken by priority')), result.reasons.join('\n'));
    });

    it('orders every task kind exactly once in TASK_PRIORITY, chat last', () => {
      assert.deepEqual([...TASK_PRIORITY].sort(), [...TASK_KINDS].sort());
      assert.equal(TASK_PRIORITY[TASK_PRIORITY.length - 1], 'chat');
    });

    it('is more confident when one task clearly leads', () => {
      const clear = detectTask('Translate this paragraph into German');
      const mixed = detectTask('Explain this code and translate the comments to Spanish');
      assert.ok(clear.confidence > mixed.confidence);
      assert.ok(MIN_SCORE > 0);
    });
  });
});
