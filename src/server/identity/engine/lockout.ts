/** Five failed sign-ins in a row lock an account for fifteen minutes. */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export type LockState = { failedAttempts: number; lockedUntil: Date | null };

export const isLocked = (s: LockState, now: Date) => s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();

/** The state after a failed attempt; a lock that has run out starts the count again. */
export function afterFailure(s: LockState, now: Date): LockState {
  const expired = s.lockedUntil !== null && s.lockedUntil.getTime() <= now.getTime();
  const failed = (expired ? 0 : s.failedAttempts) + 1;
  if (failed >= MAX_FAILED_ATTEMPTS) return { failedAttempts: failed, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedAttempts: failed, lockedUntil: null };
}

export const afterSuccess = (): LockState => ({ failedAttempts: 0, lockedUntil: null });

/** A password must be 8–64 characters with at least two of: letters, digits, symbols. */
export function checkPasswordStrength(pw: string): { ok: true } | { ok: false; reason: string; reasonZh: string } {
  if (pw.length < 8 || pw.length > 64) return { ok: false, reason: 'the password must be 8 to 64 characters', reasonZh: '密码长度应为 8–64 位' };
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(pw)).length;
  if (classes < 2) return { ok: false, reason: 'the password needs at least two of: letters, digits, symbols', reasonZh: '密码至少包含字母、数字、符号中的两类' };
  return { ok: true };
}
