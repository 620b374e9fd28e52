import { firstFreeSlug, NUMBERED_SLUGS, slugCandidates, slugFor } from '../../../src/modules/articles/article-slugs';

describe('addresses from titles in any script', () => {
  test.each([
    ['Ferry fares rise', 'ferry-fares-rise'],
    ['Tite diz que errou ao levar taça', 'tite-diz-que-errou-ao-levar-taca'],
    ['宇航员在太空中喝酒会怎么样', 'yu-hang-yuan-zai-tai-kong-zhong-he-jiu-hui-zen-me-yang'],
    ['Новости дня', 'novosti-dnya'],
    ['Ελληνικά νέα', 'ellinika-nea'],
    ['!!!', 'article'],
  ])('when the title is %j, then the address is %j', async (title, slug) => {
    expect(await slugFor(title)).toBe(slug);
  });

  test('when addresses are taken, then the first free numbered one is chosen, and one made from the time after the last number', () => {
    expect(firstFreeSlug('story', new Set())).toBe('story');
    expect(firstFreeSlug('story', new Set(['story', 'story-2']))).toBe('story-3');
    expect(firstFreeSlug('story', new Set(['story-2']))).toBe('story');
    expect(firstFreeSlug('story', new Set(slugCandidates('story')))).toMatch(/^story-[0-9a-z]+$/);
    expect(slugCandidates('story')).toHaveLength(NUMBERED_SLUGS);
  });
});
