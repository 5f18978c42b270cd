// The text of `alliance-cite --help`.
export const HELP = `Usage: alliance-cite [options] [paths and globs...]
       alliance-cite init
       alliance-cite verify FILE:LINE... [--as-of YYYY-MM-DD]
       alliance-cite report [options] [paths and globs...]
       alliance-cite check-sources [options] [paths and globs...]
       alliance-cite lsp --stdio

Checks that claims about the AI Alliance in Markdown drafts cite an approved source with a
retrieval date, and flags forbidden inferences. Without paths, lints **/*.{md,markdown} under
the current folder, honouring .gitignore files and the config's \`ignore\` globs.

Options:
  -, --stdin                  Read one draft from standard input
  --stdin-filename NAME       Name the standard-input draft (config lookup and output)
  -c, --config FILE           Use this config file instead of the nearest .alliance-cite.yaml
  --print-config FILE         Print the effective config of FILE as YAML and exit
  --as-of YYYY-MM-DD          Judge retrieval dates and date stubs against this day (default: today, UTC)
  -f, --format NAME[=FILE]    stylish (default), json, sarif or github; repeat for several outputs;
                              =FILE writes that format to a file instead of standard output
  --fix                       Apply safe fixes in place (citation stubs marked TODO-verify)
  --fix-dry-run               Print the fixes as a unified diff; change no file
  --max-warnings N            Fail (exit 1) when there are more than N warnings
  --rule RULE=SEVERITY        Set a rule's severity: error, warning, info or off (repeatable)
  -q, --quiet                 Report errors only
  --explain                   Say why each finding was reported: the claim's category, kind of
                              time and trigger, the citations in scope, their types and dates
  --baseline FILE             Report only findings that FILE does not record (default: the
                              config's \`baseline\` file, if it names one)
  --baseline-write FILE       Record every finding of this run in FILE, then report against it
  --no-baseline               Ignore the config's baseline: report every finding
  --threads N                 Lint on N threads (default: one per idle core on large trees)
  --color, --no-color         Force or disable colour (default: colour only on a terminal)
  -h, --help                  Show this help
  -v, --version               Show the version

report: the claims ledger of the drafts (every claim, its category, citations, source types and
retrieval dates, and its status: uncited, wrong-type, invalid-date, undated, unverified, stale,
fine), with totals per status and category. Exits 0 unless a draft cannot be read.
  -f, --format NAME[=FILE]    md (default), json or html (one self-contained page); repeatable
  --stale-within DAYS         Single out fine claims that go stale within DAYS (30d, 4w)
  --as-of, --config, --stdin  As for linting

check-sources: fetches every URL a claim cites and reports, with the unreachable-source rule in
any lint format, the ones that do not answer (4xx, 5xx, DNS, timeout, reset, redirect loop) or
that now redirect to another kind of source. Nothing is fetched by any other command.
  --timeout DURATION          Time allowed per request (default 10s; 500ms, 20s)
  --max-redirects N           Redirects followed per URL (default 5)
  --max-concurrency N         Requests in flight (default 8; one at a time per host)
  --cache-file FILE           Where answers are cached (default .alliance-cite-cache.json)
  --cache-max-age DURATION    How long a cached answer is used (default 1d; 12h, 7d)
  --no-cache                  Fetch every URL, and neither read nor write the cache
  --format, --rule, --max-warnings, --as-of, --config   As for linting

Exit codes:
  0  no finding at or above the failing severity
  1  errors found, or more warnings than --max-warnings allows
  2  usage error, unreadable file, invalid config, or an internal error on a draft
     (the other drafts are still linted)

Examples:
  alliance-cite                                   lint every draft under this folder
  alliance-cite docs/ "posts/**/*.md"             lint a folder and a glob
  alliance-cite --as-of 2026-11-25 --fix drafts/  add citation stubs, dated reproducibly
  alliance-cite --fix-dry-run README.md           show the fixes as a diff
  alliance-cite --format github                   annotate a GitHub pull request
  alliance-cite --format sarif=results.sarif --format stylish
  cat draft.md | alliance-cite --stdin --stdin-filename docs/draft.md
  alliance-cite --rule stale-retrieval-date=off --max-warnings 0
  alliance-cite --baseline-write .alliance-cite-baseline.json   start from today's findings
  alliance-cite init                              write a commented .alliance-cite.yaml
  alliance-cite verify docs/post.md:42            after checking the source: remove the
                                                  TODO-verify on line 42, date it today
  alliance-cite report --format html=claims.html docs/   publish the claims ledger
  alliance-cite report --stale-within 30d         what goes stale next month
  alliance-cite check-sources --format sarif=sources.sarif docs/
  alliance-cite lsp --stdio                       run the language server for an editor (docs/editors.md)
`;
