import { strict as assert } from 'node:assert';
import {
  LANGUAGES,
  findLanguage,
  foldName,
  getLanguage,
  isSupportedLanguage,
  languageName,
  languageNameEntries,
  nllbCode,
} from '../../../../src/core/language/languages';
import { LANGUAGE_ALIASES } from '../../../../src/core/language/languageNames';

const REQUIRED = 'en es fr de it pt nl sv da no fi pl cs ro hu el tr ru uk ar he fa hi bn ur zh ja ko vi th id ms sw'.split(' ');

describe('languages table', () => {
  it('includes every required language', () => {
    for (const code of REQUIRED) assert.ok(isSupportedLanguage(code), code);
  });

  it('has unique ISO codes and unique NLLB codes shaped like xxx_Scrp', () => {
    assert.equal(new Set(LANGUAGES.map((l) => l.code)).size, LANGUAGES.length);
    assert.equal(new Set(LANGUAGES.map((l) => l.nllb)).size, LANGUAGES.length);
    for (const l of LANGUAGES) {
      assert.match(l.code, /^[a-z]{2}$/);
      assert.match(l.nllb, /^[a-z]{3}_[A-Z][a-z]{3}$/, l.code);
    }
  });

  it('maps codes to the NLLB codes the nllb models expect', () => {
    assert.equal(nllbCode('en'), 'eng_Latn');
    assert.equal(nllbCode('es'), 'spa_Latn');
    assert.equal(nllbCode('zh'), 'zho_Hans');
    assert.equal(nllbCode('ar'), 'arb_Arab');
    assert.equal(nllbCode('fa'), 'pes_Arab');
    assert.equal(nllbCode('no'), 'nob_Latn');
    assert.equal(nllbCode('ms'), 'zsm_Latn');
    assert.equal(nllbCode('sw'), 'swh_Latn');
  });

  it('maps Traditional Chinese tags to zho_Hant and regional tags to their language', () => {
    assert.equal(nllbCode('zh-TW'), 'zho_Hant');
    assert.equal(nllbCode('zh-Hant'), 'zho_Hant');
    assert.equal(nllbCode('zh-CN'), 'zho_Hans');
    assert.equal(nllbCode('pt-BR'), 'por_Latn');
    assert.equal(nllbCode('xx'), undefined);
  });

  it('marks right-to-left scripts', () => {
    const rtl = LANGUAGES.filter((l) => l.rtl).map((l) => l.code).sort();
    assert.deepEqual(rtl, ['ar', 'fa', 'he', 'ur']);
  });
});

describe('languageName / isSupportedLanguage / getLanguage', () => {
  it('names a code in English', () => {
    assert.equal(languageName('de'), 'German');
    assert.equal(languageName('ja'), 'Japanese');
  });

  it('returns an unsupported code unchanged rather than undefined', () => {
    assert.equal(languageName('tlh'), 'tlh');
  });

  it('accepts region subtags, underscores, upper case and legacy codes', () => {
    assert.equal(getLanguage('es-MX')?.code, 'es');
    assert.equal(getLanguage('en_US')?.code, 'en');
    assert.equal(getLanguage('FR')?.code, 'fr');
    assert.equal(getLanguage('iw')?.code, 'he');
    assert.equal(getLanguage('nb')?.code, 'no');
  });

  it('rejects what is not a supported code', () => {
    assert.equal(isSupportedLanguage('xx'), false);
    assert.equal(isSupportedLanguage(''), false);
    assert.equal(isSupportedLanguage('Spanish'), false);
  });
});

describe('findLanguage', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['es', 'es'],
    ['Spanish', 'es'],
    ['español', 'es'],
    ['ESPAÑOL', 'es'],
    ['espanol', 'es'],
    ['spa_Latn', 'es'],
    ['es-AR', 'es'],
    ['Spanisch', 'es'],
    ['西班牙语', 'es'],
    ['français', 'fr'],
    ['francés', 'fr'],
    ['Deutsch', 'de'],
    ['allemand', 'de'],
    ['日本語', 'ja'],
    ['中文', 'zh'],
    ['Mandarin', 'zh'],
    ['Farsi', 'fa'],
    ['Persian', 'fa'],
    ['Bahasa Indonesia', 'id'],
    ['Kiswahili', 'sw'],
    ['Ελληνικά', 'el'],
    ['русский', 'ru'],
    ['Українська', 'uk'],
    ['  Norsk  ', 'no'],
    ['Türkçe', 'tr'],
    ['turkce', 'tr'],
  ];
  for (const [query, code] of cases) {
    it(`finds ${code} from ${JSON.stringify(query)}`, () => {
      assert.equal(findLanguage(query)?.code, code);
    });
  }

  it('finds nothing for unknown or empty queries', () => {
    assert.equal(findLanguage('Klingon'), undefined);
    assert.equal(findLanguage(''), undefined);
    assert.equal(findLanguage('   '), undefined);
  });
});

describe('language names', () => {
  it('has aliases only for supported languages, none claimed by two languages', () => {
    const owner = new Map<string, string>();
    for (const [code, aliases] of Object.entries(LANGUAGE_ALIASES)) {
      assert.ok(isSupportedLanguage(code), code);
      for (const alias of aliases) {
        const key = foldName(alias);
        const previous = owner.get(key);
        assert.ok(previous === undefined || previous === code, `${alias} claimed by ${previous} and ${code}`);
        owner.set(key, code);
      }
    }
  });

  it('lists name entries longest first and without NLLB codes', () => {
    const entries = languageNameEntries();
    const lengths = entries.map(([name]) => name.length);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a));
    assert.ok(entries.every(([name]) => !name.includes('_')));
    assert.ok(entries.some(([name, l]) => name === 'francais' && l.code === 'fr'));
  });

  it('folds case and Latin accents but keeps other scripts intact', () => {
    assert.equal(foldName('  Français '), 'francais');
    assert.equal(foldName('İngilizce'), 'ingilizce');
    assert.equal(foldName('हिन्दी'), 'हिन्दी');
  });
});

describe('foldName', () => {
  it('keeps Cyrillic letters that differ only by a mark', () => {
    assert.equal(foldName('Английский'), 'английский');
    assert.equal(foldName('Україна'), 'україна');
  });

  it('folds Greek accents', () => {
    assert.equal(foldName('Ελληνικά'), 'ελληνικα');
  });
});
