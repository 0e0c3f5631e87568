import { describe, expect, it } from "vitest";
import { redact, REDACTED } from "./redact";

const text = (input: string) => redact(input).text;

describe("taking out email addresses", () => {
  it("removes them wherever they are", () => {
    expect(text("Email me at jo.bloggs+send@example.org please")).toBe(`Email me at ${REDACTED.email} please`);
    expect(text("a@b.co.uk, c_d@mail.example.com")).toBe(`${REDACTED.email}, ${REDACTED.email}`);
  });
});

describe("taking out UK phone numbers", () => {
  it.each([
    "07700 900123",
    "07700900123",
    "07700 900 123",
    "07700-900-123",
    "01632 960001",
    "(01632) 960 001",
    "020 7946 0000",
    "0800 123 4567",
    "+44 7700 900123",
    "+447700900123",
    "+44 (0)20 7946 0000",
  ])("%s", (number) => {
    const result = redact(`Ring me on ${number} after 3.`);
    expect(result.text).toBe(`Ring me on ${REDACTED.phone} after 3.`);
    expect(result.removed).toBe(1);
  });

  it("leaves numbers that are not phone numbers", () => {
    for (const s of ["We waited 18 months, since 2019.", "On 01.02.2024 at 09:30", "Year 10, ages 11 to 15", "EHC plan ref 123456789", "0 to 4"]) {
      expect(text(s), s).toBe(s);
    }
  });

  it("does not swallow a number after the phone number", () => {
    expect(text("call 07700 900123 2 times")).toBe(`call ${REDACTED.phone} 2 times`);
  });
});

describe("taking out names", () => {
  it("after 'my son is called' and the like", () => {
    expect(text("My son is called Jack and he is 9.")).toBe(`My son is called ${REDACTED.name} and he is 9.`);
    expect(text("our daughter named Amira Khan waited")).toBe(`our daughter named ${REDACTED.name} waited`);
    expect(text("my youngest child's name is Ola.")).toBe(`my youngest child's name is ${REDACTED.name}.`);
  });

  it("after a title", () => {
    expect(text("Mrs Hargreaves at school was brilliant")).toBe(`${REDACTED.name} at school was brilliant`);
    expect(text("Dr. Okafor listened; Mr Dale Price did not.")).toBe(`${REDACTED.name} listened; ${REDACTED.name} did not.`);
  });

  it("counts what it took out, and leaves plain text alone", () => {
    expect(redact("Mr Smith, 07700 900123, smith@example.org").removed).toBe(3);
    const plain = "The wait for an assessment is far too long. Nobody calls back.";
    expect(redact(plain)).toEqual({ text: plain, removed: 0 });
  });

  it("cannot see a name on its own (a documented limit)", () => {
    expect(text("Jack has waited two years")).toBe("Jack has waited two years");
  });
});
