import { describe, expect, it } from "vitest";
import { readEnv } from "./env.server";

describe("checking the environment at start-up", () => {
  it("has working defaults for a newcomer: embedded database, port 3000", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 3000, DATA_DIR: "./.data" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("lists every problem in one readable message", () => {
    let message = "";
    try {
      readEnv({ NODE_ENV: "production", PORT: "seventy", DATABASE_URL: "mysql://x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("The portal cannot start");
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL must start with postgres:// or postgresql://");
    expect(message).toContain("SESSION_SECRET is required in production");
  });

  it("refuses a short session secret and treats empty variables as unset", () => {
    expect(() => readEnv({ SESSION_SECRET: "short" })).toThrowError(/SESSION_SECRET must be at least 32 characters/);
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
