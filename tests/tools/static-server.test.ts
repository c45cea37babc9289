import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../e2e/static-server.ts';

describe('acceptsGzip', () => {
  it('takes gzip when a browser lists it among others', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
  });

  it('takes gzip offered through a wildcard', () => {
    expect(acceptsGzip('*')).toBe(true);
  });

  it('sends plain bytes to a client that asks for none, or refuses gzip with q=0', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br;q=1, gzip;q=0')).toBe(false);
  });

  it('takes gzip with a weight above zero', () => {
    expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
  });
});
