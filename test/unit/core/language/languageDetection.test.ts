import { strict as assert } from 'node:assert';
import { detectLanguage, type DetectedLanguage } from '../../../../src/core/language/languageDetection';
import { ARABIC_PROFILES, CYRILLIC_PROFILES, LATIN_PROFILES } from '../../../../src/core/language/languageProfiles';
import { isSupportedLanguage } from '../../../../src/core/language/languages';

function detected(text: string): DetectedLanguage {
  const result = detectLanguage(text);
  assert.ok(result, `expected a detection for ${JSON.stringify(text)}`);
  return result;
}

/** [expected ISO code, text]: short realistic sentences, code comments and code with prose inside. */
const LABELLED: readonly (readonly [string, string])[] = [
  ['en', 'Returns the number of active users in the current session.'],
  ['en', '// Check whether the cache is still valid before making a request'],
  ['en', 'I think we should move the meeting to next week.'],
  ['es', '// Devuelve el número de usuarios activos'],
  ['es', '¿Dónde está la estación de tren más cercana?'],
  ['es', 'El informe de ventas se envía todos los lunes por la mañana.'],
  ['es', 'throw new Error("No se encontró el usuario en la base de datos");'],
  ['fr', 'Retourne la liste des utilisateurs qui sont connectés.'],
  ['fr', "Je ne sais pas pourquoi le serveur ne répond plus."],
  ['fr', "# Vérifie que le fichier existe avant de l'ouvrir"],
  ['de', 'Die Funktion gibt die Anzahl der aktiven Benutzer zurück.'],
  ['de', 'Ich habe keine Zeit, weil ich noch arbeiten muss.'],
  ['de', 'function countActive(users) {\n  // Zählt die aktiven Benutzer in der Liste\n  return users.filter((u) => u.active).length;\n}'],
  ['it', 'Restituisce il numero di utenti attivi nella sessione.'],
  ['it', 'Non so perché il programma si blocca quando apro il file.'],
  ['it', 'def total(items):\n    """Calcola la somma dei prezzi di tutti gli articoli."""\n    return sum(i.price for i in items)'],
  ['pt', 'Retorna o número de usuários ativos na sessão atual.'],
  ['pt', 'Não consegui abrir o arquivo porque ele está corrompido.'],
  ['nl', 'Deze functie geeft het aantal actieve gebruikers terug.'],
  ['nl', 'Ik weet niet waarom de server niet meer reageert.'],
  ['sv', 'Funktionen returnerar antalet aktiva användare i sessionen.'],
  ['sv', 'Jag vet inte varför servern inte svarar längre.'],
  ['da', 'Jeg ved ikke, hvorfor serveren ikke svarer længere.'],
  ['da', 'Funktionen returnerer antallet af aktive brugere.'],
  ['no', 'Jeg vet ikke hvorfor serveren ikke svarer lenger.'],
  ['no', 'Dette er en liste av alle brukere som har logget inn.'],
  ['fi', 'Funktio palauttaa aktiivisten käyttäjien määrän.'],
  ['fi', 'En tiedä, miksi palvelin ei enää vastaa.'],
  ['pl', 'Funkcja zwraca liczbę aktywnych użytkowników w sesji.'],
  ['pl', 'Nie wiem, dlaczego serwer przestał odpowiadać.'],
  ['cs', 'Funkce vrací počet aktivních uživatelů v relaci.'],
  ['cs', 'Nevím, proč server přestal odpovídat.'],
  ['sk', 'Funkcia vracia počet aktívnych používateľov v relácii.'],
  ['sk', 'Neviem, prečo sa server nespustí, keď je súbor prázdny.'],
  ['ro', 'Funcția returnează numărul de utilizatori activi.'],
  ['ro', 'Nu știu de ce serverul nu mai răspunde.'],
  ['hu', 'A függvény visszaadja az aktív felhasználók számát.'],
  ['hu', 'Nem tudom, miért nem válaszol a szerver.'],
  ['tr', 'Bu fonksiyon aktif kullanıcı sayısını döndürür.'],
  ['tr', 'Sunucunun neden yanıt vermediğini bilmiyorum.'],
  ['vi', 'Hàm này trả về số lượng người dùng đang hoạt động.'],
  ['vi', 'Tôi không biết tại sao máy chủ không phản hồi.'],
  ['id', 'Fungsi ini mengembalikan jumlah pengguna yang aktif.'],
  ['id', 'Saya tidak tahu kenapa server tidak bisa merespons.'],
  ['ms', 'Fungsi ini mengembalikan bilangan pengguna yang aktif.'],
  ['ms', 'Saya tidak tahu mengapa pelayan tidak boleh memberi respons kerana rangkaian terputus.'],
  ['sw', 'Kazi hii inarudisha idadi ya watumiaji walio hai.'],
  ['sw', 'Sijui kwa nini seva haijibu tena.'],
  ['ca', "La funció retorna el nombre d'usuaris actius."],
  ['ru', 'Функция возвращает количество активных пользователей.'],
  ['ru', 'Я не знаю, почему сервер больше не отвечает.'],
  ['uk', 'Функція повертає кількість активних користувачів.'],
  ['uk', 'Я не знаю, чому сервер більше не відповідає.'],
  ['bg', 'Функцията връща броя на активните потребители.'],
  ['bg', 'Не знам защо сървърът не отговаря.'],
  ['el', 'Η συνάρτηση επιστρέφει τον αριθμό των ενεργών χρηστών.'],
  ['ar', 'تعيد هذه الدالة عدد المستخدمين النشطين.'],
  ['ar', 'لا أعرف لماذا لا يستجيب الخادم.'],
  ['he', 'הפונקציה מחזירה את מספר המשתמשים הפעילים.'],
  ['fa', 'این تابع تعداد کاربران فعال را برمی‌گرداند.'],
  ['fa', 'نمی‌دانم چرا سرور پاسخ نمی‌دهد.'],
  ['ur', 'یہ فنکشن فعال صارفین کی تعداد واپس کرتا ہے۔'],
  ['ur', 'مجھے نہیں معلوم کہ سرور جواب کیوں نہیں دے رہا۔'],
  ['hi', 'यह फ़ंक्शन सक्रिय उपयोगकर्ताओं की संख्या लौटाता है।'],
  ['bn', 'এই ফাংশনটি সক্রিয় ব্যবহারকারীদের সংখ্যা ফেরত দেয়।'],
  ['zh', '// 返回当前活跃用户的数量'],
  ['zh', '我不知道为什么服务器没有响应。'],
  ['ja', '// アクティブなユーザーの数を返します'],
  ['ja', 'サーバーが応答しない理由がわかりません。'],
  ['ja', '東京都の人口統計を取得する'],
  ['ko', '활성 사용자 수를 반환합니다.'],
  ['ko', '서버가 왜 응답하지 않는지 모르겠어요.'],
  ['th', 'ฟังก์ชันนี้คืนค่าจำนวนผู้ใช้ที่ใช้งานอยู่'],
  ['en', '// TODO: fix this later, getUserById returns null when the cache is empty'],
  ['zh', '使用 React 渲染用户列表组件'],
];

describe('detectLanguage', () => {
  describe('labelled sentences', () => {
    for (const [lang, text] of LABELLED) {
      it(`detects ${lang} in ${JSON.stringify(text.slice(0, 48))}`, () => {
        const result = detected(text);
        assert.equal(result.lang, lang, `got ${result.lang} (${result.confidence}), alternatives ${JSON.stringify(result.alternatives)}`);
      });
    }
  });

  it('only ever answers with languages the extension supports', () => {
    const profiled = [LATIN_PROFILES, CYRILLIC_PROFILES, ARABIC_PROFILES].flatMap((group) => Object.keys(group));
    for (const code of [...profiled, ...LABELLED.map(([lang]) => lang)]) assert.ok(isSupportedLanguage(code), code);
  });

  it('the labelled table covers at least 30 languages', () => {
    assert.ok(new Set(LABELLED.map(([lang]) => lang)).size >= 30);
  });

  describe('unknown input', () => {
    const unknown = ['', '   ', 'x = 1;', '12345', '???', '🙂🙂🙂', 'const total = a + b;', 'getUserById(userId)', 'https://example.com/a/b', 'ok', 'hello', '/* TODO */', '// ----------', 'SELECT * FROM users WHERE id = 1;', 'int main() { return 0; }'];
    for (const text of unknown) {
      it(`returns undefined for ${JSON.stringify(text)}`, () => {
        assert.equal(detectLanguage(text), undefined);
      });
    }
  });

  describe('prose inside code', () => {
    it('judges a code comment by its prose, not by the surrounding identifiers', () => {
      const code = 'const activeUserCount = users.filter((u) => u.isActive).length;\n// Compte les utilisateurs actifs avant la synchronisation';
      assert.equal(detectLanguage(code)?.lang, 'fr');
    });

    it('reads sentence-like string literals in code lines', () => {
      assert.equal(detectLanguage('raise ValueError("Der Benutzer wurde nicht gefunden")')?.lang, 'de');
    });

    it('ignores URLs and identifiers mixed into prose', () => {
      const text = 'Siehe https://example.com/docs und getUserById, die Funktion ist noch nicht fertig.';
      assert.equal(detectLanguage(text)?.lang, 'de');
    });
  });

  describe('confidence and alternatives', () => {
    it('is confident on a clear sentence', () => {
      const result = detected('El informe de ventas se envía todos los lunes por la mañana.');
      assert.ok(result.confidence >= 0.8, JSON.stringify(result));
    });

    it('keeps confidences between 0 and 1, alternatives sorted and distinct from the answer', () => {
      for (const [, text] of LABELLED) {
        const result = detected(text);
        assert.ok(result.confidence > 0 && result.confidence <= 1);
        const confidences = result.alternatives.map((a) => a.confidence);
        assert.deepEqual(confidences, [...confidences].sort((a, b) => b - a));
        assert.ok(result.alternatives.every((a) => a.lang !== result.lang && a.confidence <= result.confidence));
        assert.ok(result.alternatives.length <= 3);
      }
    });

    it('offers the sibling language as an alternative when only shared words are present', () => {
      const result = detected('Fungsi ini mengembalikan jumlah pengguna yang aktif.');
      assert.equal(result.lang, 'id');
      assert.ok(result.alternatives.some((a) => a.lang === 'ms'));
    });

    it('is less confident on kanji-only text than on text with kana', () => {
      const zh = detected('东京人口统计');
      const ja = detected('東京都の人口統計を取得する');
      assert.equal(zh.lang, 'zh');
      assert.equal(ja.lang, 'ja');
      assert.ok(zh.confidence < ja.confidence);
      assert.ok(zh.alternatives.some((a) => a.lang === 'ja'));
    });

    it('falls back to Russian, with modest confidence, for Cyrillic without telling letters or words', () => {
      const result = detected('Сервер');
      assert.equal(result.lang, 'ru');
      assert.ok(result.confidence <= 0.6);
      assert.ok(result.alternatives.some((a) => a.lang === 'uk'));
    });

    it('lowers confidence when much of the text is in another script', () => {
      const pure = detected('渲染用户列表组件');
      const mixed = detected('使用 React Router 渲染组件');
      assert.equal(mixed.lang, 'zh');
      assert.ok(mixed.confidence < pure.confidence);
    });
  });
});
