import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PICTOGRAMS, pictogramUrl, SCALE_PICTOGRAMS, type PictogramName } from "./pictograms";

const folder = join(import.meta.dirname, "../../public/pictograms");
const names = Object.keys(PICTOGRAMS) as PictogramName[];
const files = readdirSync(folder).filter((f) => f.endsWith(".svg"));

/** The shapes a line pictogram needs; anything else (script, foreignObject, image, use, style…) is refused. */
const ALLOWED_ELEMENTS = new Set(["svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"]);

/**
 * A small XML well-formedness check (no XML parser in the project): every tag
 * is closed in order, attributes are quoted and not repeated, and nothing but
 * tags and whitespace sits between them (no text, comments, CDATA or entities).
 */
function parse(svg: string): { elements: { name: string; attrs: Record<string, string> }[] } {
  const elements: { name: string; attrs: Record<string, string> }[] = [];
  const open: string[] = [];
  let rest = svg.trim();
  while (rest.length > 0) {
    const tag = /^<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<&]*")*)\s*(\/?)>/.exec(rest);
    if (!tag) throw new Error(`not a tag at: ${rest.slice(0, 40)}`);
    const [whole, closing, name, attrText, selfClosing] = tag as unknown as [string, string, string, string, string];
    if (closing) {
      if (attrText || selfClosing) throw new Error(`malformed closing tag ${whole}`);
      if (open.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else {
      if (elements.length > 0 && open.length === 0) throw new Error("more than one root element");
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (Object.hasOwn(attrs, a[1]!)) throw new Error(`repeated attribute ${a[1]} on <${name}>`);
        attrs[a[1]!] = a[2]!;
      }
      elements.push({ name, attrs });
      if (!selfClosing) open.push(name);
    }
    rest = rest.slice(whole.length).trimStart();
  }
  if (open.length > 0) throw new Error(`<${open.join(">, <")}> never closed`);
  return { elements };
}

describe("the pictogram set", () => {
  it("has a file for every name, and a name for every file", () => {
    const onDisk = files.map((f) => f.replace(/\.svg$/, "")).sort();
    expect(onDisk).toEqual([...names].sort());
  });

  it("has a pictogram for every fixed scale option", () => {
    for (const name of Object.values(SCALE_PICTOGRAMS)) expect(names).toContain(name);
  });

  it("says where the pictograms come from and their licence", () => {
    const licence = readFileSync(join(folder, "LICENCE.md"), "utf8");
    expect(licence).toMatch(/CC0 1\.0/);
    expect(licence).toMatch(/drawn for this portal/);
  });

  for (const name of names) {
    describe(name, () => {
      const svg = readFileSync(join(folder, `${name}.svg`), "utf8");

      it("is served from /pictograms", () => {
        expect(pictogramUrl(name)).toBe(`/pictograms/${name}.svg`);
      });

      it("is well-formed SVG on a 64 by 64 grid, small enough to load fast", () => {
        const { elements } = parse(svg);
        expect(elements[0]?.name).toBe("svg");
        expect(elements[0]?.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
        expect(elements[0]?.attrs.viewBox).toBe("0 0 64 64");
        expect(elements.length).toBeGreaterThan(1);
        expect(Buffer.byteLength(svg)).toBeLessThan(2048);
      });

      it("is only drawing: no scripts, event handlers, links, styles or text", () => {
        const { elements } = parse(svg);
        expect(svg).not.toMatch(/<script/i);
        for (const element of elements) {
          expect(ALLOWED_ELEMENTS.has(element.name), `<${element.name}> is not allowed`).toBe(true);
          for (const [attr, value] of Object.entries(element.attrs)) {
            if (attr === "xmlns") continue; // the SVG namespace name, checked above: not a link
            expect(attr, `event handler ${attr}`).not.toMatch(/^on/i);
            expect(attr, "links to other files").not.toMatch(/href$/i);
            expect(attr).not.toBe("style");
            expect(value, `${attr} refers to something outside the file`).not.toMatch(/url\(|javascript:|https?:|data:/i);
          }
        }
      });
    });
  }
});
