import { SaxesParser } from "saxes";

/** Deeper than any SpreadsheetML part needs: a rich-text cell in a worksheet is 7 levels down. */
export const MAX_XML_DEPTH = 64;
/** Text is fed to the parser in slices, so a part is never held twice as one string. */
const SLICE_BYTES = 64 * 1024;

/** Why a part was refused; the caller maps it to its own error. */
export type XmlRefusal = "DAMAGED" | "FILE_TOO_LARGE" | "TOO_MANY_ROWS";

export class XmlRefusedError extends Error {
  constructor(
    readonly refusal: XmlRefusal,
    reason: string,
  ) {
    super(reason);
    this.name = "XmlRefusedError";
  }
}

export interface XmlElement {
  /** The name without its namespace prefix (`x:row` is `row`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The local names of the open ancestors, the root first. */
  readonly ancestors: readonly string[];
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(name: string, ancestors: readonly string[]): void;
  /** Character data, entities and line ends already decoded; CDATA sections arrive here too. */
  text?(text: string, ancestors: readonly string[]): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Reads a UTF-8 XML document with a conforming streaming parser (saxes), in time linear in its
 * size. Comments and processing instructions carry no data and are skipped; a document type
 * declaration is refused (no workbook needs one, and it is how entity expansion attacks start);
 * so is anything not well-formed or nested deeper than MAX_XML_DEPTH. A handler may throw
 * XmlRefusedError to stop early.
 */
export function scanXml(bytes: Uint8Array, handlers: XmlHandlers): void {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const stack: string[] = [];
  parser.on("doctype", () => {
    throw new XmlRefusedError("DAMAGED", "Document type declarations are not read");
  });
  parser.on("error", (error) => {
    throw new XmlRefusedError("DAMAGED", error.message);
  });
  parser.on("opentag", (tag) => {
    if (stack.length >= MAX_XML_DEPTH) throw new XmlRefusedError("DAMAGED", "Elements nested too deeply");
    const name = localName(tag.name);
    handlers.open?.({ name, attributes: tag.attributes, ancestors: stack });
    stack.push(name);
  });
  parser.on("closetag", () => {
    const name = stack.pop() ?? "";
    handlers.close?.(name, stack);
  });
  if (handlers.text) {
    const onText = (text: string): void => {
      if (stack.length > 0) handlers.text?.(text, stack);
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  // The decoder drops a byte-order mark and keeps characters split across slices whole.
  const decoder = new TextDecoder("utf-8");
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    parser.write(decoder.decode(bytes.subarray(at, at + SLICE_BYTES), { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
}
