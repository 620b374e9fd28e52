import { claimIdFromUrl, oembedResponse } from '../../../src/modules/embeds/oembed';

describe('oEmbed', () => {
  test.each([
    ['https://fc.example/claims/12', 12],
    ['https://fc.example/embed/claims/7', 7],
    ['https://fc.example/claims/12?utm=x#top', 12],
    ['https://other.example/claims/12', null],
    ['http://fc.example/claims/12', null],
    ['https://fc.example/claims/12/edit', null],
    ['https://fc.example/articles/x', null],
    ['not a url', null],
  ])('when the address is %s, then the claim is %p', (url, id) => {
    expect(claimIdFromUrl(url, 'https://fc.example')).toBe(id);
  });

  test('when Factline lives under a path, then only addresses under it name claims', () => {
    expect(claimIdFromUrl('https://fc.example/desk/claims/3', 'https://fc.example/desk')).toBe(3);
    expect(claimIdFromUrl('https://fc.example/claims/3', 'https://fc.example/desk')).toBeNull();
  });

  test('when a consumer asks with a maximum size, then the rich answer fits it and its HTML frames the card with the title escaped', () => {
    const answer = oembedResponse({
      baseUrl: 'https://fc.example',
      providerName: 'Desk',
      claimId: 5,
      title: 'A "quoted" <claim>',
      maxwidth: 400,
      maxheight: 300,
    });
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', width: 400, height: 300, provider_name: 'Desk', provider_url: 'https://fc.example' });
    expect(answer.html).toBe(
      '<iframe src="https://fc.example/embed/claims/5" width="400" height="300" title="Fact-check: A &quot;quoted&quot; &lt;claim&gt;" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
    expect(oembedResponse({ baseUrl: 'https://fc.example', providerName: 'Desk', claimId: 5, title: 't', maxwidth: 20 }).width).toBe(200);
  });
});
