import { describe, expect, it } from 'vitest';
import { newPassphraseProblem } from '../../../../common/passphrase-rules';
import { matchesRecoveryKeyCheck, recoveryKeyCheck } from '../../../../renderer/protection/recovery-key-check';
import { isLockShortcut } from '../../../../renderer/protection/lock-shortcut';

const KEY = '7K3M-Q9TZ-0V4R-HX2C-8N6P-JW1A-5DFG-B3E7-YK2M-S9QH-T4VC-0XR8-6NPZ';

describe('new passphrase rules', () => {
  it('refuses fewer than 10 characters, counting what the user sees (emoji count once)', () => {
    expect(newPassphraseProblem('ninechars', 'ninechars')).toMatch(/at least 10 characters/);
    expect(newPassphraseProblem('🔑🔑🔑🔑🔑🔑🔑🔑🔑', '🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toMatch(/at least 10/);
    expect(newPassphraseProblem('tenletters', 'tenletters')).toBeNull();
  });

  it('refuses two entries that differ', () => {
    expect(newPassphraseProblem('river stone lantern', 'river stone lanterns')).toMatch(/not the same/);
  });
});

describe('typing back part of the recovery key', () => {
  it('asks for the last 8 characters, separators left out', () => {
    expect(recoveryKeyCheck(KEY)).toBe('0XR86NPZ');
  });

  it('accepts them with any case, spaces or dashes, and Crockford look-alikes (O for 0)', () => {
    expect(matchesRecoveryKeyCheck(KEY, '0XR8-6NPZ')).toBe(true);
    expect(matchesRecoveryKeyCheck(KEY, ' oxr8 6npz ')).toBe(true);
  });

  it('refuses other characters, a shorter part and an empty field', () => {
    expect(matchesRecoveryKeyCheck(KEY, '0XR8-6NPY')).toBe(false);
    expect(matchesRecoveryKeyCheck(KEY, '6NPZ')).toBe(false);
    expect(matchesRecoveryKeyCheck(KEY, '')).toBe(false);
    expect(matchesRecoveryKeyCheck(KEY, KEY)).toBe(false);
  });
});

describe('the lock shortcut', () => {
  const key = (over: Partial<KeyboardEvent>) => ({ key: 'l', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });
  it('is Ctrl+L off a Mac and Cmd+L on one', () => {
    expect(isLockShortcut(key({ ctrlKey: true }), false)).toBe(true);
    expect(isLockShortcut(key({ metaKey: true }), true)).toBe(true);
    expect(isLockShortcut(key({ ctrlKey: true, key: 'L' }), false)).toBe(true);
  });
  it('is not the other platform\'s key, nor with Shift or Alt, nor another letter', () => {
    expect(isLockShortcut(key({ metaKey: true }), false)).toBe(false);
    expect(isLockShortcut(key({ ctrlKey: true }), true)).toBe(false);
    expect(isLockShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isLockShortcut(key({ ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isLockShortcut(key({ ctrlKey: true, key: 'k' }), false)).toBe(false);
  });
});
