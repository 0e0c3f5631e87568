import { hash, verify, type Options } from "@node-rs/argon2";

// argon2id with OWASP's 2024 minimums (19 MiB, 2 passes, 1 lane).
// Algorithm 2 is Argon2id (a const enum, which isolatedModules cannot read).
const options: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, checked when the email is unknown so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-0f3c");
  return dummyHash;
}
