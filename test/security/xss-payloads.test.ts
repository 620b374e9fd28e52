import { XSS_PAYLOADS, MALICIOUS_URLS } from './xss-payloads';
import { isSafeHttpUrl } from '../../src/lib/urls';

describe('the security corpora', () => {
  test('when counted, then there are at least 200 distinct XSS payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
  });

  test.each(MALICIOUS_URLS.map((url) => [JSON.stringify(url).slice(0, 60), url]))('when the URL %s is checked, then it is refused', (_label, url) => {
    expect(isSafeHttpUrl(url.trim())).toBe(false);
  });
});
