import { describe, expect, it } from 'vitest';
import { isAuthorizationReturn } from './sync-config.ts';

describe('isAuthorizationReturn', () => {
  it('recognises the token a storage sends back', () => {
    expect(isAuthorizationReturn('#access_token=abc%3D&token_type=bearer&state=x')).toBe(true);
  });

  it('recognises a refusal sent back', () => {
    expect(isAuthorizationReturn('#error=access_denied&error_description=no&state=x')).toBe(true);
  });

  it('ignores the fragments the reader itself uses', () => {
    for (const hash of ['', '#main', '#h-abc123', '#error']) expect(isAuthorizationReturn(hash)).toBe(false);
  });
});
