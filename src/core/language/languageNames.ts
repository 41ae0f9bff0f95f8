/**
 * What people call each supported language when they write in English, Spanish, French, German,
 * Italian, Portuguese, Russian, Chinese or Japanese (plus common alternatives), so that
 * "en français", "ins Deutsche", "al inglés", "на английский" and "翻译成英文" all name a language.
 * German adjectival forms (Englische/-n) and Russian case forms are listed because prompts use them
 * after prepositions. Lower case; accents are kept (matching folds them away).
 * The English and native names in languages.ts are matched too and need not be repeated here.
 */
export const LANGUAGE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  en: ['inglés', 'anglais', 'englisch', 'englische', 'englischen', 'inglese', 'inglês', 'английский', 'английском', 'английского', 'английски', '英语', '英文', '英語'],
  es: ['castellano', 'espagnol', 'spanisch', 'spanische', 'spanischen', 'spagnolo', 'espanhol', 'испанский', 'испанском', 'испанского', 'испански', '西班牙语', '西班牙文', 'スペイン語'],
  fr: ['francés', 'französisch', 'französische', 'französischen', 'francese', 'francês', 'французский', 'французском', 'французского', 'французски', '法语', '法文', 'フランス語'],
  de: ['alemán', 'allemand', 'deutsche', 'deutschen', 'tedesco', 'alemão', 'немецкий', 'немецком', 'немецкого', 'немецки', '德语', '德文', 'ドイツ語'],
  it: ['italien', 'italienisch', 'italienische', 'italienischen', 'итальянский', 'итальянском', 'итальянского', 'итальянски', '意大利语', '意大利文', 'イタリア語'],
  pt: ['portugués', 'portugais', 'portugiesisch', 'portugiesische', 'portugiesischen', 'portoghese', 'португальский', 'португальском', 'португальского', '葡萄牙语', '葡萄牙文', 'ポルトガル語'],
  ca: ['catalán', 'catalan', 'katalanisch', 'catalano', 'catalão', 'каталанский', '加泰罗尼亚语', 'カタルーニャ語'],
  nl: ['flemish', 'neerlandés', 'holandés', 'néerlandais', 'niederländisch', 'niederländische', 'holländisch', 'olandese', 'neerlandese', 'holandês', 'neerlandês', 'нидерландский', 'голландский', '荷兰语', 'オランダ語'],
  sv: ['sueco', 'suédois', 'schwedisch', 'schwedische', 'svedese', 'шведский', '瑞典语', 'スウェーデン語'],
  da: ['danés', 'danois', 'dänisch', 'dänische', 'danese', 'dinamarquês', 'датский', '丹麦语', 'デンマーク語'],
  no: ['bokmål', 'norsk bokmål', 'noruego', 'norvégien', 'norwegisch', 'norwegische', 'norvegese', 'norueguês', 'норвежский', '挪威语', 'ノルウェー語'],
  fi: ['finés', 'finlandés', 'finnois', 'finnisch', 'finnische', 'finlandese', 'finlandês', 'финский', '芬兰语', 'フィンランド語'],
  pl: ['polaco', 'polonais', 'polnisch', 'polnische', 'polacco', 'polonês', 'польский', '波兰语', 'ポーランド語'],
  cs: ['checo', 'tchèque', 'tschechisch', 'tschechische', 'ceco', 'tcheco', 'чешский', '捷克语', 'チェコ語'],
  sk: ['eslovaco', 'slovaque', 'slowakisch', 'slovacco', 'словацкий', '斯洛伐克语', 'スロバキア語'],
  ro: ['rumano', 'roumain', 'rumänisch', 'rumänische', 'rumeno', 'romeno', 'румынский', '罗马尼亚语', 'ルーマニア語'],
  hu: ['húngaro', 'hongrois', 'ungarisch', 'ungarische', 'ungherese', 'венгерский', '匈牙利语', 'ハンガリー語'],
  el: ['griego', 'grec', 'griechisch', 'griechische', 'greco', 'grego', 'греческий', '希腊语', 'ギリシャ語'],
  tr: ['turco', 'turc', 'türkisch', 'türkische', 'turkish', 'турецкий', '土耳其语', 'トルコ語'],
  bg: ['búlgaro', 'bulgare', 'bulgarisch', 'bulgaro', 'болгарский', '保加利亚语', 'ブルガリア語'],
  ru: ['ruso', 'russe', 'russisch', 'russische', 'russischen', 'russo', 'русском', 'русского', 'русски', '俄语', '俄文', 'ロシア語'],
  uk: ['ucraniano', 'ukrainien', 'ukrainisch', 'ukrainische', 'ucraino', 'украинский', 'украинском', '乌克兰语', 'ウクライナ語'],
  ar: ['árabe', 'arabe', 'arabisch', 'arabische', 'arabo', 'арабский', '阿拉伯语', 'アラビア語'],
  he: ['hebreo', 'hébreu', 'hebräisch', 'hebräische', 'ebraico', 'hebraico', 'иврит', '希伯来语', 'ヘブライ語'],
  fa: ['farsi', 'persa', 'persan', 'persisch', 'persische', 'persiano', 'персидский', 'фарси', '波斯语', 'ペルシア語', 'ペルシャ語'],
  ur: ['ourdou', 'урду', '乌尔都语', 'ウルドゥー語'],
  hi: ['hindí', 'хинди', '印地语', 'ヒンディー語'],
  bn: ['bangla', 'bengalí', 'bengalisch', 'bengalese', 'бенгальский', '孟加拉语', 'ベンガル語'],
  zh: ['mandarin', 'chino', 'chinois', 'chinesisch', 'chinesische', 'chinesischen', 'cinese', 'chinês', 'китайский', 'китайском', 'китайского', '汉语', '漢語', '华语', '简体中文', '中国語'],
  ja: ['japonés', 'japonais', 'japanisch', 'japanische', 'japanischen', 'giapponese', 'japonês', 'японский', 'японском', 'японского', '日语', '日文'],
  ko: ['coreano', 'coréen', 'koreanisch', 'koreanische', 'корейский', '韩语', '韩文', '朝鲜语', '韓国語'],
  vi: ['vietnamita', 'vietnamien', 'vietnamesisch', 'вьетнамский', '越南语', 'ベトナム語'],
  th: ['tailandés', 'thaï', 'thailändisch', 'thailandese', 'tailandês', 'тайский', '泰语', 'タイ語'],
  id: ['indonesio', 'indonésien', 'indonesisch', 'indonesiano', 'indonésio', 'индонезийский', '印尼语', '印度尼西亚语', 'インドネシア語'],
  ms: ['malayo', 'malais', 'malaiisch', 'malese', 'malaio', 'малайский', '马来语', 'マレー語'],
  sw: ['swahili', 'suajili', 'souahéli', 'suaíli', 'суахили', '斯瓦希里语', 'スワヒリ語'],
};
