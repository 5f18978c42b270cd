// The commented starter `.alliance-cite.yaml` written by `init` commands. It is valid as it stands
// and changes nothing; each section shows, in comments, what can go there.
import { RULES } from '../rules';
import { DOCS_BASE } from '../rules/meta';

/** The config reference, beside the rule pages the diagnostics link to. */
export const CONFIG_DOCS_URL = DOCS_BASE.replace(/rules\/$/, 'config.md');

function rulesSection(): string {
  const lines = RULES.map((rule) => `  # ${rule.description}\n  ${rule.id}: ${rule.defaultSeverity}`);
  return lines.join('\n');
}

/** Builds the starter config text from the rules' metadata, so every rule appears with its default. */
export function starterConfigText(): string {
  return `# alliance-cite configuration. Files named .alliance-cite.yaml in parent folders (up to the
# repository root) apply too; the nearest one wins. Full reference: ${CONFIG_DOCS_URL}
# (installed with alliance-cite as docs/config.md; in VS Code: "alliance-cite: Show the Config Reference").

# Other config files this one builds on, relative to this file:
# extends: ../shared/.alliance-cite.yaml
extends: []

# Severity per rule: off, info, warning or error (or {severity, options}).
rules:
${rulesSection()}

# Extra source types and URL patterns. Patterns are globs (never regular expressions) and are
# checked before the built-in registry; the first match wins.
sources:
  types: {}
  #   lab-evaluation:
  #     label: an independent evaluation lab
  patterns: []
  #   - { type: safety-eval, host: "*.evals.example.org", path: "/reports/**" }

# Source policy per claim category: approved source types, whether current-state claims need a
# retrieval date, and its maximum age in days.
categories: {}
#   membership:
#     approved: [alliance-site]
#     requireRetrievalDate: true
#     maxAgeDays: 180

# Literal words and phrases added to the claim detector.
lexicon:
  subjects: []      # e.g. [the Alliance's steering committee]
  lookalikes: []    # e.g. [Example Open Alliance]
  projects: []      # e.g. [Our Alliance Project]
  hedges: []        # e.g. [rumoured]
  categories: {}
  #   membership: [signed on as a member]

# Files not to lint (globs relative to this file's folder).
ignore: []
#   - drafts/archive/**

# Findings that existed when the linter was adopted, written by
# \`alliance-cite --baseline-write .alliance-cite-baseline.json\`; only new findings are reported.
# baseline: .alliance-cite-baseline.json
`;
}

export const STARTER_CONFIG: string = starterConfigText();
