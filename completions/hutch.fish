# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hutch_global_optspecs
    string join \n root= runroot= storage-driver= log-level= h/help V/version
end

function __fish_hutch_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hutch_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hutch_using_subcommand
    set -l cmd (__fish_hutch_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hutch -n "__fish_hutch_needs_command" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_needs_command" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_needs_command" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_needs_command" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hutch -n "__fish_hutch_needs_command" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "version" -d 'Show the hutch version'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "info" -d 'Show information about the host and the hutch set-up'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "doctor" -d 'Check the rootless set-up and print the command that fixes each problem'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "unshare" -d 'Run a command inside hutch\'s user namespace'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "images" -d 'List images in local storage'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "rmi" -d 'Remove one or more images'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "tag" -d 'Add an additional name to a local image'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "history" -d 'Show the history of an image'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "image" -d 'Manage images'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "inspect" -d 'Display the configuration of an object (image)'
complete -c hutch -n "__fish_hutch_using_subcommand version" -s f -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand version" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand version" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand version" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand info" -s f -l format -d 'Output format: json, yaml or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand info" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand info" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand info" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l platform -d 'Platform to select from a manifest list, OS/ARCH[/VARIANT]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l arch -d 'Architecture to select from a manifest list' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l os -d 'OS to select from a manifest list' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l variant -d 'Architecture variant to select from a manifest list' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s a -l all-tags -d 'Pull every tagged image in the repository (not supported yet)'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l format -d 'Output format: json, table, or a Go template such as {{.Repository}}:{{.Tag}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -s f -l filter -d 'Filter output (dangling=true|false, reference=PATTERN, id=ID, label=KEY[=VALUE])' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand images" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -s a -l all -d 'Show all images, including intermediate ones'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s q -l quiet -d 'Show only image IDs'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l digests -d 'Show digests'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s n -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s f -l force -d 'Remove even when containers use the image'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand tag" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand history" -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand history" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s q -l quiet -d 'Show only layer IDs'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "images" -d 'List images in local storage'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "inspect" -d 'Display the configuration of one or more images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "rm" -d 'Remove one or more images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "pull" -d 'Pull an image from a registry'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "tag" -d 'Add an additional name to a local image'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "prune" -d 'Remove unused images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "exists" -d 'Check whether an image exists in local storage (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "history" -d 'Show the history of an image'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "tree" -d 'Show the layers of an image as a tree'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "mount" -d 'Mount an image\'s root filesystem (read-only) and print where'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull tag prune exists history tree mount unmount" -f -a "unmount" -d 'Unmount an image\'s root filesystem'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l format -d 'Output format: json, table, or a Go template such as {{.Repository}}:{{.Tag}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s f -l filter -d 'Filter output (dangling=true|false, reference=PATTERN, id=ID, label=KEY[=VALUE])' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s a -l all -d 'Show all images, including intermediate ones'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s q -l quiet -d 'Show only image IDs'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l digests -d 'Show digests'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s n -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Id}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s t -l type -d 'Type of object to inspect (image)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove even when containers use the image'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Platform to select from a manifest list, OS/ARCH[/VARIANT]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'Architecture to select from a manifest list' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'OS to select from a manifest list' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'Architecture variant to select from a manifest list' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull every tagged image in the repository (not supported yet)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l filter -d 'Filter which images to prune' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only dangling ones'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Show only layer IDs'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l format -d 'Output format: json' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Unmount all mounted images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Force the unmount even if other processes still use it'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Id}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s t -l type -d 'Type of object to inspect (image)' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s V -l version -d 'Print version'
