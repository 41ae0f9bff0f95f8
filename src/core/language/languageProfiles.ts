/**
 * Hand-made profiles for offline language detection within one script. Each profile has
 * - stopwords: very frequent function words (plus a few words typical of code comments such as
 *   "returns", "number of users"); a word shared by several languages counts for less (1/df);
 * - letters: the non-ASCII letters (and marks like ¿ ¡) the language writes; shared letters
 *   also count 1/df, so ß, ñ, ő, ı, ř weigh much more than é;
 * - affixes: word-shape cues (suffixes, digraphs) with a weight, tested on each lower-cased word.
 * Profiles are grouped by script; a script with one language (Greek, Hebrew, Thai...) needs none.
 */

export interface LanguageProfile {
  /** Space-separated, lower case. */
  readonly stopwords: string;
  readonly letters: string;
  readonly affixes: readonly (readonly [RegExp, number])[];
}

export type ProfileGroup = Readonly<Record<string, LanguageProfile>>;

const ID_MS_AFFIXES: readonly (readonly [RegExp, number])[] = [
  [/(?:kan|nya|lah|kah)$/, 0.8],
  [/^(?:meng|meny|mem|men|ber|ter|per)[a-z]{3,}/, 0.6],
  [/^(?:pe|pen|pem|peng)[a-z]{3,}an$/, 0.8],
];

export const LATIN_PROFILES: ProfileGroup = {
  en: {
    stopwords:
      'the of and to a in is it that for on with as this be are was by not or from at an have has which but if can will you we they all when there their what how should would could do does been more one other its into than then these those about also only new use used returns whether each every i my me our your just so because why where who need please before after still here thanks thank hello',
    letters: '',
    affixes: [[/ing$/, 0.6], [/^th/, 0.5], [/ly$/, 0.4], [/^wh/, 0.6], [/ould$/, 1], [/(?:ght|ck)/, 0.4], [/^(?:\w+)'(?:s|t|re|ll|ve|d)$/, 1]],
  },
  es: {
    stopwords:
      'el la los las de del y en un una unos unas es son por con para no se al lo como más pero su sus este esta estos estas muy todo todos también hay cuando donde está están si ya sin sobre entre hasta desde porque qué cómo que le les me mi nos ser fue era tiene puede hace cada otro otra usuario usuarios devuelve número porque aquí ahora siempre nunca datos archivo hola gracias',
    letters: 'ñáéíóúü¿¡',
    affixes: [[/ci[oó]n(?:es)?$/, 1.5], [/dad(?:es)?$/, 1], [/(?:ando|iendo)$/, 0.8], [/mente$/, 0.4], [/[^aeiou]ó$/, 0.8], [/(?:os|as)$/, 0.2]],
  },
  pt: {
    stopwords:
      'o a os as de e em um uma é do da dos das no na nos nas por com para não se mais mas como seu sua este esta isso isto muito também quando onde está são já sem sobre entre até porque você ao aos pelo pela que foi ser tem pode cada outro outra usuário usuários retorna número',
    letters: 'ãõçáéíóúâêôà',
    affixes: [[/çã[oe]s?$|ções$/, 2], [/ão$/, 1.2], [/(?:nh|lh)/, 0.8], [/dade$/, 1], [/mente$/, 0.4]],
  },
  fr: {
    stopwords:
      'le la les de des du un une et est en que qui dans pour pas ne sur au aux avec ce cette ces il elle nous vous ils elles sont mais ou plus par son sa ses se tout tous très être avoir fait comme aussi été peut leur leurs où donc je on y sans chaque renvoie retourne nombre utilisateur utilisateurs avant après quand encore déjà ici vérifie fichier valeur merci beaucoup votre notre mon bonjour',
    letters: 'éèêëàâçîïôûùœæÿ',
    affixes: [[/^(?:l|d|qu|n|s|c|j|m|t)['’]/, 1.5], [/eaux?$/, 1.5], [/(?:aient|ait|ais)$/, 1], [/eux$/, 1], [/ment$/, 0.5], [/(?:ez)$/, 0.6]],
  },
  it: {
    stopwords:
      'il lo la i gli le di del della dei delle che e è un una uno in per con non si da al alla sono questo questa come ma più anche se ci ha nel nella tutti molto quando dove perché essere stato può ogni restituisce numero utenti utente grazie ciao domani buongiorno prego',
    letters: 'àèéìòù',
    affixes: [[/zion[ei]$/, 2], [/^(?:dell|nell|all|dall|sull|un|l)['’]/, 1], [/gli/, 1], [/(?:cch|zz)/, 0.8], [/tà$/, 1.5], [/(?:are|ere|ire)$/, 0.4], [/mente$/, 0.4]],
  },
  ca: {
    stopwords:
      'el la els les de del i en un una és per amb no que es al als com més però seu seva aquest aquesta molt tot també quan on està són si ja sense sobre entre fins des perquè retorna nombre usuaris',
    letters: 'àèéíïòóúç·',
    affixes: [[/ció$/, 1.2], [/l·l/, 3], [/(?:ment)$/, 0.3]],
  },
  de: {
    stopwords:
      'der die das und ist nicht ein eine einen einem einer zu den dem des mit von auf für im in sich es auch wird werden sind als bei nach oder wenn aber noch wie nur kann diese dieser dieses alle zum zur über gibt ich wir sie er hat haben wurde durch um aus vom zurück anzahl benutzer keine kein weil muss habe war sein mehr schon man mir mich dass hier jetzt immer ob danke bitte dir guten',
    letters: 'äöüß',
    affixes: [[/ung(?:en)?$/, 1.2], [/(?:keit|heit|lich|schaft)$/, 1.2], [/sch/, 0.6], [/chen$/, 0.6], [/tz/, 0.5], [/ei/, 0.2]],
  },
  nl: {
    stopwords:
      'de het een en van is dat niet in op te voor met zijn die er aan om ook als bij of naar wordt worden dit deze maar nog kan wel geen uit hoe wat alle wij ze hij zij heeft hebben werd door over onze mijn geeft terug aantal gebruikers je dank bedankt hulp',
    letters: 'ëï',
    affixes: [[/ij/, 1.2], [/(?:heid|lijk|tje)$/, 1.5], [/oe/, 0.5], [/(?:aa|uu)/, 0.6], [/ee/, 0.3]],
  },
  sv: {
    stopwords:
      'och att det som är en ett i på för med av till har om kan de den inte men så vi från eller när hur vad alla mycket jag du han hon var finns ska skulle efter också bara sig sina returnerar antal användare inget ingen nu där här tack hej',
    letters: 'åäö',
    affixes: [[/(?:arna|orna|erna)$/, 1.2], [/^(?:sj|tj|skj)/, 0.8], [/(?:ning|het|ligt|igt)$/, 0.5], [/ck/, 0.3]],
  },
  da: {
    stopwords:
      'og at det som er en et i på for med af til har om kan de den ikke men så vi fra eller når hvordan hvad alle meget jeg du han hun var findes skal skulle efter også kun sig sine noget nogle mig dig blev bliver returnerer antallet brugere ved nu meget hvad længere efter være tak hjælp hjælpen',
    letters: 'æøå',
    affixes: [[/(?:hed|ede|else)$/, 1], [/^hv/, 0.6], [/(?:erne)$/, 0.6], [/(?:ning|lig)$/, 0.3]],
  },
  no: {
    stopwords:
      'og at det som er en et i på for med av til har om kan de den ikke men så vi fra eller når hvordan hva alle mye jeg du han hun var finnes skal skulle etter også bare seg sine noe noen meg deg ble blir returnerer antall brukere vet nå hva lenger etter være takk tusen hjelp hjelpen',
    letters: 'æøå',
    affixes: [[/het$/, 0.8], [/^(?:kj|gj|hv)/, 0.6], [/(?:ene)$/, 0.4], [/ei/, 0.3]],
  },
  fi: {
    stopwords:
      'ja on ei se että oli ole kun mutta tai niin kuin joka mitä tämä myös jos vain hän ovat sen voi kaikki nyt tässä jo minä sinä me te he olla ollut mukaan koska palauttaa käyttäjien määrän kiitos paljon hei',
    letters: 'äö',
    affixes: [[/(?:ssa|ssä|sta|stä|lla|llä|lle|ksi|tta|ttä)$/, 1], [/(?:inen|isen|aisen|äisen)$/, 1], [/(?:aa|ää|yy|uu|ii|oo)/, 0.5]],
  },
  pl: {
    stopwords:
      'i w z na nie się do to że jest o a jak po co ale od za tak dla czy są ten przez jego może już tylko który która które tego jej ich być był była będzie oraz lub gdy jeśli bardzo można zwraca liczbę użytkowników',
    letters: 'ąćęłńóśźż',
    affixes: [[/(?:rz|cz|sz|prz|szcz)/, 1], [/(?:ść|ać|ować|ego|owie|ami)$/, 0.8]],
  },
  cs: {
    stopwords:
      'a je v se na že to s z do o k i by jako ale za pro jsou není tak jeho jak který která které po od byl byla jsem také už nebo když pokud jen může bude tento tato toto vrací počet uživatelů',
    letters: 'áčďéěíňóřšťúůýž',
    affixes: [[/(?:ství|ový|ová|ové|ého|ých|ními)$/, 1.2], [/(?:ř|ě|ů)/, 1]],
  },
  sk: {
    stopwords:
      'a je v sa na že to s z do o k i by ako ale za pre sú nie tak jeho ktorý ktorá ktoré po od bol bola som tiež už alebo keď ak len môže bude tento táto toto vracia počet používateľov',
    letters: 'áäčďéíĺľňóôŕšťúýž',
    affixes: [[/(?:ô|ĺ|ľ|ŕ)/, 1.2], [/(?:ého|ých|ová|ový)$/, 0.6]],
  },
  ro: {
    stopwords:
      'și şi de în la a cu pe nu care un o este să din pentru mai ce se sunt sau dar ca fost acest această acesta au lui cel cea când dacă foarte toate poate are numărul utilizatorilor returnează',
    letters: 'ăâîșțşţ',
    affixes: [[/(?:ului|ilor|ării|ția|ție|ţia|ţie)$/, 1.5], [/(?:ul|ea)$/, 0.3]],
  },
  hu: {
    stopwords:
      'a az és hogy nem is egy van meg de ez csak már mint el ki be fel még volt vagy kell ha ami amely minden nagyon azt itt nincs lesz lehet ezt én te mi ők által szerint között visszaadja felhasználók számát köszönöm szépen',
    letters: 'áéíóöőúüű',
    affixes: [[/(?:sz|gy|ny|zs|ly|cs)/, 0.5], [/(?:ság|ség|ból|ből|nak|nek|ban|ben|val|vel|hoz|hez|ről|ról|ának|ének)$/, 1.2]],
  },
  tr: {
    stopwords:
      've bir bu da de için ile ne çok daha gibi ama olarak var yok değil ben sen o mi mı her kadar sonra şey olan en ki ya veya bunu şu göre kendi tüm eğer döndürür kullanıcı sayısını',
    letters: 'çğıöşüİ',
    affixes: [[/(?:lar|ler|ları|leri|ını|ini|dır|dir|mak|mek|yor|ması|mesi)$/, 1.2]],
  },
  vi: {
    stopwords:
      'của và là có không được cho các một những trong này với người đã để khi từ thì như đến cũng về sẽ tôi bạn rất nhiều hàm trả số đang',
    // The whole Latin Extended Additional block (ạ…ỹ) is Vietnamese; the detector adds it.
    letters: 'đơư',
    affixes: [],
  },
  id: {
    stopwords:
      'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada bisa adalah oleh saya kami kita mereka sudah belum saja mau hanya jika atau tetapi lebih harus agar sebagai telah yaitu tersebut bagaimana mengembalikan jumlah pengguna nggak gak uang terima kasih',
    letters: '',
    affixes: ID_MS_AFFIXES,
  },
  ms: {
    stopwords:
      'yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke kerana ada boleh adalah oleh saya kami kita mereka sudah belum sahaja mahu hanya jika atau tetapi lebih harus agar sebagai telah iaitu tersebut bagaimana mengembalikan bilangan pengguna ialah daripada bagi tak wang terima kasih',
    letters: '',
    affixes: ID_MS_AFFIXES,
  },
  sw: {
    stopwords:
      'na ya wa kwa ni za la katika hii kuwa cha au lakini kama si yake hiyo sana pia hapa tu mimi wewe yeye sisi nini vya huu hizi wote kila kwamba baada bila idadi watumiaji inarudisha tena bado sasa leo kuna hakuna yangu wangu yako ndiyo hapana sijui kitu watu mtu',
    letters: '',
    affixes: [[/ng['’]/, 2], [/^mw/, 1], [/^(?:hai|hau|hawa|haku|hatu|si)[a-z]{3,}/, 0.5], [/^(?:ana|ali|ata|ame|hu|ita|ime)[a-z]{3,}/, 0.5], [/^(?:wa|ku|ki|vi|ji|ma)[a-z]{3,}/, 0.3]],
  },
};

export const CYRILLIC_PROFILES: ProfileGroup = {
  ru: {
    stopwords:
      'и в не на я что с он как это по но из к у за от о так для же все она вы мы был если бы только уже или ещё его её их когда чтобы может нет да этот эта возвращает количество пользователей почему больше очень сейчас здесь нужно можно чем где спасибо привет пожалуйста',
    letters: 'ыэёъ',
    affixes: [[/(?:ого|его|ый|ий|ая|ое|ться|тся)$/, 0.6], [/(?:ает|яет|ует)$/, 0.8]],
  },
  uk: {
    stopwords:
      'і й в не на я що з він як це по але із к у за від о так для же все вона ви ми був якщо би тільки вже або ще його її їх коли щоб може немає та є до повертає кількість користувачів чому більше дуже зараз тут потрібно можна де дякую привіт будь ласка',
    letters: 'іїєґ',
    affixes: [[/(?:ння|ться|ого|ий)$/, 0.4], [/(?:ає|яє|ує)$/, 0.8]],
  },
  bg: {
    stopwords:
      'и в не на аз че с той как това по но от за о така все тя вие ние беше ако само вече или още го когато да може няма е са към при връща броя потребители защо повече много сега тук трябва благодаря здравей моля',
    letters: 'ъ',
    affixes: [[/(?:ът|та|то|те)$/, 0.4]],
  },
};

export const ARABIC_PROFILES: ProfileGroup = {
  ar: {
    stopwords: 'في من على إلى أن هذا هذه التي الذي عن مع هو هي كان لا ما كل بين أو ثم قد لم إذا عدد المستخدمين يعيد النشطين شكرا',
    // ي and ك are the Arabic forms; Persian and Urdu write ی and ک.
    letters: 'ةىأإآيك',
    affixes: [[/^ال/, 0.8]],
  },
  fa: {
    stopwords: 'و در به از که این را با است برای می آن یک هم تا شود کند ها بود نیست اما یا هر شده کاربران تعداد فعال چرا نمی هست نه خود چه چون باید همه دارد بر شما ما من مرسی ممنون',
    letters: 'پچژگیک',
    affixes: [[/(?:ها|های)$/, 0.5]],
  },
  ur: {
    stopwords: 'کے کی کا میں ہے اور سے کو نے یہ ہیں تھا وہ پر بھی کہ ایک لیے نہیں جو کر گا ہو تو ان صارفین کیوں کیا مجھے آپ ہم تھے تھی رہا رہی گیا والے شکریہ',
    letters: 'ٹڈڑںےھۓپچژگیک',
    affixes: [],
  },
};
