import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../../src/server/server';
import { allText, message, startBot, type TestBot } from '../support/bot-server';

/** Issue 9, item 7: an empty conversation id is a clear 400; slow senders cannot hold a connection. */
describe('edge limits', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot?.close());

  it('answers an empty conversation.id with 400 naming the field, not an apology', async () => {
    const { status, body, activities } = await bot.send(message('help', { conversation: { id: '' } }));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/conversation\.id: must not be empty/);
    expect(allText(activities)).not.toMatch(/Sorry/);
  });

  /** Opens a raw connection, sends `start`, then one byte every 500 ms; resolves with when it was closed. */
  function trickle(start: string): Promise<{ closedAfterMs: number; answer: string }> {
    const { port } = new URL(bot.url);
    return new Promise((resolve, reject) => {
      const started = Date.now();
      let answer = '';
      const socket = connect(Number(port), '127.0.0.1', () => socket.write(start));
      const drip = setInterval(() => socket.writable && socket.write('a'), 500);
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ closedAfterMs: Date.now() - started, answer });
      });
      socket.on('error', () => undefined);
      setTimeout(() => {
        socket.destroy();
        reject(new Error('the connection was still open after 60 s'));
      }, 60_000);
    });
  }

  it('closes a connection whose headers never end within the header timeout', async () => {
    const { closedAfterMs, answer } = await trickle(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 5_000);
  }, 60_000);

  it('closes a connection whose body trickles in within the request timeout', async () => {
    const head = `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text":"`;
    const { closedAfterMs, answer } = await trickle(head);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
  }, 60_000);
});
