/**
 * `npm run corpus -- --count N --out DIR [--seed S]`: writes N realistic seed files for benchmarks
 * and tests: lengths from a few lines to a very long piece, some French, German and Spanish, some
 * Arabic and Hebrew (right to left), repeated headlines, trailing site boilerplate, blank lines and
 * CRLF endings. Deterministic for a given seed. Generated corpora are not committed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from './text-edits.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const VOCABULARY: Record<string, string[]> = {
  en: 'the government said on monday that its ministers would meet regional leaders to discuss the crisis while markets fell sharply and analysts warned of further delays in the talks between the two sides over trade energy and security council members voted to extend the mission after reports of fighting near the border town where thousands of residents fled their homes'.split(' '),
  fr: 'le gouvernement a annoncé lundi que les ministres rencontreront les dirigeants régionaux pour discuter de la crise alors que les marchés ont chuté et que les analystes craignent de nouveaux retards dans les négociations'.split(' '),
  de: 'die regierung teilte am montag mit dass die minister sich mit den regionalen führern treffen werden um über die krise zu beraten während die märkte stark fielen und analysten vor weiteren verzögerungen warnten'.split(' '),
  es: 'el gobierno anunció el lunes que los ministros se reunirán con los líderes regionales para discutir la crisis mientras los mercados cayeron y los analistas advirtieron de nuevos retrasos en las negociaciones'.split(' '),
  ar: 'قالت الحكومة يوم الاثنين إن الوزراء سيجتمعون مع القادة الإقليميين لمناقشة الأزمة بينما تراجعت الأسواق وحذر المحللون من مزيد من التأخير في المحادثات'.split(' '),
  he: 'הממשלה הודיעה ביום שני כי השרים ייפגשו עם מנהיגים אזוריים כדי לדון במשבר בעוד השווקים ירדו והאנליסטים הזהירו מפני עיכובים נוספים בשיחות'.split(' '),
};
const BOILERPLATE = ['Think your friends would be interested? Share this story!', 'Comments are closed.', 'Sign up for our newsletter for the latest news.'];

let random = createRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function sentence(words: readonly string[]): string {
  const length = 8 + Math.floor(random() * 22);
  const text = Array.from({ length }, () => pick(words)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraphCount(): number {
  const roll = random();
  if (roll < 0.15) return 1 + Math.floor(random() * 3);
  if (roll < 0.9) return 4 + Math.floor(random() * 16);
  if (roll < 0.99) return 20 + Math.floor(random() * 60);
  return 200 + Math.floor(random() * 300);
}

/** Writes `count` seed files into `out` (emptied first). */
export function writeCorpus(count: number, out: string, seed = 7): void {
  random = createRandom(seed);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const headlines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const roll = random();
    const lang = roll < 0.85 ? 'en' : pick(['fr', 'de', 'es', 'ar', 'he'] as const);
    const words = VOCABULARY[lang] as string[];
    const repeated = headlines.length > 0 && random() < 0.02;
    const headline = repeated ? pick(headlines) : sentence(words).replace(/\.$/, '').slice(0, 90 + Math.floor(random() * 40));
    headlines.push(headline);
    const paragraphs = Array.from({ length: paragraphCount() }, () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => sentence(words)).join(' '));
    const tail = random() < 0.3 ? [pick(BOILERPLATE)] : [];
    const separator = random() < 0.2 ? '\n\n' : '\n';
    const newline = random() < 0.1 ? '\r\n' : '\n';
    const text = [headline, ...paragraphs, ...tail].join(separator).replace(/\n/g, newline);
    writeFileSync(path.join(out, `${String(index).padStart(5, '0')}_${lang}.txt`), `${text}${newline}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const count = Number(option('count', '1000'));
  const out = path.resolve(option('out', 'corpus'));
  writeCorpus(count, out, Number(option('seed', '7')));
  console.log(`${count} seed files written to ${path.relative(process.cwd(), out) || '.'}`);
}
