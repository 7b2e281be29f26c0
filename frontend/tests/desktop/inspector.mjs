// A small client for WebKitGTK's remote inspector, enough to evaluate
// expressions in the page of Folio's real window. WebKit speaks its own
// protocol (not Chrome's), wrapping page commands in Target messages.
import WebSocket from 'ws';
import { sleep } from './harness.mjs';

/** Waits until the inspector's HTTP server lists the page; returns its socket URL. */
export async function findPage(host, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const html = await (await fetch(`http://${host}/`)).text();
      const m = /'\/socket\/(\d+)\/(\d+)\/WebPage'/.exec(html) ?? /(\/socket\/\d+\/\d+\/WebPage)/.exec(html);
      if (m) return `ws://${host}${m[0].replaceAll("'", '').replace(/^[^/]*/, '')}`;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no inspectable page appeared at ${host} within ${timeoutMs} ms`);
}


export class Inspector {
  static async connect(url) {
    const ins = new Inspector(url);
    await ins.ready;
    return ins;
  }

  constructor(url) {
    this.nextId = 1;
    this.pending = new Map();
    this.ws = new WebSocket(url);
    this.ready = new Promise((resolve, reject) => {
      this.ws.on('error', reject);
      this.ws.on('message', (raw) => {
        const msg = JSON.parse(String(raw));
        if (msg.method === 'Target.targetCreated' && !this.target) {
          this.target = msg.params.targetInfo.targetId;
          resolve();
        } else if (msg.method === 'Target.dispatchMessageFromTarget') {
          const inner = JSON.parse(msg.params.message);
          const p = this.pending.get(inner.id);
          if (p) {
            this.pending.delete(inner.id);
            p(inner);
          }
        }
      });
    });
  }

  /** Evaluates an expression in the page and returns its value (JSON-able). */
  evaluate(expression) {
    const id = this.nextId++;
    const inner = { id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to: ${expression}`)), 10_000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(reply.error.message));
        else if (reply.result.wasThrown) reject(new Error(JSON.stringify(reply.result.result)));
        else resolve(reply.result.result.value);
      });
      this.ws.send(JSON.stringify({ id: this.nextId++, method: 'Target.sendMessageToTarget',
        params: { targetId: this.target, message: JSON.stringify(inner) } }));
    });
  }

  /** Polls an expression until it is truthy; returns its value. */
  async waitFor(expression, what, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await this.evaluate(expression).catch((e) => `error: ${e.message}`);
      if (last && !String(last).startsWith('error:')) return last;
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
  }

  close() {
    this.ws.close();
  }
}
