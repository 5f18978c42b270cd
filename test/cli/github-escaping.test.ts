import { strict as assert } from 'node:assert';
import { formatGithub } from '../../src/cli/formatters/github';
import type { FileReport } from '../../src/cli/report';

describe('github format escaping', () => {
  it('escapes %, line breaks, and the property separators : and , as the Actions runner expects', () => {
    const report: FileReport = {
      path: 'docs/a,b:c.md',
      findings: [
        {
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          rule: 'missing-citation',
          severity: 'warning',
          category: 'membership',
          message: '100% sure:\r\nsecond line, still data',
          fixable: true,
          fingerprint: '0'.repeat(32),
          claim: 'A claim.',
        },
      ],
    };
    assert.equal(
      formatGithub([report], '/work', undefined),
      '::warning file=docs/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=9,title=missing-citation::100%25 sure:%0D%0Asecond line, still data\n',
    );
  });

  it('prints nothing when there are no findings', () => {
    assert.equal(formatGithub([{ path: 'a.md', findings: [] }], '/work', undefined), '');
  });
});
