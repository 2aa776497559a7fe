// Minimal typings for the `ws` package (no @types/ws installed): only what the arena uses.
declare module 'ws' {
  type Data = string | Buffer | ArrayBuffer | Buffer[];
  type ClientOptions = { headers?: Record<string, string>; perMessageDeflate?: boolean; maxPayload?: number; handshakeTimeout?: number };
  class WebSocket extends (await import('node:events')).EventEmitter {
    constructor(url: string, opts?: ClientOptions);
    static readonly CONNECTING: 0;
    static readonly OPEN: 1;
    static readonly CLOSING: 2;
    static readonly CLOSED: 3;
    readonly readyState: 0 | 1 | 2 | 3;
    readonly bufferedAmount: number;
    send(data: string | Buffer, cb?: (err?: Error) => void): void;
    send(data: string | Buffer, opts: { binary?: boolean; compress?: boolean; fin?: boolean }, cb?: (err?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    ping(data?: unknown): void;
  }
  type ServerOptions = { port?: number; host?: string; noServer?: boolean; maxPayload?: number; perMessageDeflate?: boolean; server?: unknown };
  class WebSocketServer extends (await import('node:events')).EventEmitter {
    constructor(opts: ServerOptions, cb?: () => void);
    readonly clients: Set<WebSocket>;
    address(): { port: number } | string | null;
    close(cb?: (err?: Error) => void): void;
  }
  export { WebSocket, WebSocketServer, WebSocketServer as Server, type ServerOptions, type ClientOptions, type Data, type Data as RawData };
  export default WebSocket;
}
