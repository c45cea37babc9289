import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, CorpusScan, formatCorpusReport, rereadArticle, seedFileOrder, type Corpus, type SeedFile } from './build-corpus.ts';
import { shortHash } from './short-hash.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/seeds');
const fixtureFiles = (): SeedFile[] =>
  readdirSync(FIXTURES).map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) }));

const seed = (name: string, text: string): SeedFile => ({ name, bytes: new TextEncoder().encode(text) });

describe('buildCorpus over the fixture seeds', () => {
  const corpus = buildCorpus(fixtureFiles());

  it('builds an article from every readable .txt seed, in file-name order, id = name without .txt', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual([
      '01-utf8-bom',
      '02-crlf',
      '03-lone-cr',
      '04-blank-lines',
      '05-surrounding-whitespace',
      '06-windows-1252',
      '07-utf16le',
      '08-utf16be',
      '12-trailing-boilerplate',
      '13-rtl',
      '16-control-chars',
    ]);
  });

  it('lists every skipped seed with its reason', () => {
    expect(corpus.skipped).toEqual([
      { file: '09-empty.txt', message: 'empty file' },
      { file: '10-whitespace-only.txt', message: 'no text (only whitespace)' },
      { file: '11-headline-only.txt', message: 'headline only, no body' },
      { file: '14-only-boilerplate.txt', message: 'no body once site boilerplate is removed' },
      { file: '15-binary.txt', message: 'not a text file (binary data)' },
    ]);
  });

  it('lists the warnings of the seeds it kept', () => {
    expect(corpus.warnings).toEqual([
      { file: '06-windows-1252.txt', message: 'not valid UTF-8; read as Windows-1252' },
      { file: '16-control-chars.txt', message: 'removed 2 control characters' },
      // 07 and 08 are the same text in UTF-16 LE and BE: both are built, the second is flagged.
      { file: '08-utf16be.txt', message: 'same text as 07-utf16le.txt' },
    ]);
  });

  it('ignores files that are not .txt seeds', () => {
    const names = [...corpus.articles.map((a) => `${a.id}.txt`), ...corpus.skipped.map((s) => s.file), ...corpus.warnings.map((w) => w.file)];
    expect(names.some((name) => name.endsWith('.md') || name.startsWith('.'))).toBe(false);
  });

  it('fills in slug, excerpt, word count, reading time and language', () => {
    const article = corpus.articles.find((a) => a.id === '12-trailing-boilerplate');
    expect(article).toEqual({
      id: '12-trailing-boilerplate',
      slug: 'headline-followed-by-site-boilerplate',
      headline: 'Headline followed by site boilerplate',
      paragraphs: [
        'The story begins here.',
        'Think your friends would be interested? Share this story!',
        'Comments are closed.',
        'The story ends here.',
      ],
      excerpt: 'The story begins here.',
      wordCount: 20,
      readingMinutes: 1,
      lang: 'en',
    });
  });

  it('gives a right-to-left article a slug in its own script', () => {
    const slug = corpus.articles.find((a) => a.id === '13-rtl')?.slug ?? '';
    expect(slug).toMatch(/^[\u0600-\u06ff]+(-[\u0600-\u06ff]+){3}$/u);
    expect(slug.endsWith('-تنتعش-بعد-القرار')).toBe(true);
  });
});

describe('buildCorpus', () => {
  it('orders by file name in code-unit order, whatever the input order or locale', () => {
    const corpus = buildCorpus([
      seed('b.txt', 'B\nbody'),
      seed('a.txt', 'A\nbody'),
      seed('B.txt', 'Upper B\nbody'),
      seed('9.txt', 'Nine\nbody'),
      seed('10.txt', 'Ten\nbody'),
      seed('é.txt', 'E acute\nbody'),
    ]);
    expect(corpus.articles.map((a) => a.id)).toEqual(['10', '9', 'B', 'a', 'b', 'é']);
  });

  it('accepts an upper-case .TXT extension and strips it from the id', () => {
    expect(buildCorpus([seed('LOUD.TXT', 'Loud\nbody')]).articles.map((a) => a.id)).toEqual(['LOUD']);
  });

  it('ignores .md, .txt.bak and extension-less files', () => {
    const corpus = buildCorpus([seed('notes.md', 'N\nbody'), seed('old.txt.bak', 'O\nbody'), seed('README', 'R\nbody'), seed('txt', 'T\nbody')]);
    expect(corpus).toEqual({ articles: [], skipped: [], warnings: [] });
  });

  it('strips only the final .txt from the id', () => {
    expect(buildCorpus([seed('story.txt.txt', 'S\nbody')]).articles[0]?.id).toBe('story.txt');
  });

  it('gives articles with the same headline distinct slugs, the first keeping the plain one', () => {
    const corpus = buildCorpus([seed('002.txt', 'Same headline\nsecond body'), seed('001.txt', 'Same headline\nfirst body')]);
    expect(corpus.articles.map((a) => [a.id, a.slug])).toEqual([
      ['001', 'same-headline'],
      ['002', `same-headline-${shortHash('002')}`],
    ]);
  });

  it('gives an emoji-only headline the slug "article"', () => {
    expect(buildCorpus([seed('e.txt', '🎉🔥\nbody')]).articles[0]?.slug).toBe('article');
  });

  it('does not let a skipped seed take a slug', () => {
    const corpus = buildCorpus([seed('a.txt', 'Same\n'), seed('b.txt', 'Same\nbody')]);
    expect(corpus.skipped).toEqual([{ file: 'a.txt', message: 'headline only, no body' }]);
    expect(corpus.articles.map((a) => a.slug)).toEqual(['same']);
  });

  it('gives an empty corpus for no files', () => {
    expect(buildCorpus([])).toEqual({ articles: [], skipped: [], warnings: [] });
  });

  it('does not reorder the list of files it is given', () => {
    const files = [seed('b.txt', 'B\nbody'), seed('a.txt', 'A\nbody')];
    buildCorpus(files);
    expect(files.map((f) => f.name)).toEqual(['b.txt', 'a.txt']);
  });
});

describe('CorpusScan: the build\'s first pass', () => {
  /** Scans the fixtures in file order, as the build does, keeping what it hands back. */
  function scanFixtures() {
    const byName = new Map(fixtureFiles().map((file) => [file.name, file]));
    const scan = new CorpusScan();
    const handed: (string | null)[] = [];
    for (const name of seedFileOrder([...byName.keys()])) {
      const file = byName.get(name);
      if (file) handed.push(scan.add(file)?.id ?? null);
    }
    return { scan, handed, byName };
  }

  it('keeps the same summaries, problems and slugs as building in memory, without the text', () => {
    const { scan } = scanFixtures();
    const corpus = buildCorpus(fixtureFiles());
    const { summaries, skipped, warnings } = scan.finish();
    expect(skipped).toEqual(corpus.skipped);
    expect(warnings).toEqual(corpus.warnings);
    expect(summaries.map(({ file: _file, ...summary }) => summary)).toEqual(corpus.articles.map(({ paragraphs: _paragraphs, ...summary }) => summary));
    expect(summaries.every((summary) => !('paragraphs' in summary))).toBe(true);
  });

  it('hands back each parsed article with its text, and null for a skipped seed', () => {
    const { handed } = scanFixtures();
    expect(handed.filter((id) => id === null)).toHaveLength(5);
    expect(handed.filter(Boolean)).toEqual(buildCorpus(fixtureFiles()).articles.map((article) => article.id));
  });

  it('finds the seed file of each summary, for the second pass', () => {
    const { scan, byName } = scanFixtures();
    for (const summary of scan.finish().summaries) expect(byName.has(summary.file) && summary.file.startsWith(summary.id)).toBe(true);
  });

  it('reports an unreadable file among the skipped ones', () => {
    const scan = new CorpusScan();
    scan.addUnreadable({ file: 'locked.txt', message: 'cannot read the file (EACCES)' });
    expect(scan.finish().skipped).toEqual([{ file: 'locked.txt', message: 'cannot read the file (EACCES)' }]);
  });

  it('orders seed names as the build does and leaves out files that are not seeds', () => {
    expect(seedFileOrder(['b.txt', 'notes.md', 'a.TXT', 'B.txt'])).toEqual(['B.txt', 'a.TXT', 'b.txt']);
  });
});

describe('rereadArticle: the build\'s second pass', () => {
  const article = buildCorpus([seed('a.txt', 'A headline\nFirst paragraph.\nSecond one.')]).articles[0];
  if (!article) throw new Error('the seed did not build');
  const { paragraphs: _paragraphs, ...summary } = article;

  it('puts the text back together with the summary the scan kept', () => {
    expect(rereadArticle(seed('a.txt', 'A headline\nFirst paragraph.\nSecond one.'), summary)).toEqual(article);
  });

  it('refuses a seed whose headline changed since the scan, naming it', () => {
    expect(() => rereadArticle(seed('a.txt', 'Another headline\nText.'), summary)).toThrow('seeds/a.txt changed while the build was reading it; build again');
    expect(() => rereadArticle(seed('a.txt', ''), summary)).toThrow(/seeds\/a\.txt changed/);
  });
});

describe('formatCorpusReport', () => {
  const problem = (file: string, message: string) => ({ file, message });

  it('gives one summary line when nothing went wrong', () => {
    const corpus = buildCorpus([seed('a.txt', 'A\nbody')]);
    expect(formatCorpusReport(corpus)).toBe('seeds: 1 article built; 0 files skipped; 0 warnings');
  });

  it('lists skipped files and warnings as "  seeds/NAME: reason" lines', () => {
    const corpus: Corpus = {
      articles: [],
      skipped: [problem('09-empty.txt', 'empty file'), problem('15-binary.txt', 'not a text file (binary data)')],
      warnings: [problem('06-windows-1252.txt', 'not valid UTF-8; read as Windows-1252')],
    };
    expect(formatCorpusReport(corpus).split('\n')).toEqual([
      'seeds: 0 articles built; 2 files skipped; 1 warning',
      'Skipped:',
      '  seeds/09-empty.txt: empty file',
      '  seeds/15-binary.txt: not a text file (binary data)',
      'Warnings:',
      '  seeds/06-windows-1252.txt: not valid UTF-8; read as Windows-1252',
    ]);
  });

  it('uses the given folder label', () => {
    const corpus: Corpus = { articles: [], skipped: [], warnings: [problem('x.txt', 'odd')] };
    expect(formatCorpusReport(corpus, 'my-seeds')).toBe('my-seeds: 0 articles built; 0 files skipped; 1 warning\nWarnings:\n  my-seeds/x.txt: odd');
  });

  it('reports the fixture folder in full', () => {
    expect(formatCorpusReport(buildCorpus(fixtureFiles()))).toBe(
      [
        'seeds: 11 articles built; 5 files skipped; 3 warnings',
        'Skipped:',
        '  seeds/09-empty.txt: empty file',
        '  seeds/10-whitespace-only.txt: no text (only whitespace)',
        '  seeds/11-headline-only.txt: headline only, no body',
        '  seeds/14-only-boilerplate.txt: no body once site boilerplate is removed',
        '  seeds/15-binary.txt: not a text file (binary data)',
        'Warnings:',
        '  seeds/06-windows-1252.txt: not valid UTF-8; read as Windows-1252',
        '  seeds/16-control-chars.txt: removed 2 control characters',
        '  seeds/08-utf16be.txt: same text as 07-utf16le.txt',
      ].join('\n'),
    );
  });
});
