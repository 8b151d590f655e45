# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_progallery_global_optspecs
    string join \n profile= sandbox base-url= o/output= q/quiet v/verbose color= no-input timeout= retries= rate-limit= h/help V/version
end

function __fish_progallery_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_progallery_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_progallery_using_subcommand
    set -l cmd (__fish_progallery_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c progallery -n "__fish_progallery_needs_command" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_needs_command" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_needs_command" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_needs_command" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_needs_command" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_needs_command" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_needs_command" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_needs_command" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_needs_command" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_needs_command" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_needs_command" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_needs_command" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "galleries" -d 'List, show, create, clone, update, delete and restore galleries'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "gallery" -d 'List, show, create, clone, update, delete and restore galleries'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "items" -d 'List, search, add, update, move, reorder, delete and restore the items of a gallery'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "item" -d 'List, search, add, update, move, reorder, delete and restore the items of a gallery'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "auth" -d 'Save, remove and check the credentials of a site'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "api" -d 'Make a raw API call with the profile\'s credentials, for anything not covered'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "man" -d 'Write man pages for every command into a directory'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "sandbox" -d 'Run and manage the local sandbox service'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "webhooks" -d 'Receive, verify and send Pro Gallery webhook events'
complete -c progallery -n "__fish_progallery_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "list" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "ls" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "get" -d 'Show one gallery'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "create" -d 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "clone" -d 'Copy a gallery and its items into a new gallery'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "update" -d 'Rename a gallery or change its position on the site'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "delete" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "rm" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "restore" -d 'Bring back a deleted gallery and its items from the journal its delete wrote'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l limit -d 'Galleries per page (1..10, the service\'s maximum)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l limit -d 'Galleries per page (1..10, the service\'s maximum)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l name -d 'Name of the new gallery' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l sort-order -d 'Position of the gallery on the site (default: chosen by the service)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l from-file -d 'A gallery as JSON (`{"gallery": …}` or the bare object); `-` reads stdin. Its items are created too' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l name -d 'Name of the copy (default: the original\'s name)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from clone" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l name -d 'New name' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l sort-order -d 'New position on the site' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l journal -d 'Journal written by galleries delete' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one gallery'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "clone" -d 'Copy a gallery and its items into a new gallery'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "update" -d 'Rename a gallery or change its position on the site'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Bring back a deleted gallery and its items from the journal its delete wrote'
complete -c progallery -n "__fish_progallery_using_subcommand galleries; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "list" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "ls" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "get" -d 'Show one gallery'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "create" -d 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "clone" -d 'Copy a gallery and its items into a new gallery'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "update" -d 'Rename a gallery or change its position on the site'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "delete" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "rm" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "restore" -d 'Bring back a deleted gallery and its items from the journal its delete wrote'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and not __fish_seen_subcommand_from list ls get create clone update delete rm restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l limit -d 'Galleries per page (1..10, the service\'s maximum)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l limit -d 'Galleries per page (1..10, the service\'s maximum)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l name -d 'Name of the new gallery' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l sort-order -d 'Position of the gallery on the site (default: chosen by the service)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l from-file -d 'A gallery as JSON (`{"gallery": …}` or the bare object); `-` reads stdin. Its items are created too' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l name -d 'Name of the copy (default: the original\'s name)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from clone" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l name -d 'New name' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l sort-order -d 'New position on the site' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l journal -d 'Journal written by galleries delete' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one gallery'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "clone" -d 'Copy a gallery and its items into a new gallery'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "update" -d 'Rename a gallery or change its position on the site'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Bring back a deleted gallery and its items from the journal its delete wrote'
complete -c progallery -n "__fish_progallery_using_subcommand gallery; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "list" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "ls" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "get" -d 'Show one item'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "add" -d 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "update" -d 'Change one item\'s title, description, alt text, link, tags, focal point or position, or many from a file'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "move" -d 'Move an item before or after another, or to either end'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "reorder" -d 'Put every item of a gallery in a given order, with the fewest updates'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "delete" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "rm" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "bulk-delete" -d 'Delete many items, selected by id, by --where filter or --all, journaled for undo'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "search" -d 'Search every gallery of the site by title and description (needs the Wix Site Search app)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "restore" -d 'Re-create the items a delete journaled (running it twice adds nothing twice)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l limit -d 'Items per page (1..100, the service\'s maximum; default 50)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l where -d 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l limit -d 'Items per page (1..100, the service\'s maximum; default 50)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l where -d 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l width -d 'Original width in pixels of a Wix media id (default: read from the Media Manager)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l height -d 'Original height in pixels of a Wix media id (default: read from the Media Manager)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l text -d 'Add a text item with this HTML' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l from-file -d 'A manifest, one row per item: CSV with a header (source,title,description,alt,link,tags, sortOrder), JSONL or JSON rows with those keys, or whole items as `items list -o json` prints them; `-` reads stdin. Checked whole before anything is sent' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l position -d 'Where the new items go: first, last, before:ITEM_ID or after:ITEM_ID (input order is kept)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l concurrency -d 'How many sources are uploaded, imported and added at once' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l import-timeout -d 'Give up on a URL import that is not ready after this many seconds' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l title -d 'Title' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l description -d 'Description' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l alt -d 'Alt text of an image item' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l link -d 'Link opened when the item is clicked (an external http(s) URL)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l link-text -d 'Text of the link' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l link-target -d 'Where the link opens: _blank (a new tab, the default) or _self' -r -f -a "_blank\t''
_self\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l tag -d 'Tag (repeatable). With `items update` the tags given replace the item\'s tags; --add-tag and --remove-tag change some of them' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l focal-point -d 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l sort-order -d 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -s r -l recursive -d 'Add the supported files of folders\' subfolders too'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l allow-duplicates -d 'Add even what the gallery already holds (same file content, media, video URL or text)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l text -d 'New HTML of a text item' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l add-tag -d 'Add a tag, keeping the others (repeatable)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l remove-tag -d 'Remove a tag, keeping the others (repeatable)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l from-file -d 'Edits for many items: JSONL (or a JSON array) of objects with `id` and any of title, description, alt, link, linkText, linkTarget, clearLink, tags, addTags, removeTags, focalPoint, sortOrder; `-` reads stdin. Checked whole before anything is sent' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l concurrency -d 'Updates sent at once with --from-file' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l title -d 'Title' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l description -d 'Description' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l alt -d 'Alt text of an image item' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l link -d 'Link opened when the item is clicked (an external http(s) URL)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l link-text -d 'Text of the link' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l link-target -d 'Where the link opens: _blank (a new tab, the default) or _self' -r -f -a "_blank\t''
_self\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l tag -d 'Tag (repeatable). With `items update` the tags given replace the item\'s tags; --add-tag and --remove-tag change some of them' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l focal-point -d 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l sort-order -d 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l clear-link -d 'Remove the item\'s link'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l before -d 'Put it just before this item' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l after -d 'Put it just after this item' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l first -d 'Make it the first item'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l last -d 'Make it the last item'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l ids-from -d 'Every item id of the gallery, one per line, in the wanted order (`-` reads stdin); blank lines and `#` comments are skipped' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l dry-run -d 'Print the items that would change and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from reorder" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l ids-from -d 'Read ids from a file (`-` reads stdin): lines (`-o id`/`-o tsv` output; `#` comments skipped), a JSON array (`-o json`), or JSON/JSONL objects with an "id" (`-o jsonl`)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l where -d 'Select the items matching this filter (with ids: only those ids that match); see below' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l max-delete -d 'Refuse the whole run, deleting nothing, when more than N items are selected' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l all -d 'Select every item of the gallery'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from bulk-delete" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-eq -d 'Title is exactly T (filters compare whole titles, case-sensitively)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-ne -d 'Title is not T' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-in -d 'Title is one of these (comma-separated)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-gt -d 'Title sorts after T' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-ge -d 'Title is T or sorts after it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-lt -d 'Title sorts before T' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l title-le -d 'Title is T or sorts before it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l filter -d 'A filter in the Wix query language (fields title and isVideo), joined to the flags above with $and: JSON text, @FILE, or - for stdin' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l limit -d 'Results per page (1..100, the service\'s maximum; default 10)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l fuzzy -d 'Tolerate one typo per word (words of three or more characters)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l video -d 'Only video items'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l no-video -d 'Only items that are not videos'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l journal -d 'Journal written by items delete, items bulk-delete or galleries delete' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l gallery -d 'Restore into this gallery instead of the one the items came from' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one item'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change one item\'s title, description, alt text, link, tags, focal point or position, or many from a file'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move an item before or after another, or to either end'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "reorder" -d 'Put every item of a gallery in a given order, with the fewest updates'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "bulk-delete" -d 'Delete many items, selected by id, by --where filter or --all, journaled for undo'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search every gallery of the site by title and description (needs the Wix Site Search app)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Re-create the items a delete journaled (running it twice adds nothing twice)'
complete -c progallery -n "__fish_progallery_using_subcommand items; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "list" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "ls" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "get" -d 'Show one item'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "add" -d 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "update" -d 'Change one item\'s title, description, alt text, link, tags, focal point or position, or many from a file'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "move" -d 'Move an item before or after another, or to either end'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "reorder" -d 'Put every item of a gallery in a given order, with the fewest updates'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "delete" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "rm" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "bulk-delete" -d 'Delete many items, selected by id, by --where filter or --all, journaled for undo'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "search" -d 'Search every gallery of the site by title and description (needs the Wix Site Search app)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "restore" -d 'Re-create the items a delete journaled (running it twice adds nothing twice)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and not __fish_seen_subcommand_from list ls get add update move reorder delete rm bulk-delete search restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l limit -d 'Items per page (1..100, the service\'s maximum; default 50)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l where -d 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l limit -d 'Items per page (1..100, the service\'s maximum; default 50)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l where -d 'Only items matching this filter, from the whole gallery (same language as bulk-delete --where)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l width -d 'Original width in pixels of a Wix media id (default: read from the Media Manager)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l height -d 'Original height in pixels of a Wix media id (default: read from the Media Manager)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l text -d 'Add a text item with this HTML' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l from-file -d 'A manifest, one row per item: CSV with a header (source,title,description,alt,link,tags, sortOrder), JSONL or JSON rows with those keys, or whole items as `items list -o json` prints them; `-` reads stdin. Checked whole before anything is sent' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l position -d 'Where the new items go: first, last, before:ITEM_ID or after:ITEM_ID (input order is kept)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l concurrency -d 'How many sources are uploaded, imported and added at once' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l import-timeout -d 'Give up on a URL import that is not ready after this many seconds' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l title -d 'Title' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l description -d 'Description' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l alt -d 'Alt text of an image item' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l link -d 'Link opened when the item is clicked (an external http(s) URL)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l link-text -d 'Text of the link' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l link-target -d 'Where the link opens: _blank (a new tab, the default) or _self' -r -f -a "_blank\t''
_self\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l tag -d 'Tag (repeatable). With `items update` the tags given replace the item\'s tags; --add-tag and --remove-tag change some of them' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l focal-point -d 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l sort-order -d 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -s r -l recursive -d 'Add the supported files of folders\' subfolders too'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l allow-duplicates -d 'Add even what the gallery already holds (same file content, media, video URL or text)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l text -d 'New HTML of a text item' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l add-tag -d 'Add a tag, keeping the others (repeatable)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l remove-tag -d 'Remove a tag, keeping the others (repeatable)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l from-file -d 'Edits for many items: JSONL (or a JSON array) of objects with `id` and any of title, description, alt, link, linkText, linkTarget, clearLink, tags, addTags, removeTags, focalPoint, sortOrder; `-` reads stdin. Checked whole before anything is sent' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l concurrency -d 'Updates sent at once with --from-file' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l title -d 'Title' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l description -d 'Description' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l alt -d 'Alt text of an image item' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l link -d 'Link opened when the item is clicked (an external http(s) URL)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l link-text -d 'Text of the link' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l link-target -d 'Where the link opens: _blank (a new tab, the default) or _self' -r -f -a "_blank\t''
_self\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l tag -d 'Tag (repeatable). With `items update` the tags given replace the item\'s tags; --add-tag and --remove-tag change some of them' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l focal-point -d 'Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l sort-order -d 'Exact sortOrder number (items are shown by it, ascending); to place an item next to another, use `items add --position` or `items move`' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l clear-link -d 'Remove the item\'s link'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l before -d 'Put it just before this item' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l after -d 'Put it just after this item' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l first -d 'Make it the first item'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l last -d 'Make it the last item'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l ids-from -d 'Every item id of the gallery, one per line, in the wanted order (`-` reads stdin); blank lines and `#` comments are skipped' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l dry-run -d 'Print the items that would change and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from reorder" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l ids-from -d 'Read ids from a file (`-` reads stdin): lines (`-o id`/`-o tsv` output; `#` comments skipped), a JSON array (`-o json`), or JSON/JSONL objects with an "id" (`-o jsonl`)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l where -d 'Select the items matching this filter (with ids: only those ids that match); see below' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l max-delete -d 'Refuse the whole run, deleting nothing, when more than N items are selected' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l all -d 'Select every item of the gallery'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from bulk-delete" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-eq -d 'Title is exactly T (filters compare whole titles, case-sensitively)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-ne -d 'Title is not T' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-in -d 'Title is one of these (comma-separated)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-gt -d 'Title sorts after T' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-ge -d 'Title is T or sorts after it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-lt -d 'Title sorts before T' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l title-le -d 'Title is T or sorts before it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l filter -d 'A filter in the Wix query language (fields title and isVideo), joined to the flags above with $and: JSON text, @FILE, or - for stdin' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l limit -d 'Results per page (1..100, the service\'s maximum; default 10)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l offset -d 'Skip this many entries' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l fuzzy -d 'Tolerate one typo per word (words of three or more characters)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l video -d 'Only video items'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l no-video -d 'Only items that are not videos'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l all -d 'Fetch every page (streams with -o jsonl)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l journal -d 'Journal written by items delete, items bulk-delete or galleries delete' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l gallery -d 'Restore into this gallery instead of the one the items came from' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one item'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change one item\'s title, description, alt text, link, tags, focal point or position, or many from a file'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move an item before or after another, or to either end'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "reorder" -d 'Put every item of a gallery in a given order, with the fewest updates'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "bulk-delete" -d 'Delete many items, selected by id, by --where filter or --all, journaled for undo'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search every gallery of the site by title and description (needs the Wix Site Search app)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Re-create the items a delete journaled (running it twice adds nothing twice)'
complete -c progallery -n "__fish_progallery_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -f -a "login" -d 'Save an API key and site id in a profile (asks for the key with hidden input on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -f -a "logout" -d 'Remove a saved profile'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -f -a "status" -d 'Show the credentials in use, where each comes from, and whether they work'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and not __fish_seen_subcommand_from login logout status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l site-id -d 'The site\'s id (a GUID; asked for on a terminal when missing)' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l api-key-stdin -d 'Read the API key from stdin instead of prompting'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-verify -d 'Save without checking the credentials against the service'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Save an API key and site id in a profile (asks for the key with hidden input on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove a saved profile'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the credentials in use, where each comes from, and whether they work'
complete -c progallery -n "__fish_progallery_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand api" -s d -l data -d 'Request body: JSON text, @FILE, or - for stdin' -r
complete -c progallery -n "__fish_progallery_using_subcommand api" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand api" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand api" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand api" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand api" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand api" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand api" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand api" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand api" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand api" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand api" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand api" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand api" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand completions" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand completions" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand completions" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand completions" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand completions" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand completions" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand man" -l out -d 'Directory to write the pages into (created if missing)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand man" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand man" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand man" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand man" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand man" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand man" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand man" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand man" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand man" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand man" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand man" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand man" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -f -a "serve" -d 'Serve the sandbox over HTTP until Ctrl-C or SIGTERM'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -f -a "reset" -d 'Delete every site\'s data in the sandbox database, its media files and the media cache kept for it (seeded again on next use); asks first on a terminal, else needs --yes'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -f -a "status" -d 'Show the database path, its sites and their counts, and the webhook signing key'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and not __fish_seen_subcommand_from serve reset status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l addr -d 'Address to listen on (loopback by default; port 0 picks a free port)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l db -d 'Database file (default: sandbox.db in the data dir)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l api-key -d 'Require exactly this Authorization value (anything else gets 403)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-url -d 'POST every change as a signed Wix webhook (RS256 JWT body) to this URL; repeatable. Delivery is asynchronous, retried with backoff for up to a day, in order per gallery' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-retry-ms -d 'Wait before the first retry of a failed delivery, in milliseconds (default 1000)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-max-retry-ms -d 'Longest wait between two delivery attempts, in milliseconds (default 30000)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-give-up-ms -d 'Drop an event still failing after this long, in milliseconds (default one day)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-rate -d 'Fraction of API requests answered 503 before anything is done (0..1)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-after-commit-rate -d 'Fraction of writes answered 504 after they were committed: the ambiguous case (0..1)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l latency -d 'Added latency per API request, in milliseconds' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-id -d 'Gallery or item ids whose requests always fail with 500 (repeatable, or comma-separated)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fault-seed -d 'Seed for the random fault draws (for reproducible runs)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-search -d 'Act as a site without the Wix Site Search app: search answers 404. Alone: every site; with site ids (comma-separated): only those' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l memory -d 'Keep everything in memory; nothing is written to disk'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-seed -d 'Do not seed a new database with the reference\'s example galleries'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l db -d 'Database file (default: sandbox.db in the data dir)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Do not ask for confirmation (required when not on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l dry-run -d 'Print what would be deleted and change nothing'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l db -d 'Database file (default: sandbox.db in the data dir)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the sandbox over HTTP until Ctrl-C or SIGTERM'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Delete every site\'s data in the sandbox database, its media files and the media cache kept for it (seeded again on next use); asks first on a terminal, else needs --yes'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the database path, its sites and their counts, and the webhook signing key'
complete -c progallery -n "__fish_progallery_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -f -a "listen" -d 'Receive webhook deliveries: verify, deduplicate, print, forward or run a command'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -f -a "verify" -d 'Verify one signed payload and print the decoded event as JSON'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -f -a "trigger" -d 'Send one signed sample event to a URL'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and not __fish_seen_subcommand_from listen verify trigger help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l public-key -d 'Public key (PEM) to verify deliveries with (default: the sandbox\'s key in the data dir, created if missing)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l addr -d 'Address to listen on (port 0 picks a free port)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l path -d 'URL path deliveries are POSTed to' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l events -d 'Only these event types (comma-separated; slugs or full names); others are answered 200 and skipped' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l forward-to -d 'POST each decoded event as JSON to this URL; a failure answers the sender 502 so it retries' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l exec -d 'Run this shell command (sh -c) per event with the decoded event as JSON on stdin' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l read-timeout -d 'Seconds a sender has to send a request\'s headers, and as long again for its body; slower connections are dropped' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l public-key -d 'Public key (PEM) to verify with (default: the sandbox\'s key in the data dir)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l to -d 'Where to POST the signed event (the default is where `webhooks listen` listens)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l private-key -d 'Private key (PEM) to sign with (default: the sandbox\'s key in the data dir, created if missing)' -r -F
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l gallery -d 'Gallery id the event is about (default: a random id)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l instance-id -d 'instanceId to put in the event (default: a fixed sample id)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l profile -d 'Saved site profile to use (default: the config file\'s default profile)' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l base-url -d 'Talk to another server, such as a `progallery sandbox serve` instance' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -s o -l output -d 'Output format (default: table on a terminal, tsv in a pipe)' -r -f -a "table\t''
json\t''
jsonl\t''
tsv\t''
id\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l timeout -d 'Per-request timeout in seconds [default: 30]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l retries -d 'Attempts for retryable failures (429, 5xx, connection errors) [default: 4]' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l rate-limit -d 'Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited). For `sandbox serve`: the server\'s budget per site per minute, answered 429 + Retry-After beyond it' -r
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l gallery-deleted -d 'For gallery_item_deleted: mark it as caused by deleting the gallery (originatedFrom "Gallery Deleted")'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l sandbox -d 'Run against the built-in local sandbox site (no Wix account needed)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -s q -l quiet -d 'Print nothing but data on stdout: no progress, no notices'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -s v -l verbose -d 'Log each HTTP exchange to stderr (secrets masked)'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -l no-input -d 'Never prompt; fail with a usage error where a prompt would be needed'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -s h -l help -d 'Print help'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from trigger" -s V -l version -d 'Print version'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive webhook deliveries: verify, deduplicate, print, forward or run a command'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify one signed payload and print the decoded event as JSON'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "trigger" -d 'Send one signed sample event to a URL'
complete -c progallery -n "__fish_progallery_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "galleries" -d 'List, show, create, clone, update, delete and restore galleries'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "items" -d 'List, search, add, update, move, reorder, delete and restore the items of a gallery'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "auth" -d 'Save, remove and check the credentials of a site'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "api" -d 'Make a raw API call with the profile\'s credentials, for anything not covered'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "man" -d 'Write man pages for every command into a directory'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "sandbox" -d 'Run and manage the local sandbox service'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "webhooks" -d 'Receive, verify and send Pro Gallery webhook events'
complete -c progallery -n "__fish_progallery_using_subcommand help; and not __fish_seen_subcommand_from galleries items auth api completions man sandbox webhooks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "list" -d 'List the site\'s galleries (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "get" -d 'Show one gallery'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "create" -d 'Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "clone" -d 'Copy a gallery and its items into a new gallery'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "update" -d 'Rename a gallery or change its position on the site'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "delete" -d 'Delete a gallery and all its items'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from galleries" -f -a "restore" -d 'Bring back a deleted gallery and its items from the journal its delete wrote'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "list" -d 'List a gallery\'s items (one page unless --all)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "get" -d 'Show one item'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "add" -d 'Add items from files, folders, URLs, Wix media, video links, HTML or a manifest'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "update" -d 'Change one item\'s title, description, alt text, link, tags, focal point or position, or many from a file'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "move" -d 'Move an item before or after another, or to either end'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "reorder" -d 'Put every item of a gallery in a given order, with the fewest updates'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "delete" -d 'Delete one or more items'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "bulk-delete" -d 'Delete many items, selected by id, by --where filter or --all, journaled for undo'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "search" -d 'Search every gallery of the site by title and description (needs the Wix Site Search app)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from items" -f -a "restore" -d 'Re-create the items a delete journaled (running it twice adds nothing twice)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Save an API key and site id in a profile (asks for the key with hidden input on a terminal)'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove a saved profile'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the credentials in use, where each comes from, and whether they work'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Serve the sandbox over HTTP until Ctrl-C or SIGTERM'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "reset" -d 'Delete every site\'s data in the sandbox database, its media files and the media cache kept for it (seeded again on next use); asks first on a terminal, else needs --yes'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "status" -d 'Show the database path, its sites and their counts, and the webhook signing key'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "listen" -d 'Receive webhook deliveries: verify, deduplicate, print, forward or run a command'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "verify" -d 'Verify one signed payload and print the decoded event as JSON'
complete -c progallery -n "__fish_progallery_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "trigger" -d 'Send one signed sample event to a URL'
