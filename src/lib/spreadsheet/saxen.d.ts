// saxen 11 ships no type declarations; this is the part of its API that xml.ts uses.
declare module 'saxen' {
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(event: 'openTag', cb: (name: string, attrs: () => Record<string, string>, decode: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: 'closeTag', cb: (name: string, decode: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: 'text', cb: (value: string, decode: (s: string) => string) => void): this;
    on(event: 'error' | 'warn', cb: (err: Error) => void): this;
    parse(xml: string): Error | undefined;
    stop(): void;
  }
}
