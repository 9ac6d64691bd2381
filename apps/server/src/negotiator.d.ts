// negotiator ships no types: the one method the server uses (https://github.com/jshttp/negotiator).
declare module "negotiator" {
  export default class Negotiator {
    constructor(request: { readonly headers: Readonly<Record<string, string | string[] | undefined>> });
    /** The client's preferred of `available` by its Accept-Encoding, or undefined when it takes none of them. */
    encoding(available: readonly string[]): string | undefined;
  }
}
