import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCard } from '../../../src/hub/cardSanitizer';
import { CardThread } from '../../../src/hub/cardThread';
import { HOSTILE_MARKDOWN } from '../../fake-hf/hostileMarkdown';

const OPTIONS = { baseUrl: 'http://127.0.0.1:5555/org/model/blob/main/' };

/** A model card with a table of `rows` rows (the 0.5-2 MB cards that blocked the host). */
function bigCard(rows: number): string {
  const lines = ['# Benchmarks', '', '| model | task | score | notes |', '|---|---|---|---|'];
  for (let i = 0; i < rows; i++) lines.push(`| model-${i} | translation | ${(i % 100) / 100} | run ${i} with **bold** and [a link](https://example.org/${i}) |`);
  return lines.join('\n');
}

describe('hub/cardThread: cards are rendered off the event loop', function () {
  this.timeout(60_000);
  let thread: CardThread;
  beforeEach(() => (thread = new CardThread()));
  afterEach(() => thread.dispose());

  it('renders exactly what renderCard renders, hostile markup included', async () => {
    const markdown = `# Card\n\n${HOSTILE_MARKDOWN}`;
    assert.deepEqual(await thread.render(markdown, OPTIONS), renderCard(markdown, OPTIONS));
  });

  it('lets the event loop run while a large card is rendered', async () => {
    let done = false;
    const rendering = thread.render(bigCard(20_000), { ...OPTIONS, maxChars: 5_000_000 }).then((card) => {
      done = true;
      return card;
    });
    let turns = 0;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    assert.ok(turns > 1, `the event loop turned ${turns} times while the card was rendered`);
    assert.match((await rendering).html, /<table>/);
  });

  it('answers cards sent together, each with its own', async () => {
    const cards = await Promise.all(['# One', '# Two', '# Three'].map((m) => thread.render(m, OPTIONS)));
    assert.deepEqual(cards.map((c) => /<h1[^>]*>(\w+)<\/h1>/.exec(c.html)?.[1]), ['One', 'Two', 'Three']);
  });

  it('fails a card clearly when the renderer thread dies, and starts a new one for the next card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sarvanom-card-'));
    try {
      const broken = join(dir, 'broken.js');
      writeFileSync(broken, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
      const dying = new CardThread(broken);
      await assert.rejects(dying.render('# x', OPTIONS), /could not be rendered \(the card renderer stopped \(exit code 3\)\)/);
      await assert.rejects(dying.render('# y', OPTIONS), /could not be rendered/, 'a second card gets a new thread, and a clear failure again');
      dying.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects what is still pending when disposed', async () => {
    const pending = thread.render(bigCard(5_000), OPTIONS);
    thread.dispose();
    await assert.rejects(pending, /closed/);
  });
});
