import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';
import { parseSeed } from './parse-seed.ts';

/** The text the corpus build hands to detectLanguage: the headline, then the paragraphs, one per line. */
const articleText = (headline: string, ...paragraphs: string[]) => [headline, ...paragraphs].join('\n');

describe('detectLanguage: languages written in the Latin script, by their common words', () => {
  it.each([
    [
      'English',
      'en',
      articleText(
        'Minimum wage to rise by five percent next year',
        'The government announced on Tuesday that it would raise the minimum wage by five percent, a move that unions said was long overdue and that business groups warned could cost jobs.',
      ),
    ],
    [
      'German',
      'de',
      articleText(
        'Mindestlohn steigt im kommenden Jahr um fünf Prozent',
        'Die Bundesregierung hat am Dienstag angekündigt, den Mindestlohn um fünf Prozent zu erhöhen. Die Gewerkschaften begrüßten die Entscheidung, während die Arbeitgeber vor dem Verlust von Arbeitsplätzen warnten.',
      ),
    ],
    [
      'French',
      'fr',
      articleText(
        'Le salaire minimum augmentera de cinq pour cent',
        'Le gouvernement a annoncé mardi une hausse de cinq pour cent du salaire minimum, une mesure que les syndicats réclamaient depuis longtemps et qui inquiète les organisations patronales.',
      ),
    ],
    [
      'Spanish',
      'es',
      articleText(
        'El salario mínimo subirá un cinco por ciento',
        'El Gobierno anunció el martes una subida del cinco por ciento del salario mínimo, una medida que los sindicatos reclamaban desde hace años y que preocupa a las patronales.',
      ),
    ],
    [
      'Italian',
      'it',
      articleText(
        'Il salario minimo aumenterà del cinque per cento',
        'Il governo ha annunciato martedì un aumento del cinque per cento del salario minimo, una misura che i sindacati chiedevano da tempo e che secondo le imprese non è sostenibile.',
      ),
    ],
    [
      'Portuguese',
      'pt',
      articleText(
        'Salário mínimo sobe cinco por cento no próximo ano',
        'O governo anunciou na terça-feira um aumento de cinco por cento do salário mínimo, uma medida que os sindicatos pediam há muito tempo e que não agrada aos empresários.',
      ),
    ],
    [
      'Dutch',
      'nl',
      articleText(
        'Minimumloon gaat volgend jaar met vijf procent omhoog',
        'De regering heeft dinsdag aangekondigd dat het minimumloon met vijf procent wordt verhoogd. De vakbonden zijn blij met het besluit, maar werkgevers waarschuwen voor het verlies van banen.',
      ),
    ],
  ])('recognises %s news prose as %j', (_name, lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    ['fr', 'Le ministre de l’Économie a présenté mercredi le projet de loi de finances, qui prévoit une baisse de l’impôt sur le revenu pour les ménages modestes.'],
    ['es', 'La Comisión Nacional de los Mercados y la Competencia ha abierto un expediente sancionador a tres empresas de distribución de energía por prácticas contrarias a la competencia.'],
    ['pt', 'A Câmara Municipal de Lisboa aprovou nesta quarta-feira o plano de mobilidade, que prevê a criação de novas ciclovias e o aumento da frota de autocarros.'],
  ])('recognises %j in a sentence full of "de", which is not only Dutch', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    [
      'es',
      articleText(
        'Dimite el director de ventas de Telefónica',
        'El director de ventas de Telefónica de España ha presentado su dimisión tras meses de polémica.',
      ),
    ],
    [
      'fr',
      articleText(
        'Hausse de 5 % du prix de l’électricité',
        'Le prix de l’électricité augmentera de 5 % à partir de février, selon la ministre de l’Énergie.',
      ),
    ],
    [
      'pt',
      articleText('Ministro de Estado visita fábrica de Setúbal', 'O ministro de Estado de Portugal visitou a fábrica de automóveis de Setúbal.'),
    ],
  ])('does not take a short %j news brief full of "de" for Dutch (a wrong lang is worse than none)', (lang, text) => {
    expect([lang, undefined]).toContain(detectLanguage(text));
  });

  it('judges the text whatever its case', () => {
    expect(detectLanguage('THE GOVERNMENT SAID THAT IT WAS READY TO ACT ON THE REPORT AND THE VOTE')).toBe('en');
  });
});

describe('detectLanguage: scripts used by one main language', () => {
  it.each([
    ['Arabic', 'ar', 'أعلنت الحكومة يوم الثلاثاء رفع الحد الأدنى للأجور بنسبة خمسة في المئة، وهي خطوة رحبت بها النقابات.'],
    ['Hebrew', 'he', 'הממשלה הודיעה ביום שלישי על העלאת שכר המינימום בחמישה אחוזים, צעד שהאיגודים בירכו עליו.'],
    ['Greek', 'el', 'Η κυβέρνηση ανακοίνωσε την Τρίτη αύξηση του κατώτατου μισθού κατά πέντε τοις εκατό, μέτρο που χαιρέτισαν τα συνδικάτα.'],
    ['Russian', 'ru', 'Правительство во вторник объявило о повышении минимальной заработной платы на пять процентов, что приветствовали профсоюзы.'],
    ['Japanese', 'ja', '政府は火曜日、最低賃金を5%引き上げると発表した。労働組合はこの決定を歓迎しているが、経営者団体は雇用が失われる恐れがあると警告している。'],
    ['Korean', 'ko', '정부는 화요일 최저임금을 5% 인상한다고 발표했으며, 노동조합은 이 결정을 환영했다.'],
    ['Chinese', 'zh', '政府周二宣布将最低工资提高百分之五，工会对此表示欢迎，但企业团体警告这可能导致失业。'],
    ['Thai', 'th', 'รัฐบาลประกาศเมื่อวันอังคารว่าจะขึ้นค่าแรงขั้นต่ำร้อยละห้า ซึ่งสหภาพแรงงานให้การต้อนรับ'],
    ['Hindi', 'hi', 'सरकार ने मंगलवार को न्यूनतम मजदूरी में पांच प्रतिशत की बढ़ोतरी की घोषणा की, जिसका श्रमिक संघों ने स्वागत किया।'],
  ])('recognises a news sentence in %s as %j', (_name, lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('recognises Japanese written mostly in kanji, as news usually is, rather than taking it for Chinese', () => {
    // 30 letters, of which only は, で, の, を, し, た are kana (20%): Japanese all the same, since Chinese has no kana.
    expect(detectLanguage('日本銀行は金融政策決定会合で大規模金融緩和策の維持を決定した。')).toBe('ja');
  });

  it('recognises the script of an article that quotes a few English words', () => {
    expect(detectLanguage('Президент заявил журналистам, что переговоры с NATO продолжатся на следующей неделе в Брюсселе.')).toBe('ru');
  });

  it('keeps English for an English story that quotes a name in another script', () => {
    const text = articleText(
      'Moscow responds to the new sanctions',
      'The Kremlin spokesman, Dmitry Peskov (Дмитрий Песков), said on Monday that the measures were unlawful and that Russia would respond in kind.',
    );
    expect(detectLanguage(text)).toBe('en');
  });
});

describe('detectLanguage: unsure means undefined', () => {
  it.each([
    ['an empty text', ''],
    ['only spaces and line breaks', ' \n\t \n'],
    ['a two-word headline', 'Breaking news'],
    ['a short phrase with a single common word', 'The end'],
    ['two common words', 'Of the'],
  ])('is undefined for %s', (_label, text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });

  it.each([
    ['numbers and symbols', '12 34 56 78 90 +++ --- *** 1,000.50 £3.2bn 45% 09:30'],
    ['product codes and dates', 'ID 4432-XZ; ref: abc/def; 2024-01-01; SKU 99-12; ZX-81; QX-7700'],
    ['placeholder Latin', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.'],
    ['a results table', 'Group A: 3 pts; Group B: 6 pts; Group C: 1 pt; Group D: 0 pts; Group E: 4 pts'],
    ['emoji and punctuation', '🔥🔥🔥 !!! ??? ... 👍 👍 ✅ — – … “” ‘’'],
  ])('is undefined for noise: %s', (_label, text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });

  it('is undefined for a list of links, whose single letters are not Portuguese words', () => {
    expect(detectLanguage('https://example.com/a/b?c=d&e=f https://example.org/x/y/z')).toBeUndefined();
  });

  it('is undefined for a text with no letters at all, whatever its length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 .,;:!?-+*/%()[]{}\n\t€$£'.split('')) }), (text) => {
        expect(detectLanguage(text)).toBeUndefined();
      }),
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(() => detectLanguage(text)).not.toThrow();
      }),
    );
  });
});

describe('detectLanguage: what it looks at', () => {
  it('judges only the start of a long text', () => {
    const english = 'The minister said that the plan was ready and that it would be put to a vote on Friday. ';
    const german = 'Der Minister sagte, dass der Plan fertig sei und dass die Abstimmung am Freitag sei. ';
    const text = english.repeat(60) + german.repeat(200);
    expect(text.length).toBeGreaterThan(4000 * 2);
    expect(detectLanguage(text)).toBe('en');
  });

  it('is "en" for the bundled seed 000_5e039f83c282c0c8.txt, read the way the build reads it', () => {
    // The committed copy: seeds/ is the user's to replace.
    const file = path.resolve(import.meta.dirname, '../../../tests/fixtures/e2e-seeds/000_5e039f83c282c0c8.txt');
    const seed = parseSeed(readFileSync(file));
    if (!seed.ok) throw new Error(`the seed did not parse: ${seed.reason}`);
    expect(detectLanguage(articleText(seed.headline, ...seed.paragraphs))).toBe('en');
  });
});
