// pako 1.x ships no types; this is the one function the Word reader uses.
declare module "pako" {
  export function inflateRaw(data: Uint8Array): Uint8Array;
}
