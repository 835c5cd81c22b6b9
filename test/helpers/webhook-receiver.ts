import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

/** One request the receiver got. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** performance.now() when it arrived. */
  at: number;
}

/** How the receiver answers a request (default: 200 with {}); an answer that never ends the response is a hang. */
export type Answer = (request: Received, response: ServerResponse) => void;

/** A receiver that takes the request and never answers. */
export const hang: Answer = () => undefined;

const ok: Answer = (_request, response) =>
  void response.writeHead(200, { 'content-type': 'application/json' }).end('{}');

/** A webhook receiver on 127.0.0.1 that keeps what it was sent; `answer` decides the replies. */
export async function startReceiver(answer: Answer = ok) {
  const received: Received[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      const { method = '', url: path = '', headers } = request;
      const got: Received = { method, path, headers, body, at: performance.now() };
      received.push(got);
      open.add(response);
      response.on('close', () => open.delete(response));
      receiver.answer(got, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const receiver = {
    origin,
    received,
    answer,
    close: async () => {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return receiver;
}
