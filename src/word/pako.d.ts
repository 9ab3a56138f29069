// pako 1.x ships no types; this is the one function the Word reader uses.
declare module "pako" {
  export function inflateRaw(data: Uint8Array): Uint8Array;
}

// pako 1.x's streaming inflater, for an inflate that stops at a part's limit (src/xlsx/script-inflate.ts).
declare module "pako" {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData(chunk: Uint8Array): void;
    err: number;
    msg: string;
  }
}
