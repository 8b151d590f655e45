complete --keep-order --exclusive --command progallery --arguments "(COMPLETE=fish progallery -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
