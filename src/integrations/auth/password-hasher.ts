import { hash, verify } from '@node-rs/argon2';

/** Hashes and checks passwords with argon2id (OWASP's recommended parameters: 19 MiB, t=2, p=1). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

// 2 = Argon2id; the package's const enum cannot be imported under verbatimModuleSyntax.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function createArgon2Hasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, OPTIONS),
    verify: async (hashed, password) => {
      try {
        return await verify(hashed, password);
      } catch {
        return false;
      }
    },
  };
}
