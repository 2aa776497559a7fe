import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes) keeps a sign-in near 20 ms on one core.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (pw: string) => hash(pw, OPTIONS);

let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, pw: string): Promise<boolean> {
  if (!storedHash) {
    // spend the same time as a real check so a missing account cannot be told apart
    dummyHash ??= hashPassword('no such account');
    await verify(await dummyHash, pw).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, pw);
  } catch {
    return false;
  }
}
