import { SaxesParser } from "saxes";

// A strict XML reader for tests (saxes, the parser exceljs uses): malformed XML, an undeclared
// namespace prefix or a stray "&" throws, so a test that reads a feed also proves it well-formed.

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: "#document", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("error", (err) => {
    throw err;
  });
  parser.on("opentag", (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
      text: "",
    };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  const [element] = root.children;
  if (!element) throw new Error("no root element");
  return element;
}

/** The children of a node with a name. */
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
/** The text of a node's first child with a name ("" when it has none). */
export const textOf = (node: XmlNode, name: string) => childrenNamed(node, name)[0]?.text ?? "";
