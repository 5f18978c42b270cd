import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/defaults';
import { sourceRegistry, typeFromWording } from '../../../src/core/evidence/sources';

describe('source typing', () => {
  const registry = sourceRegistry(defaultConfig());
  const cases: [string, string][] = [
    ['https://thealliance.ai/members', 'alliance-site'],
    ['https://www.thealliance.ai/governance', 'alliance-site'],
    ['https://events.thealliance.ai/x', 'alliance-site'],
    ['https://web.archive.org/web/20261001000000/https://thealliance.ai/members', 'alliance-site'],
    ['https://github.com/The-AI-Alliance', 'alliance-github'],
    ['https://github.com/The-AI-Alliance/community/blob/main/README.md', 'alliance-github'],
    ['https://the-ai-alliance.github.io/', 'alliance-github'],
    ['https://newsroom.ibm.com/2023-12-05-AI-Alliance-Launches-as-an-International-Community-of-Leading-Technology-Developers', 'ibm-launch'],
    ['https://newsroom.ibm.com/2024-05-01-something-else', 'vendor-site'],
    ['https://ai.meta.com/blog/ai-alliance/', 'meta-launch'],
    ['https://opensource.org/ai/open-source-ai-definition', 'osi'],
    ['https://github.com/ServiceNow/geo-bench', 'project-repo'],
    ['https://huggingface.co/ibm-granite/granite-3.0-8b-instruct', 'project-page'],
    ['https://en.wikipedia.org/wiki/AI_Alliance', 'wikipedia'],
    ['https://news.example.com/story', 'news'],
    ['https://techcrunch.com/2023/12/05/ibm-and-meta-launch-ai-alliance/', 'news'],
    ['https://bit.ly/ai-alliance', 'url-shortener'],
    ['https://x.com/aialliance/status/1', 'social-media'],
    ['https://www.prnewswire.com/news-releases/x.html', 'press-wire'],
    ['https://ai-infrastructure.org/', 'unknown'],
    ['not a url', 'unknown'],
    ['LICENSE', 'project-repo'],
    ['../../docs/governance.md', 'project-repo'],
    ['{{site.baseurl}}/about', 'alliance-github'],
    ['{{ page.tech_docs }}/training.md', 'alliance-github'],
    ['#members', 'unknown'],
    ['mailto:info@example.org', 'unknown'],
    ['thealliance.ai/members', 'alliance-site'],
  ];
  for (const [url, type] of cases) {
    it(`${url} is ${type}`, () => assert.equal(registry.typeOf(url), type));
  }

  it('types a citation without a URL by the source it names', () => {
    assert.equal(typeFromWording('IBM Newsroom press release, 5 December 2023'), 'ibm-launch');
    assert.equal(typeFromWording('The AI Alliance members page'), 'alliance-site');
    assert.equal(typeFromWording('A conversation with a colleague'), undefined);
  });

  it('matches a long hostile URL quickly (linear-time patterns)', () => {
    const url = 'https://web.archive.org/web/' + 'a/'.repeat(5000) + 'x';
    assert.equal(registry.typeOf(url), 'unknown');
  });
});
