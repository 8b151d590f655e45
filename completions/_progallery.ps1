
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'progallery' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'progallery'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'progallery' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('galleries', 'galleries', [CompletionResultType]::ParameterValue, 'List, show, create, clone, update, delete and restore galleries')
            [CompletionResult]::new('gallery', 'gallery', [CompletionResultType]::ParameterValue, 'List, show, create, clone, update, delete and restore galleries')
            [CompletionResult]::new('items', 'items', [CompletionResultType]::ParameterValue, 'List, search, add, update, move, reorder, delete and restore the items of a gallery')
            [CompletionResult]::new('item', 'item', [CompletionResultType]::ParameterValue, 'List, search, add, update, move, reorder, delete and restore the items of a gallery')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Save, remove and check the credentials of a site')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Make a raw API call with the profile''s credentials, for anything not covered')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for every command into a directory')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run and manage the local sandbox service')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Receive, verify and send Pro Gallery webhook events')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;galleries' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one gallery')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a gallery and its items into a new gallery')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename a gallery or change its position on the site')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring back a deleted gallery and its items from the journal its delete wrote')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;gallery' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one gallery')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a gallery and its items into a new gallery')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename a gallery or change its position on the site')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring back a deleted gallery and its items from the journal its delete wrote')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;galleries;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Galleries per page (1..10, the service''s maximum)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Galleries per page (1..10, the service''s maximum)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Galleries per page (1..10, the service''s maximum)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Galleries per page (1..10, the service''s maximum)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the new gallery')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Position of the gallery on the site (default: chosen by the service)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'A gallery as JSON (`{"gallery": …}` or the bare object); `-` reads stdin. Its items are created too')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the new gallery')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Position of the gallery on the site (default: chosen by the service)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'A gallery as JSON (`{"gallery": …}` or the bare object); `-` reads stdin. Its items are created too')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;clone' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the copy (default: the original''s name)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;clone' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the copy (default: the original''s name)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'New position on the site')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New name')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'New position on the site')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;rm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;rm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;restore' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal written by galleries delete')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;gallery;restore' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal written by galleries delete')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;galleries;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one gallery')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a gallery and its items into a new gallery')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename a gallery or change its position on the site')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring back a deleted gallery and its items from the journal its delete wrote')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;galleries;help;list' {
            break
        }
        'progallery;galleries;help;get' {
            break
        }
        'progallery;galleries;help;create' {
            break
        }
        'progallery;galleries;help;clone' {
            break
        }
        'progallery;galleries;help;update' {
            break
        }
        'progallery;galleries;help;delete' {
            break
        }
        'progallery;galleries;help;restore' {
            break
        }
        'progallery;galleries;help;help' {
            break
        }
        'progallery;gallery;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one gallery')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a gallery and its items into a new gallery')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename a gallery or change its position on the site')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring back a deleted gallery and its items from the journal its delete wrote')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;gallery;help;list' {
            break
        }
        'progallery;gallery;help;get' {
            break
        }
        'progallery;gallery;help;create' {
            break
        }
        'progallery;gallery;help;clone' {
            break
        }
        'progallery;gallery;help;update' {
            break
        }
        'progallery;gallery;help;delete' {
            break
        }
        'progallery;gallery;help;restore' {
            break
        }
        'progallery;gallery;help;help' {
            break
        }
        'progallery;items' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one item')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change one item''s title, description, alt text, link, tags, focal point or position, or many from a file')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move an item before or after another, or to either end')
            [CompletionResult]::new('reorder', 'reorder', [CompletionResultType]::ParameterValue, 'Put every item of a gallery in a given order, with the fewest updates')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('bulk-delete', 'bulk-delete', [CompletionResultType]::ParameterValue, 'Delete many items, selected by id, by --where filter or --all, journaled for undo')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every gallery of the site by title and description (needs the Wix Site Search app)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Re-create the items a delete journaled (running it twice adds nothing twice)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;item' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one item')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change one item''s title, description, alt text, link, tags, focal point or position, or many from a file')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move an item before or after another, or to either end')
            [CompletionResult]::new('reorder', 'reorder', [CompletionResultType]::ParameterValue, 'Put every item of a gallery in a given order, with the fewest updates')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('bulk-delete', 'bulk-delete', [CompletionResultType]::ParameterValue, 'Delete many items, selected by id, by --where filter or --all, journaled for undo')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every gallery of the site by title and description (needs the Wix Site Search app)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Re-create the items a delete journaled (running it twice adds nothing twice)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;items;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1..100, the service''s maximum; default 50)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1..100, the service''s maximum; default 50)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1..100, the service''s maximum; default 50)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;ls' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1..100, the service''s maximum; default 50)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;add' {
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Original width in pixels of a Wix media id (default: read from the Media Manager)')
            [CompletionResult]::new('--height', '--height', [CompletionResultType]::ParameterName, 'Original height in pixels of a Wix media id (default: read from the Media Manager)')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Add a text item with this HTML')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'A manifest, one row per item: CSV with a header (source,title,description,alt,link,tags, sortOrder), JSONL or JSON rows with those keys, or whole items as `items list -o json` prints them; `-` reads stdin. Checked whole before anything is sent')
            [CompletionResult]::new('--position', '--position', [CompletionResultType]::ParameterName, 'Where the new items go: first, last, before:ITEM_ID or after:ITEM_ID (input order is kept)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sources are uploaded, imported and added at once')
            [CompletionResult]::new('--import-timeout', '--import-timeout', [CompletionResultType]::ParameterName, 'Give up on a URL import that is not ready after this many seconds')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--alt', '--alt', [CompletionResultType]::ParameterName, 'Alt text of an image item')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Link opened when the item is clicked (an external http(s) URL)')
            [CompletionResult]::new('--link-text', '--link-text', [CompletionResultType]::ParameterName, 'Text of the link')
            [CompletionResult]::new('--link-target', '--link-target', [CompletionResultType]::ParameterName, 'Where the link opens: _blank (a new tab, the default) or _self')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable). With `items update` the tags given replace the item''s tags; --add-tag and --remove-tag change some of them')
            [CompletionResult]::new('--focal-point', '--focal-point', [CompletionResultType]::ParameterName, 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Add the supported files of folders'' subfolders too')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Add the supported files of folders'' subfolders too')
            [CompletionResult]::new('--allow-duplicates', '--allow-duplicates', [CompletionResultType]::ParameterName, 'Add even what the gallery already holds (same file content, media, video URL or text)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;add' {
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Original width in pixels of a Wix media id (default: read from the Media Manager)')
            [CompletionResult]::new('--height', '--height', [CompletionResultType]::ParameterName, 'Original height in pixels of a Wix media id (default: read from the Media Manager)')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Add a text item with this HTML')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'A manifest, one row per item: CSV with a header (source,title,description,alt,link,tags, sortOrder), JSONL or JSON rows with those keys, or whole items as `items list -o json` prints them; `-` reads stdin. Checked whole before anything is sent')
            [CompletionResult]::new('--position', '--position', [CompletionResultType]::ParameterName, 'Where the new items go: first, last, before:ITEM_ID or after:ITEM_ID (input order is kept)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many sources are uploaded, imported and added at once')
            [CompletionResult]::new('--import-timeout', '--import-timeout', [CompletionResultType]::ParameterName, 'Give up on a URL import that is not ready after this many seconds')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--alt', '--alt', [CompletionResultType]::ParameterName, 'Alt text of an image item')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Link opened when the item is clicked (an external http(s) URL)')
            [CompletionResult]::new('--link-text', '--link-text', [CompletionResultType]::ParameterName, 'Text of the link')
            [CompletionResult]::new('--link-target', '--link-target', [CompletionResultType]::ParameterName, 'Where the link opens: _blank (a new tab, the default) or _self')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable). With `items update` the tags given replace the item''s tags; --add-tag and --remove-tag change some of them')
            [CompletionResult]::new('--focal-point', '--focal-point', [CompletionResultType]::ParameterName, 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Add the supported files of folders'' subfolders too')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Add the supported files of folders'' subfolders too')
            [CompletionResult]::new('--allow-duplicates', '--allow-duplicates', [CompletionResultType]::ParameterName, 'Add even what the gallery already holds (same file content, media, video URL or text)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;update' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'New HTML of a text item')
            [CompletionResult]::new('--add-tag', '--add-tag', [CompletionResultType]::ParameterName, 'Add a tag, keeping the others (repeatable)')
            [CompletionResult]::new('--remove-tag', '--remove-tag', [CompletionResultType]::ParameterName, 'Remove a tag, keeping the others (repeatable)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Edits for many items: JSONL (or a JSON array) of objects with `id` and any of title, description, alt, link, linkText, linkTarget, clearLink, tags, addTags, removeTags, focalPoint, sortOrder; `-` reads stdin. Checked whole before anything is sent')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Updates sent at once with --from-file')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--alt', '--alt', [CompletionResultType]::ParameterName, 'Alt text of an image item')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Link opened when the item is clicked (an external http(s) URL)')
            [CompletionResult]::new('--link-text', '--link-text', [CompletionResultType]::ParameterName, 'Text of the link')
            [CompletionResult]::new('--link-target', '--link-target', [CompletionResultType]::ParameterName, 'Where the link opens: _blank (a new tab, the default) or _self')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable). With `items update` the tags given replace the item''s tags; --add-tag and --remove-tag change some of them')
            [CompletionResult]::new('--focal-point', '--focal-point', [CompletionResultType]::ParameterName, 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--clear-link', '--clear-link', [CompletionResultType]::ParameterName, 'Remove the item''s link')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;update' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'New HTML of a text item')
            [CompletionResult]::new('--add-tag', '--add-tag', [CompletionResultType]::ParameterName, 'Add a tag, keeping the others (repeatable)')
            [CompletionResult]::new('--remove-tag', '--remove-tag', [CompletionResultType]::ParameterName, 'Remove a tag, keeping the others (repeatable)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Edits for many items: JSONL (or a JSON array) of objects with `id` and any of title, description, alt, link, linkText, linkTarget, clearLink, tags, addTags, removeTags, focalPoint, sortOrder; `-` reads stdin. Checked whole before anything is sent')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Updates sent at once with --from-file')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description')
            [CompletionResult]::new('--alt', '--alt', [CompletionResultType]::ParameterName, 'Alt text of an image item')
            [CompletionResult]::new('--link', '--link', [CompletionResultType]::ParameterName, 'Link opened when the item is clicked (an external http(s) URL)')
            [CompletionResult]::new('--link-text', '--link-text', [CompletionResultType]::ParameterName, 'Text of the link')
            [CompletionResult]::new('--link-target', '--link-target', [CompletionResultType]::ParameterName, 'Where the link opens: _blank (a new tab, the default) or _self')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable). With `items update` the tags given replace the item''s tags; --add-tag and --remove-tag change some of them')
            [CompletionResult]::new('--focal-point', '--focal-point', [CompletionResultType]::ParameterName, 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)')
            [CompletionResult]::new('--sort-order', '--sort-order', [CompletionResultType]::ParameterName, 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--clear-link', '--clear-link', [CompletionResultType]::ParameterName, 'Remove the item''s link')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;move' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Put it just before this item')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Put it just after this item')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--first', '--first', [CompletionResultType]::ParameterName, 'Make it the first item')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Make it the last item')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;move' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Put it just before this item')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Put it just after this item')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--first', '--first', [CompletionResultType]::ParameterName, 'Make it the first item')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Make it the last item')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;reorder' {
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Every item id of the gallery, one per line, in the wanted order (`-` reads stdin); blank lines and `#` comments are skipped')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the items that would change and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;reorder' {
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Every item id of the gallery, one per line, in the wanted order (`-` reads stdin); blank lines and `#` comments are skipped')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the items that would change and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;rm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;rm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;bulk-delete' {
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read ids from a file (`-` reads stdin): lines (`-o id`/`-o tsv` output; `#` comments skipped), a JSON array (`-o json`), or JSON/JSONL objects with an "id" (`-o jsonl`)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Select the items matching this filter (with ids: only those ids that match); see below')
            [CompletionResult]::new('--max-delete', '--max-delete', [CompletionResultType]::ParameterName, 'Refuse the whole run, deleting nothing, when more than N items are selected')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select every item of the gallery')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;bulk-delete' {
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'Read ids from a file (`-` reads stdin): lines (`-o id`/`-o tsv` output; `#` comments skipped), a JSON array (`-o json`), or JSON/JSONL objects with an "id" (`-o jsonl`)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Select the items matching this filter (with ids: only those ids that match); see below')
            [CompletionResult]::new('--max-delete', '--max-delete', [CompletionResultType]::ParameterName, 'Refuse the whole run, deleting nothing, when more than N items are selected')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select every item of the gallery')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;search' {
            [CompletionResult]::new('--title-eq', '--title-eq', [CompletionResultType]::ParameterName, 'Title is exactly T (filters compare whole titles, case-sensitively)')
            [CompletionResult]::new('--title-ne', '--title-ne', [CompletionResultType]::ParameterName, 'Title is not T')
            [CompletionResult]::new('--title-in', '--title-in', [CompletionResultType]::ParameterName, 'Title is one of these (comma-separated)')
            [CompletionResult]::new('--title-gt', '--title-gt', [CompletionResultType]::ParameterName, 'Title sorts after T')
            [CompletionResult]::new('--title-ge', '--title-ge', [CompletionResultType]::ParameterName, 'Title is T or sorts after it')
            [CompletionResult]::new('--title-lt', '--title-lt', [CompletionResultType]::ParameterName, 'Title sorts before T')
            [CompletionResult]::new('--title-le', '--title-le', [CompletionResultType]::ParameterName, 'Title is T or sorts before it')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A filter in the Wix query language (fields title and isVideo), joined to the flags above with $and: JSON text, @FILE, or - for stdin')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Results per page (1..100, the service''s maximum; default 10)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--fuzzy', '--fuzzy', [CompletionResultType]::ParameterName, 'Tolerate one typo per word (words of three or more characters)')
            [CompletionResult]::new('--video', '--video', [CompletionResultType]::ParameterName, 'Only video items')
            [CompletionResult]::new('--no-video', '--no-video', [CompletionResultType]::ParameterName, 'Only items that are not videos')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;search' {
            [CompletionResult]::new('--title-eq', '--title-eq', [CompletionResultType]::ParameterName, 'Title is exactly T (filters compare whole titles, case-sensitively)')
            [CompletionResult]::new('--title-ne', '--title-ne', [CompletionResultType]::ParameterName, 'Title is not T')
            [CompletionResult]::new('--title-in', '--title-in', [CompletionResultType]::ParameterName, 'Title is one of these (comma-separated)')
            [CompletionResult]::new('--title-gt', '--title-gt', [CompletionResultType]::ParameterName, 'Title sorts after T')
            [CompletionResult]::new('--title-ge', '--title-ge', [CompletionResultType]::ParameterName, 'Title is T or sorts after it')
            [CompletionResult]::new('--title-lt', '--title-lt', [CompletionResultType]::ParameterName, 'Title sorts before T')
            [CompletionResult]::new('--title-le', '--title-le', [CompletionResultType]::ParameterName, 'Title is T or sorts before it')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A filter in the Wix query language (fields title and isVideo), joined to the flags above with $and: JSON text, @FILE, or - for stdin')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Results per page (1..100, the service''s maximum; default 10)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--fuzzy', '--fuzzy', [CompletionResultType]::ParameterName, 'Tolerate one typo per word (words of three or more characters)')
            [CompletionResult]::new('--video', '--video', [CompletionResultType]::ParameterName, 'Only video items')
            [CompletionResult]::new('--no-video', '--no-video', [CompletionResultType]::ParameterName, 'Only items that are not videos')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page (streams with -o jsonl)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;restore' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal written by items delete, items bulk-delete or galleries delete')
            [CompletionResult]::new('--gallery', '--gallery', [CompletionResultType]::ParameterName, 'Restore into this gallery instead of the one the items came from')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;item;restore' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal written by items delete, items bulk-delete or galleries delete')
            [CompletionResult]::new('--gallery', '--gallery', [CompletionResultType]::ParameterName, 'Restore into this gallery instead of the one the items came from')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;items;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one item')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change one item''s title, description, alt text, link, tags, focal point or position, or many from a file')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move an item before or after another, or to either end')
            [CompletionResult]::new('reorder', 'reorder', [CompletionResultType]::ParameterValue, 'Put every item of a gallery in a given order, with the fewest updates')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('bulk-delete', 'bulk-delete', [CompletionResultType]::ParameterValue, 'Delete many items, selected by id, by --where filter or --all, journaled for undo')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every gallery of the site by title and description (needs the Wix Site Search app)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Re-create the items a delete journaled (running it twice adds nothing twice)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;items;help;list' {
            break
        }
        'progallery;items;help;get' {
            break
        }
        'progallery;items;help;add' {
            break
        }
        'progallery;items;help;update' {
            break
        }
        'progallery;items;help;move' {
            break
        }
        'progallery;items;help;reorder' {
            break
        }
        'progallery;items;help;delete' {
            break
        }
        'progallery;items;help;bulk-delete' {
            break
        }
        'progallery;items;help;search' {
            break
        }
        'progallery;items;help;restore' {
            break
        }
        'progallery;items;help;help' {
            break
        }
        'progallery;item;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one item')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change one item''s title, description, alt text, link, tags, focal point or position, or many from a file')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move an item before or after another, or to either end')
            [CompletionResult]::new('reorder', 'reorder', [CompletionResultType]::ParameterValue, 'Put every item of a gallery in a given order, with the fewest updates')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('bulk-delete', 'bulk-delete', [CompletionResultType]::ParameterValue, 'Delete many items, selected by id, by --where filter or --all, journaled for undo')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every gallery of the site by title and description (needs the Wix Site Search app)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Re-create the items a delete journaled (running it twice adds nothing twice)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;item;help;list' {
            break
        }
        'progallery;item;help;get' {
            break
        }
        'progallery;item;help;add' {
            break
        }
        'progallery;item;help;update' {
            break
        }
        'progallery;item;help;move' {
            break
        }
        'progallery;item;help;reorder' {
            break
        }
        'progallery;item;help;delete' {
            break
        }
        'progallery;item;help;bulk-delete' {
            break
        }
        'progallery;item;help;search' {
            break
        }
        'progallery;item;help;restore' {
            break
        }
        'progallery;item;help;help' {
            break
        }
        'progallery;auth' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save an API key and site id in a profile (asks for the key with hidden input on a terminal)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a saved profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the credentials in use, where each comes from, and whether they work')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;auth;login' {
            [CompletionResult]::new('--site-id', '--site-id', [CompletionResultType]::ParameterName, 'The site''s id (a GUID; asked for on a terminal when missing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--api-key-stdin', '--api-key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin instead of prompting')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Save without checking the credentials against the service')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;auth;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;auth;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save an API key and site id in a profile (asks for the key with hidden input on a terminal)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a saved profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the credentials in use, where each comes from, and whether they work')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;auth;help;login' {
            break
        }
        'progallery;auth;help;logout' {
            break
        }
        'progallery;auth;help;status' {
            break
        }
        'progallery;auth;help;help' {
            break
        }
        'progallery;api' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Request body: JSON text, @FILE, or - for stdin')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Request body: JSON text, @FILE, or - for stdin')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write the pages into (created if missing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;sandbox' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the sandbox over HTTP until Ctrl-C or SIGTERM')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete every site''s data in the sandbox database, its media files and the media cache kept for it (seeded again on next use); asks first on a terminal, else needs --yes')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the database path, its sites and their counts, and the webhook signing key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;sandbox;serve' {
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on (loopback by default; port 0 picks a free port)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (default: sandbox.db in the data dir)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Require exactly this Authorization value (anything else gets 403)')
            [CompletionResult]::new('--webhook-url', '--webhook-url', [CompletionResultType]::ParameterName, 'POST every change as a signed Wix webhook (RS256 JWT body) to this URL; repeatable. Delivery is asynchronous, retried with backoff for up to a day, in order per gallery')
            [CompletionResult]::new('--webhook-retry-ms', '--webhook-retry-ms', [CompletionResultType]::ParameterName, 'Wait before the first retry of a failed delivery, in milliseconds (default 1000)')
            [CompletionResult]::new('--webhook-max-retry-ms', '--webhook-max-retry-ms', [CompletionResultType]::ParameterName, 'Longest wait between two delivery attempts, in milliseconds (default 30000)')
            [CompletionResult]::new('--webhook-give-up-ms', '--webhook-give-up-ms', [CompletionResultType]::ParameterName, 'Drop an event still failing after this long, in milliseconds (default one day)')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Fraction of API requests answered 503 before anything is done (0..1)')
            [CompletionResult]::new('--fail-after-commit-rate', '--fail-after-commit-rate', [CompletionResultType]::ParameterName, 'Fraction of writes answered 504 after they were committed: the ambiguous case (0..1)')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Added latency per API request, in milliseconds')
            [CompletionResult]::new('--fail-id', '--fail-id', [CompletionResultType]::ParameterName, 'Gallery or item ids whose requests always fail with 500 (repeatable, or comma-separated)')
            [CompletionResult]::new('--fault-seed', '--fault-seed', [CompletionResultType]::ParameterName, 'Seed for the random fault draws (for reproducible runs)')
            [CompletionResult]::new('--no-search', '--no-search', [CompletionResultType]::ParameterName, 'Act as a site without the Wix Site Search app: search answers 404. Alone: every site; with site ids (comma-separated): only those')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--memory', '--memory', [CompletionResultType]::ParameterName, 'Keep everything in memory; nothing is written to disk')
            [CompletionResult]::new('--no-seed', '--no-seed', [CompletionResultType]::ParameterName, 'Do not seed a new database with the reference''s example galleries')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;sandbox;reset' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (default: sandbox.db in the data dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted and change nothing')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;sandbox;status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file (default: sandbox.db in the data dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the sandbox over HTTP until Ctrl-C or SIGTERM')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete every site''s data in the sandbox database, its media files and the media cache kept for it (seeded again on next use); asks first on a terminal, else needs --yes')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the database path, its sites and their counts, and the webhook signing key')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;sandbox;help;serve' {
            break
        }
        'progallery;sandbox;help;reset' {
            break
        }
        'progallery;sandbox;help;status' {
            break
        }
        'progallery;sandbox;help;help' {
            break
        }
        'progallery;webhooks' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook deliveries: verify, deduplicate, print, forward or run a command')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify one signed payload and print the decoded event as JSON')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send one signed sample event to a URL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;webhooks;listen' {
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Public key (PEM) to verify deliveries with (default: the sandbox''s key in the data dir, created if missing)')
            [CompletionResult]::new('--addr', '--addr', [CompletionResultType]::ParameterName, 'Address to listen on (port 0 picks a free port)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'URL path deliveries are POSTed to')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Only these event types (comma-separated; slugs or full names); others are answered 200 and skipped')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'POST each decoded event as JSON to this URL; a failure answers the sender 502 so it retries')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Run this shell command (sh -c) per event with the decoded event as JSON on stdin')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'Seconds a sender has to send a request''s headers, and as long again for its body; slower connections are dropped')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;webhooks;verify' {
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Public key (PEM) to verify with (default: the sandbox''s key in the data dir)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;webhooks;trigger' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to POST the signed event (the default is where `webhooks listen` listens)')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key (PEM) to sign with (default: the sandbox''s key in the data dir, created if missing)')
            [CompletionResult]::new('--gallery', '--gallery', [CompletionResultType]::ParameterName, 'Gallery id the event is about (default: a random id)')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'instanceId to put in the event (default: a fixed sample id)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Saved site profile to use (default: the config file''s default profile)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Talk to another server, such as a `progallery sandbox serve` instance')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, tsv in a pipe)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server''s budget per site per minute, answered 429 + Retry-After beyond it')
            [CompletionResult]::new('--gallery-deleted', '--gallery-deleted', [CompletionResultType]::ParameterName, 'For gallery_item_deleted: mark it as caused by deleting the gallery (originatedFrom "Gallery Deleted")')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Run against the built-in local sandbox site (no Wix account needed)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but data on stdout: no progress, no notices')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP exchange to stderr (secrets masked)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail with a usage error where a prompt would be needed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'progallery;webhooks;help' {
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook deliveries: verify, deduplicate, print, forward or run a command')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify one signed payload and print the decoded event as JSON')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send one signed sample event to a URL')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;webhooks;help;listen' {
            break
        }
        'progallery;webhooks;help;verify' {
            break
        }
        'progallery;webhooks;help;trigger' {
            break
        }
        'progallery;webhooks;help;help' {
            break
        }
        'progallery;help' {
            [CompletionResult]::new('galleries', 'galleries', [CompletionResultType]::ParameterValue, 'List, show, create, clone, update, delete and restore galleries')
            [CompletionResult]::new('items', 'items', [CompletionResultType]::ParameterValue, 'List, search, add, update, move, reorder, delete and restore the items of a gallery')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Save, remove and check the credentials of a site')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Make a raw API call with the profile''s credentials, for anything not covered')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for every command into a directory')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run and manage the local sandbox service')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Receive, verify and send Pro Gallery webhook events')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'progallery;help;galleries' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the site''s galleries (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one gallery')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Copy a gallery and its items into a new gallery')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Rename a gallery or change its position on the site')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a gallery and all its items')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring back a deleted gallery and its items from the journal its delete wrote')
            break
        }
        'progallery;help;galleries;list' {
            break
        }
        'progallery;help;galleries;get' {
            break
        }
        'progallery;help;galleries;create' {
            break
        }
        'progallery;help;galleries;clone' {
            break
        }
        'progallery;help;galleries;update' {
            break
        }
        'progallery;help;galleries;delete' {
            break
        }
        'progallery;help;galleries;restore' {
            break
        }
        'progallery;help;items' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a gallery''s items (one page unless --all)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one item')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change one item''s title, description, alt text, link, tags, focal point or position, or many from a file')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move an item before or after another, or to either end')
            [CompletionResult]::new('reorder', 'reorder', [CompletionResultType]::ParameterValue, 'Put every item of a gallery in a given order, with the fewest updates')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete one or more items')
            [CompletionResult]::new('bulk-delete', 'bulk-delete', [CompletionResultType]::ParameterValue, 'Delete many items, selected by id, by --where filter or --all, journaled for undo')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search every gallery of the site by title and description (needs the Wix Site Search app)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Re-create the items a delete journaled (running it twice adds nothing twice)')
            break
        }
        'progallery;help;items;list' {
            break
        }
        'progallery;help;items;get' {
            break
        }
        'progallery;help;items;add' {
            break
        }
        'progallery;help;items;update' {
            break
        }
        'progallery;help;items;move' {
            break
        }
        'progallery;help;items;reorder' {
            break
        }
        'progallery;help;items;delete' {
            break
        }
        'progallery;help;items;bulk-delete' {
            break
        }
        'progallery;help;items;search' {
            break
        }
        'progallery;help;items;restore' {
            break
        }
        'progallery;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Save an API key and site id in a profile (asks for the key with hidden input on a terminal)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a saved profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the credentials in use, where each comes from, and whether they work')
            break
        }
        'progallery;help;auth;login' {
            break
        }
        'progallery;help;auth;logout' {
            break
        }
        'progallery;help;auth;status' {
            break
        }
        'progallery;help;api' {
            break
        }
        'progallery;help;completions' {
            break
        }
        'progallery;help;man' {
            break
        }
        'progallery;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the sandbox over HTTP until Ctrl-C or SIGTERM')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Delete every site''s data in the sandbox database, its media files and the media cache kept for it (seeded again on next use); asks first on a terminal, else needs --yes')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the database path, its sites and their counts, and the webhook signing key')
            break
        }
        'progallery;help;sandbox;serve' {
            break
        }
        'progallery;help;sandbox;reset' {
            break
        }
        'progallery;help;sandbox;status' {
            break
        }
        'progallery;help;webhooks' {
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook deliveries: verify, deduplicate, print, forward or run a command')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify one signed payload and print the decoded event as JSON')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send one signed sample event to a URL')
            break
        }
        'progallery;help;webhooks;listen' {
            break
        }
        'progallery;help;webhooks;verify' {
            break
        }
        'progallery;help;webhooks;trigger' {
            break
        }
        'progallery;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
