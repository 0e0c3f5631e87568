import i18next from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { UseFormRegisterReturn } from "react-hook-form";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import common from "../../public/locales/en-GB/common.json";
import { BackLink } from "./back-link";
import { Breadcrumbs } from "./breadcrumbs";
import { Details } from "./details";
import { Checkboxes } from "./forms/checkboxes";
import { DateInput } from "./forms/date-input";
import { FaceScale } from "./forms/face-scale";
import { Radios } from "./forms/radios";
import { Select } from "./forms/select";
import { TextInput } from "./forms/text-input";
import { Textarea } from "./forms/textarea";
import { pageHref, pageItems, Pagination } from "./pagination";
import { SummaryList } from "./summary-list";
import { Table } from "./table";
import { RagTag, Tag } from "./tag";

const i18n = i18next.createInstance();
void i18n.init({
  lng: "en-GB",
  fallbackLng: "en-GB",
  ns: ["common"],
  defaultNS: "common",
  resources: { "en-GB": { common } },
  interpolation: { escapeValue: false },
  initImmediate: false,
});

function render(element: ReactElement): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

// ---- Tiny HTML helpers: enough to check what a browser would build -------

type El = { name: string; attrs: Record<string, string>; raw: string; index: number };

function decode(text: string): string {
  return text
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Every opening tag, optionally only those with this name. */
function tags(html: string, name?: string): El[] {
  const found: El[] = [];
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const tagName = match[1]!.toLowerCase();
    if (name && tagName !== name) continue;
    const attrs: Record<string, string> = {};
    for (const a of match[2]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs[a[1]!.toLowerCase()] = decode(a[2] ?? "");
    found.push({ name: tagName, attrs, raw: match[0], index: match.index });
  }
  return found;
}

function byId(html: string, id: string): El {
  const found = tags(html).filter((t) => t.attrs.id === id);
  expect(found, `exactly one element with id="${id}"`).toHaveLength(1);
  return found[0]!;
}

/** The text inside the element that starts at this tag (up to its matching close tag). */
function innerHtml(html: string, tag: El): string {
  const open = new RegExp(`<${tag.name}[\\s>]`, "g");
  const close = new RegExp(`</${tag.name}>`, "g");
  let depth = 0;
  let position = tag.index;
  const start = tag.index + tag.raw.length;
  for (;;) {
    open.lastIndex = position + 1;
    close.lastIndex = position + 1;
    const nextOpen = open.exec(html);
    const nextClose = close.exec(html)!;
    if (nextOpen && nextOpen.index < nextClose.index) {
      depth += 1;
      position = nextOpen.index;
    } else if (depth === 0) {
      return html.slice(start, nextClose.index);
    } else {
      depth -= 1;
      position = nextClose.index;
    }
  }
}

function textOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
}

/** The text of the <label for=id>, as a screen reader would name the control. */
function labelText(html: string, id: string): string {
  const labels = tags(html, "label").filter((l) => l.attrs.for === id);
  expect(labels, `one label for #${id}`).toHaveLength(1);
  return textOf(innerHtml(html, labels[0]!));
}

function describedBy(tag: El): string[] {
  return (tag.attrs["aria-describedby"] ?? "").split(/\s+/).filter(Boolean);
}

function classes(tag: El): string[] {
  return (tag.attrs.class ?? "").split(/\s+/);
}

/** The error message text includes the visually hidden "Error:" prefix. */
function expectErrorMessage(html: string, id: string, message: string) {
  const element = byId(html, id);
  expect(classes(element)).toContain("govuk-error-message");
  const inner = innerHtml(html, element);
  expect(inner).toMatch(/<span class="govuk-visually-hidden">Error:<\/span>/);
  expect(textOf(inner)).toBe(`Error: ${message}`);
}

// ---- Existing components -------------------------------------------------

describe("TextInput", () => {
  it("labels the input and describes it with the hint and the error", () => {
    const html = render(<TextInput name="email" label="Email address" hint="We will only use it to reply" error="Enter an email address" />);
    expect(labelText(html, "email")).toBe("Email address");
    expect(describedBy(byId(html, "email"))).toEqual(["email-hint", "email-error"]);
    expectErrorMessage(html, "email-error", "Enter an email address");
  });
});

describe("Radios", () => {
  it("gives the first radio the field id", () => {
    const html = render(<Radios name="colour" legend="Colour" choices={[{ value: "red", label: "Red" }, { value: "blue", label: "Blue" }]} />);
    expect(byId(html, "colour").attrs.value).toBe("red");
    expect(labelText(html, "colour-2")).toBe("Blue");
  });
});

// ---- Checkboxes ---------------------------------------------------------

describe("Checkboxes", () => {
  const html = render(
    <Checkboxes
      name="contact"
      legend="How would you like us to contact you?"
      hint="Select all that apply."
      error="Select how you would like us to contact you"
      defaultValues={["letter"]}
      choices={[
        { value: "email", label: "Email" },
        { value: "text", label: "Text message", hint: "To your mobile" },
        { value: "letter", label: "Letter" },
      ]}
    />,
  );

  it("is a fieldset with a legend, described by the hint and the error", () => {
    const fieldset = tags(html, "fieldset")[0]!;
    expect(describedBy(fieldset)).toEqual(["contact-hint", "contact-error"]);
    expect(textOf(innerHtml(html, tags(html, "legend")[0]!))).toBe("How would you like us to contact you?");
    expect(textOf(innerHtml(html, byId(html, "contact-hint")))).toBe("Select all that apply.");
    expectErrorMessage(html, "contact-error", "Select how you would like us to contact you");
  });

  it("labels every checkbox; the first has the field id so the error summary can link to it", () => {
    const inputs = tags(html, "input");
    expect(inputs.map((i) => i.attrs.type)).toEqual(["checkbox", "checkbox", "checkbox"]);
    expect(inputs.map((i) => i.attrs.id)).toEqual(["contact", "contact-2", "contact-3"]);
    expect(inputs.every((i) => i.attrs.name === "contact")).toBe(true);
    expect(["contact", "contact-2", "contact-3"].map((id) => labelText(html, id))).toEqual(["Email", "Text message", "Letter"]);
  });

  it("describes a choice by its own hint and ticks the default values", () => {
    expect(describedBy(byId(html, "contact-2"))).toEqual(["contact-2-item-hint"]);
    expect(textOf(innerHtml(html, byId(html, "contact-2-item-hint")))).toBe("To your mobile");
    expect("checked" in byId(html, "contact-3").attrs).toBe(true);
    expect("checked" in byId(html, "contact").attrs).toBe(false);
  });
});

// ---- Date input ---------------------------------------------------------

describe("DateInput", () => {
  const html = render(
    <DateInput
      name="dob"
      legend="Date of birth"
      hint="For example, 27 3 2012"
      error="Date of birth must include a year"
      errorParts={["year"]}
      defaultValue={{ day: "5", month: "1" }}
      autoCompletePrefix="bday"
    />,
  );

  it("is a group described by the hint and the error", () => {
    const fieldset = tags(html, "fieldset")[0]!;
    expect(fieldset.attrs.role).toBe("group");
    expect(describedBy(fieldset)).toEqual(["dob-hint", "dob-error"]);
    expectErrorMessage(html, "dob-error", "Date of birth must include a year");
  });

  it("has labelled day, month and year boxes; the day box has the field id", () => {
    expect(labelText(html, "dob")).toBe("Day");
    expect(labelText(html, "dob-month")).toBe("Month");
    expect(labelText(html, "dob-year")).toBe("Year");
    const inputs = tags(html, "input");
    expect(inputs.map((i) => i.attrs.name)).toEqual(["dob-day", "dob-month", "dob-year"]);
    expect(inputs.every((i) => i.attrs.inputmode === "numeric" && i.attrs.type === "text")).toBe(true);
    expect(inputs.map((i) => classes(i).find((c) => c.startsWith("govuk-input--width-")))).toEqual([
      "govuk-input--width-2",
      "govuk-input--width-2",
      "govuk-input--width-4",
    ]);
    expect(inputs.map((i) => i.attrs.autocomplete)).toEqual(["bday-day", "bday-month", "bday-year"]);
    expect(inputs.map((i) => i.attrs.value)).toEqual(["5", "1", undefined]);
  });

  it("highlights only the parts in error", () => {
    expect(classes(byId(html, "dob"))).not.toContain("govuk-input--error");
    expect(classes(byId(html, "dob-year"))).toContain("govuk-input--error");
    expect(byId(html, "dob-year").attrs["aria-invalid"]).toBe("true");
  });

  it("highlights all three by default", () => {
    const all = render(<DateInput name="start" legend="Start date" error="Enter a start date" />);
    expect(tags(all, "input").every((i) => classes(i).includes("govuk-input--error"))).toBe(true);
  });
});

// ---- Textarea and character count ---------------------------------------

describe("Textarea", () => {
  it("labels the textarea and describes it by hint and error", () => {
    const html = render(<Textarea name="more" label="Tell us more" hint="Do not include names" error="Enter more detail" />);
    expect(labelText(html, "more")).toBe("Tell us more");
    const textarea = byId(html, "more");
    expect(textarea.name).toBe("textarea");
    expect(describedBy(textarea)).toEqual(["more-hint", "more-error"]);
    expect(classes(textarea)).toContain("govuk-textarea--error");
    expectErrorMessage(html, "more-error", "Enter more detail");
  });

  it("says the limit on the server, as a hint included in aria-describedby", () => {
    const html = render(<Textarea name="more" label="Tell us more" hint="Do not include names" maxLength={200} />);
    const textarea = byId(html, "more");
    expect(describedBy(textarea)).toEqual(["more-hint", "more-info"]);
    const info = byId(html, "more-info");
    expect(classes(info)).toContain("govuk-hint");
    expect(classes(info)).not.toContain("govuk-visually-hidden");
    expect(textOf(innerHtml(html, info))).toBe("You can enter up to 200 characters");
  });

  it("does not set maxlength, so people can paste and then edit", () => {
    const html = render(<Textarea name="more" label="Tell us more" maxLength={10} />);
    expect("maxlength" in byId(html, "more").attrs).toBe(false);
  });

  it("has a polite live region for the count, empty until someone types", () => {
    const html = render(<Textarea name="more" label="Tell us more" maxLength={10} />);
    const live = tags(html).filter((t) => t.attrs["aria-live"] === "polite");
    expect(live).toHaveLength(1);
    expect(classes(live[0]!)).toContain("govuk-visually-hidden");
    expect(textOf(innerHtml(html, live[0]!))).toBe("");
  });

  it("styles text over the limit as an error", () => {
    const html = render(<Textarea name="more" label="Tell us more" maxLength={5} defaultValue="far too long" />);
    expect(classes(byId(html, "more"))).toContain("govuk-textarea--error");
    const fine = render(<Textarea name="more" label="Tell us more" maxLength={50} defaultValue="short" />);
    expect(classes(byId(fine, "more"))).not.toContain("govuk-textarea--error");
  });

  it("takes react-hook-form's register() props", () => {
    const registered: UseFormRegisterReturn<"more"> = { name: "more", onChange: async () => true, onBlur: async () => true, ref: () => undefined };
    const html = render(<Textarea {...registered} label="Tell us more" maxLength={10} />);
    expect(byId(html, "more").attrs.name).toBe("more");
  });

  it("has no character count without maxLength", () => {
    const html = render(<Textarea name="more" label="Tell us more" />);
    expect(html).not.toContain("more-info");
    expect(html).not.toContain("aria-live");
  });
});

// ---- Select -------------------------------------------------------------

describe("Select", () => {
  it("labels the select, describes it and lists the options", () => {
    const html = render(
      <Select
        name="sort"
        label="Sort by"
        hint="Newest is first by default"
        error="Choose an order"
        defaultValue="oldest"
        options={[
          { value: "newest", label: "Newest first" },
          { value: "oldest", label: "Oldest first" },
        ]}
      />,
    );
    expect(labelText(html, "sort")).toBe("Sort by");
    const select = byId(html, "sort");
    expect(select.name).toBe("select");
    expect(describedBy(select)).toEqual(["sort-hint", "sort-error"]);
    expect(classes(select)).toContain("govuk-select--error");
    expectErrorMessage(html, "sort-error", "Choose an order");
    const options = tags(html, "option");
    expect(options.map((o) => o.attrs.value)).toEqual(["newest", "oldest"]);
    expect("selected" in options[1]!.attrs).toBe(true);
  });
});

// ---- Face scale ---------------------------------------------------------

describe("FaceScale", () => {
  const html = render(<FaceScale name="feeling" legend="How do you feel about school?" hint="Choose one face" error="Choose a face" />);

  it("is a set of 5 real radios, each with visible words and a hidden drawing", () => {
    const radios = tags(html, "input");
    expect(radios).toHaveLength(5);
    expect(radios.every((r) => r.attrs.type === "radio" && r.attrs.name === "feeling")).toBe(true);
    expect(radios.map((r) => r.attrs.value)).toEqual(["1", "2", "3", "4", "5"]);
    const ids = radios.map((r) => r.attrs.id!);
    expect(ids[0]).toBe("feeling");
    expect(ids.map((id) => labelText(html, id))).toEqual(["Very unhappy", "Unhappy", "Not sure", "Happy", "Very happy"]);
    for (const label of tags(html, "label")) {
      const inner = innerHtml(html, label);
      const svgs = tags(inner, "svg");
      expect(svgs).toHaveLength(1);
      expect(svgs[0]!.attrs["aria-hidden"]).toBe("true");
      expect(svgs[0]!.attrs.focusable).toBe("false");
      // The words are real text, not an image's alternative.
      expect(textOf(inner).length).toBeGreaterThan(2);
      expect(inner).not.toMatch(/\p{Extended_Pictographic}/u);
    }
  });

  it("is described by its hint and error", () => {
    expect(describedBy(tags(html, "fieldset")[0]!)).toEqual(["feeling-hint", "feeling-error"]);
    expectErrorMessage(html, "feeling-error", "Choose a face");
  });

  it("takes other words and a default", () => {
    const custom = render(<FaceScale name="f" legend="How was today?" labels={{ neutral: "OK" }} defaultValue="3" />);
    expect(labelText(custom, "f-3")).toBe("OK");
    expect("checked" in byId(custom, "f-3").attrs).toBe(true);
  });
});

// ---- Navigation ---------------------------------------------------------

describe("BackLink", () => {
  it("says Back unless told otherwise", () => {
    const html = render(<BackLink href="/admin" />);
    const link = tags(html, "a")[0]!;
    expect(link.attrs.href).toBe("/admin");
    expect(classes(link)).toContain("govuk-back-link");
    expect(textOf(html)).toBe("Back");
  });
});

describe("Breadcrumbs", () => {
  it("is a named navigation with the current page marked", () => {
    const html = render(<Breadcrumbs items={[{ text: "Home", href: "/" }, { text: "Staff area", href: "/admin" }, { text: "Design system" }]} />);
    expect(tags(html, "nav")[0]!.attrs["aria-label"]).toBe("Breadcrumb");
    expect(tags(html, "a").map((a) => a.attrs.href)).toEqual(["/", "/admin"]);
    const current = tags(html, "li").find((li) => li.attrs["aria-current"] === "page")!;
    expect(textOf(innerHtml(html, current))).toBe("Design system");
  });
});

describe("Pagination", () => {
  const html = render(<Pagination baseUrl="/admin/audit" searchParams="action=signed-in&page=5&sort=newest" currentPage={5} totalPages={10} />);
  const links = tags(html, "a");
  const linkText = (a: El) => textOf(innerHtml(html, a));

  it("is a navigation named Pages", () => {
    expect(tags(html, "nav")[0]!.attrs["aria-label"]).toBe("Pages");
  });

  it("marks the current page with aria-current", () => {
    const current = links.filter((a) => a.attrs["aria-current"] === "page");
    expect(current).toHaveLength(1);
    expect(current[0]!.attrs["aria-label"]).toBe("Page 5");
    expect(linkText(current[0]!)).toBe("5");
  });

  it("has previous and next links to the right pages, keeping the other query parameters", () => {
    const previous = links.find((a) => a.attrs.rel === "prev")!;
    const next = links.find((a) => a.attrs.rel === "next")!;
    expect(linkText(previous)).toBe("Previous page");
    expect(linkText(next)).toBe("Next page");
    expect(innerHtml(html, previous)).toContain('<span class="govuk-visually-hidden"> page</span>');
    const prevUrl = new URL(previous.attrs.href!, "http://x");
    const nextUrl = new URL(next.attrs.href!, "http://x");
    expect(prevUrl.pathname).toBe("/admin/audit");
    expect(prevUrl.searchParams.get("page")).toBe("4");
    expect(nextUrl.searchParams.get("page")).toBe("6");
    for (const url of [prevUrl, nextUrl]) {
      expect(url.searchParams.get("action")).toBe("signed-in");
      expect(url.searchParams.get("sort")).toBe("newest");
      expect(url.searchParams.getAll("page")).toHaveLength(1);
    }
  });

  it("shows the first, last, current and neighbouring pages, with ellipses between", () => {
    const numbered = links.filter((a) => a.attrs["aria-label"]?.startsWith("Page "));
    expect(numbered.map((a) => linkText(a))).toEqual(["1", "4", "5", "6", "10"]);
    expect(tags(html, "li").filter((li) => classes(li).includes("govuk-pagination__item--ellipses"))).toHaveLength(2);
  });

  it("leaves out previous on the first page and next on the last", () => {
    const first = render(<Pagination baseUrl="/list" currentPage={1} totalPages={3} />);
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('href="/list?page=2" rel="next"');
    const last = render(<Pagination baseUrl="/list" currentPage={3} totalPages={3} />);
    expect(last).not.toContain('rel="next"');
  });

  it("shows nothing for a single page", () => {
    expect(render(<Pagination baseUrl="/list" currentPage={1} totalPages={1} />)).toBe("");
  });
});

describe("pageItems and pageHref", () => {
  const shape = (current: number, total: number) => pageItems(current, total).map((i) => (i.type === "page" ? i.number : "…"));
  it("shows one hidden page instead of an ellipsis", () => {
    expect(shape(1, 3)).toEqual([1, 2, 3]);
    expect(shape(3, 10)).toEqual([1, 2, 3, 4, "…", 10]);
    expect(shape(1, 10)).toEqual([1, 2, "…", 10]);
    expect(shape(10, 10)).toEqual([1, "…", 9, 10]);
    expect(shape(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it("lets the current query win over the base URL's", () => {
    expect(pageHref("/a?x=1&y=2", new URLSearchParams("x=3"), "page", 2)).toBe("/a?y=2&x=3&page=2");
    expect(pageHref("/a", "tag=a&tag=b", "p", 1)).toBe("/a?tag=a&tag=b&p=1");
  });
});

// ---- Content -----------------------------------------------------------

describe("Details", () => {
  it("is a native details element", () => {
    const html = render(<Details summary="Help with this question">Some help</Details>);
    expect(tags(html, "details")).toHaveLength(1);
    expect(textOf(innerHtml(html, tags(html, "summary")[0]!))).toBe("Help with this question");
    expect(textOf(innerHtml(html, tags(html, "details")[0]!))).toContain("Some help");
  });
});

describe("Tag and RagTag", () => {
  it("shows a tag's words with its colour class", () => {
    const html = render(<Tag colour="green">Active</Tag>);
    expect(html).toBe('<strong class="govuk-tag govuk-tag--green">Active</strong>');
  });

  it("always shows words for a RAG rating, mapping to GOV.UK colours", () => {
    const cases = [
      ["red", "govuk-tag--red", "Red"],
      ["amber", "govuk-tag--yellow", "Amber"],
      ["green", "govuk-tag--green", "Green"],
      ["blue", "govuk-tag--blue", "Blue"],
      ["not_started", "govuk-tag--grey", "Not started"],
    ] as const;
    for (const [status, colourClass, words] of cases) {
      const html = render(<RagTag status={status} />);
      expect(classes(tags(html, "strong")[0]!)).toContain(colourClass);
      expect(textOf(html)).toBe(words);
    }
    expect(textOf(render(<RagTag status="amber">At risk</RagTag>))).toBe("At risk");
  });
});

describe("Table", () => {
  it("has a caption, column headers and row headers, with numbers aligned", () => {
    const html = render(
      <Table
        caption="Referrals by district"
        firstCellIsHeader
        columns={[{ header: "District" }, { header: "Open", numeric: true }]}
        rows={[
          ["North", "23"],
          ["South", "7"],
        ]}
      />,
    );
    expect(textOf(innerHtml(html, tags(html, "caption")[0]!))).toBe("Referrals by district");
    const headers = tags(html, "th");
    expect(headers.map((th) => th.attrs.scope)).toEqual(["col", "col", "row", "row"]);
    expect(classes(headers[1]!)).toContain("govuk-table__header--numeric");
    const cells = tags(html, "td");
    expect(cells.every((td) => classes(td).includes("govuk-table__cell--numeric"))).toBe(true);
  });
});

describe("SummaryList", () => {
  it("pairs keys and values, and says what each change link changes", () => {
    const html = render(
      <SummaryList
        rows={[
          { key: "Name", value: "Sam Smith", actions: [{ href: "/name", visuallyHiddenText: "name" }] },
          { key: "School", value: "Riverside Primary" },
        ]}
      />,
    );
    expect(tags(html, "dt").map((dt) => textOf(innerHtml(html, dt)))).toEqual(["Name", "School"]);
    const link = tags(html, "a")[0]!;
    expect(link.attrs.href).toBe("/name");
    expect(innerHtml(html, link)).toBe('Change<span class="govuk-visually-hidden"> name</span>');
    expect(html).toContain("govuk-summary-list__row govuk-summary-list__row--no-actions");
  });
});
