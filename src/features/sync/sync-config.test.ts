import { describe, expect, it } from 'vitest';
import { isAuthorizationReturn } from './sync-config.ts';

describe('isAuthorizationReturn', () => {
  it('recognises the token a storage sends back', () => {
    expect(isAuthorizationReturn({ hash: '#access_token=abc%3D&token_type=bearer&state=x', search: '' })).toBe(true);
  });

  it('recognises a refusal sent back', () => {
    expect(isAuthorizationReturn({ hash: '#error=access_denied&error_description=no&state=x', search: '' })).toBe(true);
  });

  it('recognises the code Dropbox sends back', () => {
    expect(isAuthorizationReturn({ hash: '', search: '?code=abc&state=xyz' })).toBe(true);
  });

  it('ignores the fragments and queries the reader itself uses', () => {
    for (const hash of ['', '#main', '#h-abc123', '#error']) expect(isAuthorizationReturn({ hash, search: '?q=code&status=unread' })).toBe(false);
  });
});
