/**
 * Weighted, multilingual cues for classifying a free-form prompt into a TaskKind (see taskDetection.ts).
 * Languages: English, Spanish, French, German, Portuguese, Italian, Russian, Chinese, Japanese.
 *
 * Weights: 3 is a clear, specific word ("translate", "summary", "sentiment"); generic question forms
 * are weak (0.6-1.2) so a specific noun beats them ("what is the sentiment…?" is sentiment);
 * phrases that fix the object of a verb are strongest (4-6) and may `suppress` tasks they override
 * ("write a function that translates…" is code; "summarize the entities" is NER).
 */
import type { TaskKind } from '../tasks/taskTypes';

/**
 * verb: an imperative or request verb; weighs 1.5x at the head of a clause.
 * noun: a thing named ("summary", "sentiment"). phrase: a multi-word construction (also head-boosted).
 * question: a generic question form (wh-word, "?"). construct: "write/create … function/class/script";
 * task cues after (or inside) it describe the code to write and weigh less.
 */
export type CueRole = 'verb' | 'noun' | 'phrase' | 'question' | 'construct';

export interface TaskCue {
  readonly task: TaskKind;
  readonly role: CueRole;
  readonly weight: number;
  readonly pattern: RegExp;
  /** Tasks whose score is cut to 30% when this cue fires un-negated. */
  readonly suppresses?: readonly TaskKind[];
}

/** Patterns run on lower-cased text, without the `i` flag: case-insensitive Unicode regexes are slow to compile. */

/** Word boundaries that understand non-ASCII letters (JS `\b` does not). */
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
/** Start of a clause: text start or after sentence/clause punctuation. */
const CLAUSE_START = '(?<=(?:^|[.!?;:\\n¿¡。！？；：,，][ \\t]{0,3}))';

function words(task: TaskKind, role: CueRole, weight: number, alternatives: string, suppresses?: readonly TaskKind[]): TaskCue {
  const pattern = new RegExp(`${B}(?:${alternatives})${E}`, 'gu');
  return suppresses ? { task, role, weight, pattern, suppresses } : { task, role, weight, pattern };
}

/** CJK cues: no word boundaries in Chinese or Japanese. */
function cjk(task: TaskKind, role: CueRole, weight: number, alternatives: string, suppresses?: readonly TaskKind[]): TaskCue {
  const pattern = new RegExp(`(?:${alternatives})`, 'gu');
  return suppresses ? { task, role, weight, pattern, suppresses } : { task, role, weight, pattern };
}

/** Up to `n` filler words between a verb and its object, never crossing "of/about/for…" (which start another object). */
function gap(n: number): string {
  return `(?:\\s+(?!(?:of|about|on|de|del|sur|über|sobre|di|della|do|da|о|про)${E})[\\p{L}\\p{N}#+.'-]+){0,${n}}?`;
}

/** Programming languages that are unambiguous as words on their own. */
const PROGRAMMING_LANGUAGES =
  'python|typescript|javascript|java|kotlin|swift|rust|golang|c\\+\\+|c#|csharp|ruby|php|scala|haskell|elixir|lua|perl|dart|bash|powershell|sql|html|css|objective-c|matlab|julia|clojure|f#|fortran|cobol|zig|solidity|vba';
/** Also accepted after "to/into/in" in a conversion request ("rewrite this in Go"). */
const CONVERSION_TARGETS = `${PROGRAMMING_LANGUAGES}|go|c|r|node(?:\\.?js)?|react|vue`;

const CODE_NOUNS_EN =
  'functions?|methods?|class(?:es)?|scripts?|programs?|modules?|components?|regexp?|regular expression|sql|quer(?:y|ies)|endpoints?|apis?|unit tests?|tests?|test cases?|interfaces?|enums?|snippets?|code|algorithms?|cli|hooks?|decorators?|dockerfile|makefile|one-liner|lambdas?|structs?|macros?|shaders?|migrations?|schemas?';
const CODE_NOUNS_OTHER =
  'funci[oó]n|funciones|m[eé]todos?|clases?|programas?|consultas?|expresi[oó]n regular|c[oó]digo|pruebas|fonctions?|m[eé]thodes?|classes?|programmes?|requ[eê]tes?|expression r[eé]guli[eè]re|funktion(?:en)?|methode|klassen?|skript|programm|abfrage|regul[aä]ren ausdruck|fun[cç][aã]o|fun[cç][oõ]es|express[aã]o regular|testes|funzion[ei]|metodo|programma|espressione regolare|codice|функци\\p{L}*|класс\\p{L}*|метод\\p{L}*|скрипт\\p{L}*|программ\\p{L}*|запрос\\p{L}*|регулярн\\p{L}*|код|тест\\p{L}*';
const CODE_VERBS =
  'write|implement|create|generate|build|make|code|add|give me|scaffold|draft|define|produce|escribe|escr[ií]beme|implementa|crea|genera|programa|[eé]cris|[eé]crivez|impl[eé]mente[zr]?|cr[eé]e[zr]?|g[eé]n[eè]re[zr]?|schreibe?|implementiere|erstelle|generiere|programmiere|escreva|implemente|crie|gere|scrivi|напиши|реализуй|создай|сгенерируй';

const NER_NOUNS =
  'entities|entity|named entit\\p{L}*|people|persons|names|places|locations|organi[sz]ations|companies|proper nouns|entidades|personas|nombres|lugares|organizaciones|entit[eé]s|personnes|noms|lieux|organisations|entit[aä]ten|personen|namen|orte|organisationen|pessoas|nomes|organiza[cç][oõ]es|entit[aà]|persone|nomi|luoghi|organizzazioni|сущност\\p{L}*|имена|персон\\p{L}*|организаци\\p{L}*|мест\\p{L}*';
const SENTIMENT_NOUNS =
  'sentiments?|emotions?|tone|mood|feelings?|sentimientos?|emoci[oó]n(?:es)?|tono|[eé]motions?|stimmung|gef[uü]hle?|sentimentos?|emo[cç][aã]o|emozion[ei]|тональност\\p{L}*|настроени\\p{L}*|эмоци\\p{L}*';
const CLASSIFY_VERBS =
  'classify|categori[sz]e|label|tag|clasifica|categoriza|etiqueta|classe[zr]?|classifie[zr]?|cat[eé]gorise[zr]?|klassifiziere|kategorisiere|classifique|classifica|categorizza|классифицируй|категоризируй';

export const TASK_CUES: readonly TaskCue[] = [
  // ── generate-code ──
  words('generate-code', 'construct', 5, `(?:${CODE_VERBS})(?:\\s+(?:me|us))?${gap(3)}\\s+(?:${CODE_NOUNS_EN}|${CODE_NOUNS_OTHER})`),
  cjk('generate-code', 'construct', 5, '(?:帮我|请)?(?:写|编写|实现|生成|创建)[^。！？\\n]{0,10}?(?:函数|类|方法|脚本|程序|代码|正则|查询|sql|SQL)'),
  cjk('generate-code', 'construct', 5, '[^。！？\\n]{0,15}(?:関数|クラス|メソッド|スクリプト|プログラム|コード|正規表現|クエリ)を?(?:書いて|書け|実装して|実装|作成して|作って|生成して)'),
  words('generate-code', 'phrase', 6, `(?:translate|convert|port|rewrite|transpile|migrate|traduce|convierte|reescribe|traduis|convertis|r[eé][eé]cris|[uü]bersetze|konvertiere|schreibe|traduza|converta|reescreva|traduci|converti|riscrivi|переведи|перепиши|конвертируй)${gap(4)}\\s+(?:to|into|in|a|al|en|nach|in|para|em|на)\\s+(?:${CONVERSION_TARGETS})`, ['translate']),
  cjk('generate-code', 'phrase', 6, `(?:翻译|转换|改写|转)成?(?:${CONVERSION_TARGETS})`, ['translate']),
  words('generate-code', 'verb', 4, 'refactor|refactoriza|refactorise[zr]?|refaktoriere|refatore|rifattorizza|отрефактори\\p{L}*|рефактор\\p{L}*'),
  words('generate-code', 'verb', 3, 'implement|debug|autocomplete|implementa|impl[eé]mente[zr]?|implementiere|implemente|реализуй'),
  words('generate-code', 'verb', 2.5, 'optimi[sz]e|optimiza|optimise[zr]?|optimiere|otimize|ottimizza|оптимизируй'),
  words('generate-code', 'phrase', 3.5, `(?:fix|debug|arregla|corrige|corriger|behebe|korrigiere|conserta|correggi|исправь)${gap(3)}\\s+(?:bugs?|errors?|code|exceptions?|crash|tests?|compil\\p{L}*|errores?|error|erreurs?|fehler|erros?|errori|ошибк\\p{L}*|баг\\p{L}*|${CODE_NOUNS_EN}|${CODE_NOUNS_OTHER})`),
  words('generate-code', 'phrase', 3.5, 'add (?:type hints|types|typings|comments|docstrings?|jsdoc|error handling|logging|unit tests|tests|validation)|complete (?:this|the|my) (?:code|function|method|class)'),
  cjk('generate-code', 'verb', 3.5, '重构|修复(?:这个)?(?:bug|错误)|リファクタ\\p{L}*|バグを直して'),
  words('generate-code', 'noun', 1.5, `${PROGRAMMING_LANGUAGES}|regexp?|regular expression|react|django|flask|node\\.?js|numpy|pandas|expresi[oó]n regular|regex`),
  words('generate-code', 'noun', 0.8, `${CODE_NOUNS_EN}|${CODE_NOUNS_OTHER}`),
  cjk('generate-code', 'noun', 0.8, '函数|代码|脚本|正则|関数|コード|スクリプト|正規表現'),

  // ── translate ──
  words('translate', 'verb', 3, 'translate|translates|translating|translation|traduce|traduzca|trad[uú]ceme|trad[uú]celo|traducir|traducci[oó]n|traduis|traduisez|traduire|traduction|[uü]bersetze|[uü]bersetzen|[uü]bersetz|[uü]bersetzung|traduza|traduzir|tradu[cç][aã]o|traduci|tradurre|traduzione|переведи|перевести|переведите|перевод\\p{L}*'),
  cjk('translate', 'verb', 3, '翻译|翻譯|翻訳|訳して|译成|译为|訳す'),
  words('translate', 'phrase', 3, 'how (?:do|would|can) (?:you|i|we) say|c[oó]mo se dice|comment (?:dit-on|dire)|wie sagt man|como se diz|come si dice|как сказать'),

  // ── summarize ──
  words('summarize', 'verb', 3, 'summari[sz](?:e|es|ed|ing)|sum (?:it |this |that )?up|condense|recap|shorten|resume|res[uú]me(?:lo|me)|resumir|sintetiza|r[eé]sumer|r[eé]sumez|synth[eé]tise[zr]?|zusammenfassen|fasse\\p{L}*(?:\\s+\\p{L}+){0,5}\\s+zusammen|resuma|riassumi|riassumere|sintetizza|перескажи|резюмируй|суммируй|обобщи|сократи|подытожь'),
  words('summarize', 'noun', 3, 'summary|summaries|tl;?dr|gist|synopsis|overview|key (?:points|takeaways|ideas)|main (?:points|ideas)|takeaways|bullet points|in a nutshell|resumen|r[eé]sum[eé]|resumo|riassunto|sintesi|zusammenfassung|kurzfassung|краткое содержание|резюме|выжимк\\p{L}*'),
  words('summarize', 'noun', 2.5, 'briefly|in brief|en bref|brevemente|kurz gesagt|in breve|кратко|вкратце'),
  cjk('summarize', 'verb', 3, '总结|總結|摘要|概括|概述|归纳|要约|要約|まとめ|要点|概要'),
  words('summarize', 'phrase', 2.5, 'in (?:one|two|three|a few|a couple of|\\d+) (?:sentences?|lines?|words?|bullets?|paragraphs?)|en (?:una|dos|tres|pocas) (?:frases|oraciones|l[ií]neas)|en (?:une|deux|trois|quelques) (?:phrases?|lignes?)|in (?:einem|zwei|drei|wenigen) s[aä]tzen?'),
  words('summarize', 'phrase', 3, "what(?: is|'s) (?:this|the) (?:text|article|document|email|page|paper|story|passage|thread|chapter|post) about"),

  // ── question-answering ──
  words('question-answering', 'question', 1.2, `${CLAUSE_START}(?:what|what's|why|how|when|where|who|which|whom|whose|qu[eé]|por qu[eé]|c[oó]mo|cu[aá]ndo|d[oó]nde|qui[eé]n|cu[aá]l|quoi|pourquoi|comment|quand|o[uù]|qui|quel(?:le)?s?|est-ce que|was|warum|wieso|weshalb|wie|wann|wo|wer|welche[rsnm]?|o que|por que|quando|onde|quem|qual|cosa|che cosa|perch[eé]|come|dove|chi|quale|что|почему|зачем|как|когда|где|кто|какой|какая|какие|какое)`),
  words('question-answering', 'question', 0.6, `${CLAUSE_START}(?:is|are|does|do|did|can|could|should|will|would|has|have|est-ce|ist|sind|kann|gibt es|есть ли)`),
  cjk('question-answering', 'question', 1.2, '什么|为什么|怎么|如何|哪|谁|吗|呢|何故|なぜ|どう|いつ|どこ|誰|ですか|ますか'),
  { task: 'question-answering', role: 'question', weight: 0.8, pattern: /[?？](?=\s*(?:$|\n))/gu },
  words('question-answering', 'verb', 2.5, 'explain|explica|expl[ií]came|explique[zr]?|erkl[aä]re?|erkl[aä]ren|spiega(?:mi)?|объясни(?:те)?'),
  cjk('question-answering', 'verb', 2.5, '解释|解釋|説明して|説明'),
  words('question-answering', 'phrase', 3.5, "what(?: does|'s| is) (?:this|it|that|the \\p{L}+)(?: \\p{L}+)? (?:do|does|mean|for)|what (?:this|the) (?:code|function|method|class|script|regex|query|line|snippet) does|answer (?:the|this|these|my|a) questions?|according to (?:the|this)|based on (?:the|this) (?:text|passage|document|context|article)|qu[eé] hace (?:este|esta|esto|el|la)|que fait (?:ce|cette|ceci|la|le)|was macht (?:dieser|diese|dieses|das|der|die)|o que (?:faz|este|esta|isto)|cosa fa (?:questo|questa|il|la)|что делает"),
  cjk('question-answering', 'phrase', 3.5, '(?:是)?(?:做什么|干什么)(?:的|用)|有什么用|是什么意思|何をする|何をして|何をします|どういう意味'),

  // ── sentiment ──
  words('sentiment', 'noun', 3, `${SENTIMENT_NOUNS}|opinions?|attitude|polarity|opini[oó]n|actitud|ressenti|humeur|tonfall|tonalit[aä]t|meinung|haltung|opini[aã]o|atitude|opinione|umore|отношени\\p{L}*|мнени\\p{L}*`),
  words('sentiment', 'verb', 2, 'feel|feels|felt|siente|sienten|ressent|ressentent|f[uü]hlt|sente|sentem|prova|чувствует'),
  cjk('sentiment', 'noun', 3, '情感|情绪|情緒|态度|感情|気持ち|評判|ネガポジ'),
  words('sentiment', 'phrase', 3.5, '(?:positive|negative|good|bad|happy)(?:,? (?:negative|positive|neutral|sad|angry|unhappy|mixed))*,? or (?:negative|positive|neutral|sad|angry|unhappy|mixed|bad|good)|positiv[oa] o negativ[oa]|positi(?:f|ve) ou n[eé]gati(?:f|ve)|positiv oder negativ|positiv[oa] ou negativ[oa]|позитивн\\p{L}* или негативн\\p{L}*|положительн\\p{L}* или отрицательн\\p{L}*|(?:satisfied|happy|angry|upset|frustrated|pleased|disappointed) (?:with|about)'),
  words('sentiment', 'phrase', 3, '(?:is|are|was|were) (?:this|it|that|these|the \\p{L}+)(?: \\p{L}+)? (?:positive|negative|favou?rable|unfavou?rable)'),
  words('sentiment', 'noun', 1.5, 'positive|negative|neutral|positiv[oa]|negativ[oa]|positif|n[eé]gatif|positiv|negativ|позитивн\\p{L}*|негативн\\p{L}*'),
  cjk('sentiment', 'phrase', 3.5, '正面还是负面|积极还是消极|正面或负面|好评还是差评|ポジティブかネガティブ|肯定的か否定的'),
  words('sentiment', 'phrase', 4, `(?:${CLASSIFY_VERBS}|analy[sz]e|analiza|analyse[zr]?|analysiere|analise|analizza|analysis of|an[aá]lisis de|analyse de|analyse der)${gap(2)}\\s+(?:${SENTIMENT_NOUNS})`, ['topic']),

  // ── topic ──
  words('topic', 'verb', 3, CLASSIFY_VERBS),
  words('topic', 'verb', 3, 'ordne(?:\\s+\\p{L}+){0,4}\\s+(?:ein|zu)|einordnen|отнеси'),
  cjk('topic', 'verb', 3, '分类|分類|归类|歸類'),
  words('topic', 'noun', 3, 'topics?|categor(?:y|ies)|subject|genre|temas?|categor[ií]as?|asunto|sujet|th[eè]mes?|cat[eé]gories?|thema|themen|kategorien?|assunto|argomento|categorie|тем[аыу]|тематик\\p{L}*|категори\\p{L}*'),
  cjk('topic', 'noun', 3, '主题|话题|类别|主題|トピック|カテゴリ|ジャンル'),
  words('topic', 'phrase', 3.5, "which (?:category|topic|class|label|bucket|department|team|genre)|what (?:kind|type|category|sort) of (?:text|document|article|email|message|ticket|content|request)|(?:is|are) (?:this|it|these|the \\p{L}+)(?: \\p{L}+)? (?:about|related to) [^?.!\\n]+ or(?=\\s)|spam or (?:not|ham)|belongs? to|de qu[eé] (?:tema|categor[ií]a)|[aà] quelle cat[eé]gorie|quel (?:sujet|th[eè]me)|welche[rs]? (?:kategorie|thema)|qual (?:categoria|tema|assunto)|quale (?:categoria|argomento)|к какой категории"),

  // ── ner ──
  words('ner', 'noun', 3.5, 'named entit\\p{L}*|entities|entity|ner|proper nouns|entidades|nombres propios|entit[eé]s|noms propres|entit[aä]ten|eigennamen|nomes pr[oó]prios|entit[aà]|nomi propri|сущност\\p{L}*|именованн\\p{L}*'),
  words('ner', 'noun', 2, 'people|persons|names|places|locations|organi[sz]ations|companies|personas|lugares|organizaciones|personnes|lieux|organisations|personen|orte|organisationen|pessoas|organiza[cç][oõ]es|persone|luoghi|organizzazioni|персон\\p{L}*|организаци\\p{L}*'),
  cjk('ner', 'noun', 3.5, '实体|實體|人名|地名|机构名|组织名|固有表現|エンティティ|組織名'),
  words('ner', 'verb', 2, 'extract|extrae|extraer|extrai[st]|extraire|extrahiere|extraia|extrair|estrai|estrarre|извлеки|извлечь'),
  words('ner', 'phrase', 4.5, `(?:summari[sz]e|list|extract|find|get|identify|highlight|tag|label|show|give me|name|pull out|mark|extrae|lista|enumera|identifica|encuentra|resume|etiqueta|extrais|liste|identifie|trouve|r[eé]sume|rep[eè]re|extrahiere|finde|nenne|markiere|identifiziere|extraia|liste|identifique|encontre|estrai|elenca|trova|извлеки|найди|перечисли|выдели)${gap(3)}\\s+(?:${NER_NOUNS})`, ['summarize', 'topic', 'question-answering']),
  cjk('ner', 'phrase', 4.5, '(?:提取|抽取|找出|列出|识别)[^。！？\\n]{0,4}(?:实体|人名|地名|机构|组织)|(?:人名|地名|組織名|固有表現|エンティティ)[^。！？\\n]{0,3}(?:抽出|抜き出|列挙)', ['summarize']),
  words('ner', 'phrase', 3.5, 'who (?:is|are|gets?) mentioned|mentioned (?:people|persons|names|places|companies|organi[sz]ations)|(?:people|persons|names|places|companies|organi[sz]ations) (?:are |that are |who are )?mentioned'),

  // ── chat ──
  words('chat', 'phrase', 2, `${CLAUSE_START}(?:hi|hello|hey|hola|bonjour|salut|hallo|ciao|ol[aá]|привет|good (?:morning|evening|afternoon))`),
  cjk('chat', 'phrase', 2, '你好|您好|こんにちは|こんばんは'),
  words('chat', 'phrase', 3, 'how are you|tell me a joke|(?:write|compose|draft|tell me)(?: me)?(?: an?| the| some)?(?: \\p{L}+)? (?:jokes?|poems?|story|stories|haiku|limerick|song|essay|cover letter|e-?mails?|letter|tweet|blog post|speech|toast)'),
  words('chat', 'noun', 1.5, 'thanks|thank you|gracias|merci|danke|obrigad[oa]|grazie|спасибо'),
];
