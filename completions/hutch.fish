# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hutch_global_optspecs
    string join \n root= runroot= storage-driver= log-level= runtime= noout events-backend= cgroup-manager= runtime-flag= volumepath= default-mounts-file= storage-opt= r/remote url= connection= h/help V/version
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
complete -c hutch -n "__fish_hutch_needs_command" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_needs_command" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_needs_command" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_needs_command" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_needs_command" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_needs_command" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_needs_command" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_needs_command" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_needs_command" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_needs_command" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_needs_command" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hutch -n "__fish_hutch_needs_command" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "version" -d 'Show the hutch version'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "info" -d 'Show information about the host and the hutch set-up'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "doctor" -d 'Check the rootless set-up and print the command that fixes each problem'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "unshare" -d 'Run a command inside hutch\'s user namespace'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "help" -d 'Show the help of hutch or of a command (`hutch help run`, `hutch help network create`)'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "healthcheck" -d 'Run a container\'s healthcheck'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "images" -d 'List images in local storage'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "rmi" -d 'Remove one or more images'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "tag" -d 'Add an additional name to a local image'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "untag" -d 'Remove names from a local image (every name when only the image is given)'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "history" -d 'Show the history of an image'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "image" -d 'Manage images'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "inspect" -d 'Display the configuration of an object (container or image)'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "create" -d 'Create a container without starting it'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "start" -d 'Start one or more containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "stop" -d 'Stop one or more running containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "kill" -d 'Send a signal to one or more running containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "restart" -d 'Restart one or more containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "rm" -d 'Remove one or more containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "ps" -d 'List containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "logs" -d 'Show the logs of one or more containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "wait" -d 'Wait for one or more containers to stop and print their exit codes'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "exec" -d 'Run a process in a running container'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "attach" -d 'Attach to a running container\'s input and output'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "rename" -d 'Rename a container'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "top" -d 'Display the running processes of a container'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "stats" -d 'Display a live stream of containers\' resource use'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "port" -d 'List port mappings of a container'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "diff" -d 'Show the changes a container made to its image\'s files'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "export" -d 'Export a container\'s filesystem as a tar archive'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "cp" -d 'Copy files between a container and the host'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "mount" -d 'Mount a container\'s root filesystem and print where'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "unmount" -d 'Unmount a container\'s root filesystem'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "events" -d 'Show events of containers and images'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "login" -d 'Log in to a container registry'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "logout" -d 'Log out of a container registry'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "search" -d 'Search a registry for images'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "manifest" -d 'Manage manifest lists and image indexes'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "save" -d 'Save images to an archive or a directory (docker-archive, oci-archive, oci-dir, docker-dir)'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "load" -d 'Load images from an archive or a directory made by save, podman, docker or skopeo'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "import" -d 'Create an image from a tarball of a root filesystem'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "builder" -d 'Manage the build cache'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "buildx" -d 'Docker buildx compatibility: `buildx build` is build'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "container" -d 'Manage containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "network" -d 'Manage user-defined networks'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "pod" -d 'Manage pods: containers that share namespaces and start and stop together'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "system" -d 'Manage hutch\'s storage: disk usage, prune, reset'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "generate" -d 'Generate systemd units for containers'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "quadlet" -d 'Turn quadlet files (.container, .volume, .network) into systemd user units'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "secret" -d 'Manage secrets (file driver)'
complete -c hutch -n "__fish_hutch_needs_command" -f -a "update" -d 'Update a container\'s resource limits or restart policy'
complete -c hutch -n "__fish_hutch_using_subcommand version" -s f -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand version" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand version" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand version" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand version" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand version" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand version" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand version" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand version" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand info" -s f -l format -d 'Output format: json, yaml or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand info" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand info" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand info" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand info" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand info" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand info" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand info" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand info" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand help" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand help" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand help" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand help" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand help" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand help" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand help" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand help" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand help" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -f -a "run" -d 'Run a container\'s healthcheck now and print its result'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and not __fish_seen_subcommand_from run changed" -f -a "changed" -d '(internal) Called by the container\'s monitor when its health status changes'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand healthcheck; and __fish_seen_subcommand_from changed" -s V -l version -d 'Print version'
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
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s a -l all-tags -d 'Pull every tagged image in the repository'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pull" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l format -d 'Output format: json, table, or a Go template such as {{.Repository}}:{{.Tag}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -s f -l filter -d 'Filter output (dangling=true|false, reference=PATTERN, id=ID, label=KEY[=VALUE])' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l sort -d 'Sort by: created, id, repository, size, tag' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand images" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand images" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand images" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand images" -s a -l all -d 'Show all images, including intermediate ones'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s q -l quiet -d 'Show only image IDs'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l digests -d 'Show digests'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s n -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand images" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand images" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s f -l force -d 'Remove even when containers use the image'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand tag" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand tag" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand tag" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand tag" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand untag" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand untag" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand untag" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand untag" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand history" -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand history" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand history" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand history" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand history" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s q -l quiet -d 'Show only layer IDs'
complete -c hutch -n "__fish_hutch_using_subcommand history" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand history" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "images" -d 'List images in local storage'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "inspect" -d 'Display the configuration of one or more images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "rm" -d 'Remove one or more images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "pull" -d 'Pull an image from a registry'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "push" -d 'Push an image to a registry'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "search" -d 'Search a registry for images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "tag" -d 'Add an additional name to a local image'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "untag" -d 'Remove names from a local image (every name when only the image is given)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "prune" -d 'Remove unused images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "exists" -d 'Check whether an image exists in local storage (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "history" -d 'Show the history of an image'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "tree" -d 'Show the layers of an image as a tree'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "mount" -d 'Mount an image\'s root filesystem (read-only) and print where'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "trust" -d 'Manage image trust policy (refused: hutch does not verify signatures yet)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "sign" -d 'Sign an image (refused: hutch does not sign images yet)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "unmount" -d 'Unmount an image\'s root filesystem'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "save" -d 'Save images to an archive or a directory'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "load" -d 'Load images from an archive or a directory'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "import" -d 'Create an image from a tarball of a root filesystem'
complete -c hutch -n "__fish_hutch_using_subcommand image; and not __fish_seen_subcommand_from images inspect rm pull push search tag untag prune exists history tree mount trust sign unmount save load import build" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l format -d 'Output format: json, table, or a Go template such as {{.Repository}}:{{.Tag}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s f -l filter -d 'Filter output (dangling=true|false, reference=PATTERN, id=ID, label=KEY[=VALUE])' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l sort -d 'Sort by: created, id, repository, size, tag' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s a -l all -d 'Show all images, including intermediate ones'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s q -l quiet -d 'Show only image IDs'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l digests -d 'Show digests'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s n -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from images" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Id}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s t -l type -d 'Type of object to inspect: container, image, volume, network, pod or all' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove even when containers use the image'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail when an image does not exist'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
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
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Pull every tagged image in the repository'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest type of the destination: oci or v2s2 [default: the image\'s own]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-format -d 'Layer compression: gzip or zstd' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-level -d 'Compression level: gzip 0-9 [default: 1], zstd 1-22 [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the digest of the pushed manifest to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print no progress'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l limit -d 'Show at most this many results per registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l format -d 'Output format: table, json, or a Go template such as {{.Name}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -s f -l filter -d 'Filter: stars=N, is-official=BOOL, is-automated=BOOL (catalogs know neither)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l cert-dir -d 'Directory with certificates (*.crt) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l list-tags -d 'List the tags of REGISTRY/REPOSITORY instead'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from untag" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l filter -d 'Filter which images to prune' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only dangling ones'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Display sizes and dates in human readable format' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Show only layer IDs'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from tree" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l format -d 'Output format: json' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from trust" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Unmount all mounted images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Force the unmount even if other processes still use it'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to this file (or directory, for the dir formats) instead of standard output' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'Layout: docker-archive, oci-archive, oci-dir or docker-dir' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Put several images into one docker-archive'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l compress -d 'Compress the layers with gzip (oci-dir and docker-dir only)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'Accepted for podman compatibility: layers are written uncompressed'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Do not print progress'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read from this archive or directory instead of standard input' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Do not print progress'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR (e.g. -c CMD=/bin/sh or -c \'ENV=A=1\')' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'Commit message, stored in the image\'s history' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l platform -d 'Platform of the image, OS/ARCH[/VARIANT] [default: this host\'s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'Operating system of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'Architecture of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'Architecture variant of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Do not print progress'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name (and tag) for the image; may be given several times' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile or Dockerfile (- for standard input) [default: Containerfile, then Dockerfile, in the context]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone takes the value from the environment)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'A file of build arguments, one NAME=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'The stage to build [default: the last]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: always, missing, never or newer (bare --pull: always)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'A label for the image, KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l annotation -d 'An annotation for the image\'s manifest, KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'Network for RUN: none, host, pasta, slirp4netns or a network name [default: the containers.conf default]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s v -l volume -d 'A volume for every RUN, as run\'s -v' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l ssh -d 'An SSH agent socket for RUN --mount=type=ssh: default or ID=SOCKET' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Keep and reuse each step\'s image' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'Image format: oci or docker' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l platform -d 'Platform to build for, OS/ARCH[/VARIANT] (only this host\'s)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-from -d 'Look up steps not in the local cache in this registry repository (images tagged by cache key) or OCI layout directory (a path, or oci:PATH), and pull them from there' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-to -d 'Push each step\'s image to this registry repository (tagged by its cache key) or write it into this OCI layout directory (a path, or oci:PATH)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l rm -d 'Remove intermediate containers (accepted: they always are)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove intermediate containers also after a failure (accepted: they always are)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached step images'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-always -d 'Pull base images always (docker\'s spelling)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-never -d 'Pull base images never'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Squash the final image\'s new layers into one on top of its base image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash all of the final image\'s layers, its base image\'s included, into one'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand image; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Id}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s t -l type -d 'Type of object to inspect: container, image, volume, network, pod or all' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l sig-proxy -d 'Forward signals hutch receives to the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand run" -l detach-keys -d 'Key sequence that detaches from the container [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeat for several) [default: all]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1 of hutch\'s) into the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l name -d 'Name of the container [default: a random adjective_noun]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s e -l env -d 'Set an environment variable KEY=VALUE (KEY alone takes hutch\'s value)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l env-file -d 'Read environment variables from a file, one KEY=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s u -l user -d 'User (name or UID) and optionally group: USER[:GROUP]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l group-add -d 'Additional groups for the container\'s process' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint (a string or a JSON array; "" clears it)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l hostname -d 'Container host name [default: the first 12 characters of its ID]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l pod -d 'Run in this pod (name or ID), or in a new pod: new:NAME' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -s l -l label -d 'Add a label KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l pull -d 'Pull the image: always, missing, never or newer' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l stop-signal -d 'Signal that stops the container [default: the image\'s StopSignal, else SIGTERM]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l stop-timeout -d 'Seconds to wait after the stop signal before SIGKILL [default: 10]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l restart -d 'Restart policy: no, always, on-failure[:N], unless-stopped (applied when the container exits; a stop or kill by you ends it until the next start)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-cmd -d 'Healthcheck command, run by the shell in the container (or a JSON array: exec form)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-interval -d 'Time between healthchecks, e.g. 30s or 1m [default: the image\'s, else 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-retries -d 'Failures in a row before the container is unhealthy [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-start-period -d 'Time to start up in, during which failures do not count [default: 0s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-start-interval -d 'Time between healthchecks during the start period [default: 5s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-timeout -d 'Time a healthcheck may take before it counts as failed [default: 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l network -d 'Network: pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or user-defined NETWORK[:OPTIONS] (repeat or comma-separate for several) [default: containers.conf\'s default_rootless_network_cmd, else pasta when installed]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s p -l publish -d 'Publish a port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp] (ranges N-M; no HOSTPORT: a free port)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l network-alias -d 'Another name on user-defined networks' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l dns -d 'DNS server (replaces the default ones)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l dns-search -d 'DNS search domain' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l dns-option -d 'resolv.conf option (ndots:2, ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l add-host -d 'Add a line to /etc/hosts: HOST:IP (IP may be host-gateway)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l mac-address -d 'The MAC address' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l ip -d 'The IPv4 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l ip6 -d 'The IPv6 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l cap-add -d 'Add a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l cap-drop -d 'Drop a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, label=disable' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l ulimit -d 'Resource limit NAME=SOFT[:HARD], e.g. nofile=1024:2048' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l userns -d 'User namespace: "" (hutch\'s own, the default), keep-id (your uid and gid inside) or keep-id:uid=UID,gid=GID (yours as those)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l shm-size -d 'Size of /dev/shm [default: 64m]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l log-driver -d 'Log driver: k8s-file, none or passthrough' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l log-opt -d 'Log driver options, e.g. max-size=10m' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l cidfile -d 'Write the container ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l sdnotify -d 'How systemd learns the container is ready: conmon (the monitor sends READY=1 once it runs), container (the container gets $NOTIFY_SOCKET) or ignore [default: conmon when NOTIFY_SOCKET is set, else ignore]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l secret -d 'Give the container a secret, mounted read-only at /run/secrets/NAME or as a variable' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s m -l memory -d 'Memory limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l cpus -d 'CPU limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l pids-limit -d 'Process limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s v -l volume -d 'Mount a volume or host path: NAME:/PATH, /HOST/PATH:/PATH or /PATH (anonymous), with options after a second colon: ro, rw, z, Z, U, nocopy, noexec, nosuid, nodev' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l mount -d 'Mount: type=bind|volume|tmpfs|image,src=SOURCE,dst=PATH[,ro][,...]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l tmpfs -d 'Mount a tmpfs at PATH (options: size=, mode=, uid=, gid=, ro, exec, suid, dev)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l volumes-from -d 'Mount the volumes and binds of another container, optionally read-only' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), container:NAME|ID, or ns:PATH' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l systemd -d 'Run in systemd mode: true (when the command is systemd or an init), false, always: tmpfs on /run, /run/lock, /tmp and /var/log/journal, stop signal SIGRTMIN+3' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris, mounted at /etc/localtime' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l http-proxy -d 'Pass the proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy and their upper-case forms) from hutch\'s environment into the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand run" -l timeout -d 'Kill the container once it has run for this many seconds (0: no limit)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (hutch-conmon) to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l hostuser -d 'Add this host user (name or uid) to the container\'s /etc/passwd (repeatable)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand run" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand run" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand run" -s d -l detach -d 'Run in the background and print the container ID'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l rmi -d 'Remove the image once the container has exited and been removed (with --rm)'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l env-host -d 'Pass hutch\'s whole environment into the container'
complete -c hutch -n "__fish_hutch_using_subcommand run" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c hutch -n "__fish_hutch_using_subcommand run" -s i -l interactive -d 'Keep standard input open'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l no-healthcheck -d 'Run no healthcheck, not even the image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand run" -s P -l publish-all -d 'Publish every port the image exposes on free host ports'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l privileged -d 'Give the container every capability, no masked paths and no seccomp filter'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l init -d 'Run an init process (catatonit) that forwards signals and reaps zombies'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l replace -d 'Remove a container of the same name first, if there is one'
complete -c hutch -n "__fish_hutch_using_subcommand run" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand run" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand run" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand run" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l name -d 'Name of the container [default: a random adjective_noun]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -s e -l env -d 'Set an environment variable KEY=VALUE (KEY alone takes hutch\'s value)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l env-file -d 'Read environment variables from a file, one KEY=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -s u -l user -d 'User (name or UID) and optionally group: USER[:GROUP]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l group-add -d 'Additional groups for the container\'s process' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint (a string or a JSON array; "" clears it)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l hostname -d 'Container host name [default: the first 12 characters of its ID]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l pod -d 'Run in this pod (name or ID), or in a new pod: new:NAME' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -s l -l label -d 'Add a label KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l pull -d 'Pull the image: always, missing, never or newer' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l stop-signal -d 'Signal that stops the container [default: the image\'s StopSignal, else SIGTERM]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l stop-timeout -d 'Seconds to wait after the stop signal before SIGKILL [default: 10]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l restart -d 'Restart policy: no, always, on-failure[:N], unless-stopped (applied when the container exits; a stop or kill by you ends it until the next start)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-cmd -d 'Healthcheck command, run by the shell in the container (or a JSON array: exec form)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-interval -d 'Time between healthchecks, e.g. 30s or 1m [default: the image\'s, else 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-retries -d 'Failures in a row before the container is unhealthy [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-start-period -d 'Time to start up in, during which failures do not count [default: 0s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-start-interval -d 'Time between healthchecks during the start period [default: 5s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-timeout -d 'Time a healthcheck may take before it counts as failed [default: 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l network -d 'Network: pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or user-defined NETWORK[:OPTIONS] (repeat or comma-separate for several) [default: containers.conf\'s default_rootless_network_cmd, else pasta when installed]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -s p -l publish -d 'Publish a port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp] (ranges N-M; no HOSTPORT: a free port)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l network-alias -d 'Another name on user-defined networks' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l dns -d 'DNS server (replaces the default ones)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l dns-search -d 'DNS search domain' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l dns-option -d 'resolv.conf option (ndots:2, ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l add-host -d 'Add a line to /etc/hosts: HOST:IP (IP may be host-gateway)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l mac-address -d 'The MAC address' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l ip -d 'The IPv4 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l ip6 -d 'The IPv6 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l cap-add -d 'Add a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l cap-drop -d 'Drop a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, label=disable' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l ulimit -d 'Resource limit NAME=SOFT[:HARD], e.g. nofile=1024:2048' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l userns -d 'User namespace: "" (hutch\'s own, the default), keep-id (your uid and gid inside) or keep-id:uid=UID,gid=GID (yours as those)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l shm-size -d 'Size of /dev/shm [default: 64m]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l log-driver -d 'Log driver: k8s-file, none or passthrough' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l log-opt -d 'Log driver options, e.g. max-size=10m' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l cidfile -d 'Write the container ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l sdnotify -d 'How systemd learns the container is ready: conmon (the monitor sends READY=1 once it runs), container (the container gets $NOTIFY_SOCKET) or ignore [default: conmon when NOTIFY_SOCKET is set, else ignore]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l secret -d 'Give the container a secret, mounted read-only at /run/secrets/NAME or as a variable' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -s m -l memory -d 'Memory limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l cpus -d 'CPU limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l pids-limit -d 'Process limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -s v -l volume -d 'Mount a volume or host path: NAME:/PATH, /HOST/PATH:/PATH or /PATH (anonymous), with options after a second colon: ro, rw, z, Z, U, nocopy, noexec, nosuid, nodev' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l mount -d 'Mount: type=bind|volume|tmpfs|image,src=SOURCE,dst=PATH[,ro][,...]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l tmpfs -d 'Mount a tmpfs at PATH (options: size=, mode=, uid=, gid=, ro, exec, suid, dev)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l volumes-from -d 'Mount the volumes and binds of another container, optionally read-only' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), container:NAME|ID, or ns:PATH' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l systemd -d 'Run in systemd mode: true (when the command is systemd or an init), false, always: tmpfs on /run, /run/lock, /tmp and /var/log/journal, stop signal SIGRTMIN+3' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris, mounted at /etc/localtime' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l http-proxy -d 'Pass the proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy and their upper-case forms) from hutch\'s environment into the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand create" -l timeout -d 'Kill the container once it has run for this many seconds (0: no limit)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (hutch-conmon) to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l hostuser -d 'Add this host user (name or uid) to the container\'s /etc/passwd (repeatable)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand create" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand create" -l env-host -d 'Pass hutch\'s whole environment into the container'
complete -c hutch -n "__fish_hutch_using_subcommand create" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c hutch -n "__fish_hutch_using_subcommand create" -s i -l interactive -d 'Keep standard input open'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l no-healthcheck -d 'Run no healthcheck, not even the image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand create" -s P -l publish-all -d 'Publish every port the image exposes on free host ports'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l privileged -d 'Give the container every capability, no masked paths and no seccomp filter'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l init -d 'Run an init process (catatonit) that forwards signals and reaps zombies'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l replace -d 'Remove a container of the same name first, if there is one'
complete -c hutch -n "__fish_hutch_using_subcommand create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand start" -s f -l filter -d 'With --all: only containers matching KEY=VALUE (as ps --filter, and restart-policy=)' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l detach-keys -d 'Key sequence that detaches from the container [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l sig-proxy -d 'Forward signals hutch receives to the container (with --attach)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand start" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand start" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand start" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand start" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand start" -l all -d 'Start every container that is not running (matching --filter)'
complete -c hutch -n "__fish_hutch_using_subcommand start" -s a -l attach -d 'Attach to the container\'s output and wait for it'
complete -c hutch -n "__fish_hutch_using_subcommand start" -s i -l interactive -d 'Attach the container\'s input too'
complete -c hutch -n "__fish_hutch_using_subcommand start" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand start" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand start" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand start" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s t -l time -d 'Seconds to wait before killing the container [default: its stop timeout]' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l cidfile -d 'Stop the container whose ID is in FILE (written by run --cidfile)' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s f -l filter -d 'Stop the containers matching KEY=VALUE (as ps --filter)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s a -l all -d 'Stop every running container'
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand stop" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand stop" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand kill" -s s -l signal -d 'Signal to send' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l cidfile -d 'Signal the container whose ID is in FILE (written by run --cidfile)' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand kill" -s a -l all -d 'Signal every running container'
complete -c hutch -n "__fish_hutch_using_subcommand kill" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand kill" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand kill" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand kill" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand restart" -s t -l time -d 'Seconds to wait before killing the container [default: its stop timeout]' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l cidfile -d 'Restart the container whose ID is in FILE (written by run --cidfile)' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand restart" -s f -l filter -d 'Restart the containers matching KEY=VALUE (as ps --filter)' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand restart" -s a -l all -d 'Restart every container'
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l running -d 'With --all: only the running containers'
complete -c hutch -n "__fish_hutch_using_subcommand restart" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand restart" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand restart" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand restart" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s t -l time -d 'Seconds to wait for a running container to stop before killing it (with --force)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l cidfile -d 'Remove the container whose ID is in FILE (written by run --cidfile), then the file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l filter -d 'Remove the containers matching KEY=VALUE (as ps --filter)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s f -l force -d 'Remove running containers too (they are killed)'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s v -l volumes -d 'Remove the container\'s anonymous volumes too'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s a -l all -d 'Remove every container'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l depend -d 'Remove the containers that depend on it (--network container:) first'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s n -l last -d 'Show the N most recently created containers' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s f -l filter -d 'Filter: name=, id=, status=, label=, ancestor=, exited=, before=, since=, network=, pod=, volume=, restart-policy=, health=starting|healthy|unhealthy|none' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l format -d 'Output format: json, table, or a Go template such as {{.ID}} {{.Names}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l sort -d 'Sort by: command, created, id, image, names, runningfor, size, status [default: created, oldest first]' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s a -l all -d 'Show every container, not only running ones'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s q -l quiet -d 'Show only container IDs'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s l -l latest -d 'Show the most recently created container'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s s -l size -d 'Show the size of each container\'s writable layer'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s p -l pod -d 'Show the ID and name of each container\'s pod'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l external -d 'Show containers in storage not made by hutch: hutch has none of those, so this lists every container (as --all)'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand ps" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l tail -d 'Show only the last N lines (-1: all)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l since -d 'Show lines since this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l until -d 'Show lines until this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s f -l follow -d 'Follow the log as the container writes it'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s t -l timestamps -d 'Show timestamps'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s n -l names -d 'Prefix each line with the container\'s name (with several containers)'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s l -l latest -d 'Use the most recently created container'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand logs" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l condition -d 'State to wait for: stopped, exited, running, created, paused' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l ignore -d 'Ignore containers that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand wait" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand wait" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand wait" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand wait" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s e -l env -d 'Set an environment variable KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l env-file -d 'Read environment variables from a file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s u -l user -d 'User (name or UID) and optionally group' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l detach-keys -d 'Key sequence that detaches from the process [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1 of hutch\'s) to the process' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s i -l interactive -d 'Keep standard input open'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s d -l detach -d 'Run the process in the background'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l privileged -d 'Give the process every capability'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand exec" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l sig-proxy -d 'Forward signals hutch receives to the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l detach-keys -d 'Key sequence that detaches from the container [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l no-stdin -d 'Do not attach standard input'
complete -c hutch -n "__fish_hutch_using_subcommand attach" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand attach" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand attach" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand attach" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pause" -s a -l all -d 'Every running container'
complete -c hutch -n "__fish_hutch_using_subcommand pause" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pause" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pause" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pause" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -s a -l all -d 'Every running container'
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand unpause" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand rename" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand rename" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand rename" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand rename" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand top" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand top" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand top" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand top" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand top" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand top" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand top" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand top" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l format -d 'Output format: json, table, or a Go template over .ID .Name .CPUPerc .AVGCPU .UpTime .MemUsage .MemUsageBytes .MemPerc .NetIO .BlockIO .PIDS .PIDs .Source (proc or cgroup)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -s i -l interval -d 'Seconds between two samples' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand stats" -s a -l all -d 'Show every container, not only running ones'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l no-stream -d 'Print the figures once instead of redrawing them every interval'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l no-trunc -d 'Do not truncate container IDs'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l no-reset -d 'Do not clear the terminal between two tables'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand stats" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand port" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand port" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand port" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand port" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand port" -s a -l all -d 'Show the ports of every container'
complete -c hutch -n "__fish_hutch_using_subcommand port" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand port" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand port" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand port" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l format -d 'Output format: json' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand diff" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand diff" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand diff" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand diff" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand export" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand export" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand export" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand export" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand export" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand export" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand export" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand export" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand export" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR (e.g. -c CMD=/bin/sh or -c \'ENV=A=1\')' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s m -l message -d 'Commit message, stored in the image\'s history' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s a -l author -d 'Author of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s p -l pause -d 'Pause the container while committing (accepted; the container is committed running)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s f -l format -d 'Image format: oci or docker (only oci is written)' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand commit" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand commit" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand cp" -s a -l archive -d 'Give what is copied into the container to its user and group (the default); with false, keep the owners the source (or the tar stream) names' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l pause -d 'Pause a running container while copying (the default)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l overwrite -d 'Allow replacing a directory with a file and the other way round'
complete -c hutch -n "__fish_hutch_using_subcommand cp" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand cp" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand cp" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand cp" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l format -d 'Output format: json' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l no-trunc -d 'Do not truncate IDs when listing'
complete -c hutch -n "__fish_hutch_using_subcommand mount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand mount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand mount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand mount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -s a -l all -d 'Unmount every mounted container'
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -s f -l force -d 'Unmount even if mounted several times'
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand events" -s f -l filter -d 'Filter: type=container|image, event=ACTION, container=NAME|ID, image=NAME|ID, label=K=V' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l since -d 'Show events since this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l until -d 'Show events until this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l format -d 'Output format: json (one object a line) or a Go template such as {{.Status}} {{.Name}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l stream -d 'Keep following new events [default: true unless --until is given]' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand events" -l no-trunc -d 'Do not truncate IDs' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand events" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand events" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand events" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand events" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand events" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand events" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand events" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand events" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand events" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand login" -s u -l username -d 'Username (asked for on a terminal when not given)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -s p -l password -d 'Password (prefer --password-stdin, or the terminal prompt: a password on the command line is visible to other users)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand login" -l cert-dir -d 'Directory with certificates (*.crt) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand login" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand login" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand login" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand login" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand login" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c hutch -n "__fish_hutch_using_subcommand login" -l get-login -d 'Print the username stored for the registry and exit'
complete -c hutch -n "__fish_hutch_using_subcommand login" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand login" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand login" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand login" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry'
complete -c hutch -n "__fish_hutch_using_subcommand logout" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand logout" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand logout" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand logout" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand push" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -s f -l format -d 'Manifest type of the destination: oci or v2s2 [default: the image\'s own]' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l compression-format -d 'Layer compression: gzip or zstd' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l compression-level -d 'Compression level: gzip 0-9 [default: 1], zstd 1-22 [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l digestfile -d 'Write the digest of the pushed manifest to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand push" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand push" -s q -l quiet -d 'Print no progress'
complete -c hutch -n "__fish_hutch_using_subcommand push" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand push" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand push" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand push" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand search" -l limit -d 'Show at most this many results per registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l format -d 'Output format: table, json, or a Go template such as {{.Name}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -s f -l filter -d 'Filter: stars=N, is-official=BOOL, is-automated=BOOL (catalogs know neither)' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand search" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand search" -l cert-dir -d 'Directory with certificates (*.crt) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand search" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand search" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand search" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand search" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand search" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand search" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand search" -l list-tags -d 'List the tags of REGISTRY/REPOSITORY instead'
complete -c hutch -n "__fish_hutch_using_subcommand search" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand search" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand search" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand search" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "create" -d 'Create a manifest list, optionally with images in it'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "add" -d 'Add an image to a manifest list'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "annotate" -d 'Set the platform or annotations of an entry of a manifest list'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "inspect" -d 'Show a manifest list'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "push" -d 'Push a manifest list (and with --all its images) to a registry'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "rm" -d 'Remove manifest lists'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate inspect push rm remove" -f -a "remove" -d 'Remove an image from a manifest list'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l format -d 'Write a Docker manifest list instead of an OCI index (v2s2)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l amend -d 'Replace a list of that name'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l arch -d 'Override the entry\'s architecture' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os -d 'Override the entry\'s OS' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l variant -d 'Override the entry\'s architecture variant' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l annotation -d 'Annotation KEY=VALUE for the entry' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l all -d 'When the image is a manifest list in a registry, add every image it names'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l arch -d 'Set the entry\'s architecture' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os -d 'Set the entry\'s OS' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l variant -d 'Set the entry\'s architecture variant' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l annotation -d 'Annotation KEY=VALUE for the entry' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l all -d 'Push the images of the list too (--all=false pushes only the list)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest type of the images pushed with --all: oci or v2s2' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l compression-format -d 'Layer compression: gzip or zstd' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l compression-level -d 'Compression level: gzip 0-9 [default: 1], zstd 1-22 [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the digest of the pushed list to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l rm -d 'Remove the local list after a successful push'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print no progress'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand save" -s o -l output -d 'Write to this file (or directory, for the dir formats) instead of standard output' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand save" -l format -d 'Layout: docker-archive, oci-archive, oci-dir or docker-dir' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand save" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand save" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand save" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand save" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand save" -s m -l multi-image-archive -d 'Put several images into one docker-archive'
complete -c hutch -n "__fish_hutch_using_subcommand save" -l compress -d 'Compress the layers with gzip (oci-dir and docker-dir only)'
complete -c hutch -n "__fish_hutch_using_subcommand save" -l uncompressed -d 'Accepted for podman compatibility: layers are written uncompressed'
complete -c hutch -n "__fish_hutch_using_subcommand save" -s q -l quiet -d 'Do not print progress'
complete -c hutch -n "__fish_hutch_using_subcommand save" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand save" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand save" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand save" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand load" -s i -l input -d 'Read from this archive or directory instead of standard input' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand load" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand load" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand load" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand load" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand load" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand load" -s q -l quiet -d 'Do not print progress'
complete -c hutch -n "__fish_hutch_using_subcommand load" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand load" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand load" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand load" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR (e.g. -c CMD=/bin/sh or -c \'ENV=A=1\')' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -s m -l message -d 'Commit message, stored in the image\'s history' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l platform -d 'Platform of the image, OS/ARCH[/VARIANT] [default: this host\'s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l os -d 'Operating system of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l arch -d 'Architecture of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l variant -d 'Architecture variant of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand import" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand import" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand import" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand import" -s q -l quiet -d 'Do not print progress'
complete -c hutch -n "__fish_hutch_using_subcommand import" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand import" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand import" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand import" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand build" -s t -l tag -d 'Name (and tag) for the image; may be given several times' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -s f -l file -d 'The Containerfile or Dockerfile (- for standard input) [default: Containerfile, then Dockerfile, in the context]' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone takes the value from the environment)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l build-arg-file -d 'A file of build arguments, one NAME=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l target -d 'The stage to build [default: the last]' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l pull -d 'Pull base images: always, missing, never or newer (bare --pull: always)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l label -d 'A label for the image, KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l annotation -d 'An annotation for the image\'s manifest, KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l network -d 'Network for RUN: none, host, pasta, slirp4netns or a network name [default: the containers.conf default]' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -s v -l volume -d 'A volume for every RUN, as run\'s -v' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l ssh -d 'An SSH agent socket for RUN --mount=type=ssh: default or ID=SOCKET' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l layers -d 'Keep and reuse each step\'s image' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand build" -l format -d 'Image format: oci or docker' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l platform -d 'Platform to build for, OS/ARCH[/VARIANT] (only this host\'s)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l cache-from -d 'Look up steps not in the local cache in this registry repository (images tagged by cache key) or OCI layout directory (a path, or oci:PATH), and pull them from there' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l cache-to -d 'Push each step\'s image to this registry repository (tagged by its cache key) or write it into this OCI layout directory (a path, or oci:PATH)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l rm -d 'Remove intermediate containers (accepted: they always are)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand build" -l force-rm -d 'Remove intermediate containers also after a failure (accepted: they always are)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand build" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand build" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand build" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand build" -l no-cache -d 'Do not use cached step images'
complete -c hutch -n "__fish_hutch_using_subcommand build" -l pull-always -d 'Pull base images always (docker\'s spelling)'
complete -c hutch -n "__fish_hutch_using_subcommand build" -l pull-never -d 'Pull base images never'
complete -c hutch -n "__fish_hutch_using_subcommand build" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand build" -l squash -d 'Squash the final image\'s new layers into one on top of its base image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand build" -l squash-all -d 'Squash all of the final image\'s layers, its base image\'s included, into one'
complete -c hutch -n "__fish_hutch_using_subcommand build" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand build" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand build" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand build" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and not __fish_seen_subcommand_from prune" -f -a "prune" -d 'Remove the build cache: the step images nothing else uses, and cache mounts'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove everything, also what a named image shares (accepted: the same here)'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation (accepted: hutch does not ask)'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand builder; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and not __fish_seen_subcommand_from build" -f -a "build" -d 'Build an image from a Containerfile or Dockerfile (the same as build)'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name (and tag) for the image; may be given several times' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s f -l file -d 'The Containerfile or Dockerfile (- for standard input) [default: Containerfile, then Dockerfile, in the context]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg -d 'A build argument, NAME=VALUE (NAME alone takes the value from the environment)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l build-arg-file -d 'A file of build arguments, one NAME=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l target -d 'The stage to build [default: the last]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: always, missing, never or newer (bare --pull: always)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l label -d 'A label for the image, KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l annotation -d 'An annotation for the image\'s manifest, KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l network -d 'Network for RUN: none, host, pasta, slirp4netns or a network name [default: the containers.conf default]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s v -l volume -d 'A volume for every RUN, as run\'s -v' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l ssh -d 'An SSH agent socket for RUN --mount=type=ssh: default or ID=SOCKET' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l layers -d 'Keep and reuse each step\'s image' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l format -d 'Image format: oci or docker' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l platform -d 'Platform to build for, OS/ARCH[/VARIANT] (only this host\'s)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cache-from -d 'Look up steps not in the local cache in this registry repository (images tagged by cache key) or OCI layout directory (a path, or oci:PATH), and pull them from there' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cache-to -d 'Push each step\'s image to this registry repository (tagged by its cache key) or write it into this OCI layout directory (a path, or oci:PATH)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l rm -d 'Remove intermediate containers (accepted: they always are)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l force-rm -d 'Remove intermediate containers also after a failure (accepted: they always are)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l progress -d 'Progress output: auto, plain, tty or quiet (accepted: the output is plain on a pipe)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l no-cache -d 'Do not use cached step images'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull-always -d 'Pull base images always (docker\'s spelling)'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l pull-never -d 'Pull base images never'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash -d 'Squash the final image\'s new layers into one on top of its base image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l squash-all -d 'Squash all of the final image\'s layers, its base image\'s included, into one'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l load -d 'Load the image into the local store (accepted: it always is)'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand buildx; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "run" -d 'Run a command in a new container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "create" -d 'Create a container without starting it'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "start" -d 'Start one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "stop" -d 'Stop one or more running containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "kill" -d 'Send a signal to one or more running containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "restart" -d 'Restart one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "rm" -d 'Remove one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "ps" -d 'List containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "logs" -d 'Show the logs of one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "wait" -d 'Wait for one or more containers to stop and print their exit codes'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "inspect" -d 'Display the configuration of one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "exec" -d 'Run a process in a running container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "attach" -d 'Attach to a running container\'s input and output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "pause" -d 'Pause all processes in one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "unpause" -d 'Unpause the processes in one or more containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "rename" -d 'Rename a container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "exists" -d 'Check whether a container exists (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "prune" -d 'Remove all stopped containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "cleanup" -d 'Clean up the network and mounts of exited containers (run by the monitor)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "update" -d 'Update a container\'s resource limits or restart policy'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "runlabel" -d 'Run the command in an image\'s label (refused: hutch does not run image-supplied commands)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "top" -d 'Display the running processes of a container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "stats" -d 'Display a live stream of containers\' resource use'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "port" -d 'List port mappings of a container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "diff" -d 'Show the changes a container made to its image\'s files'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "export" -d 'Export a container\'s filesystem as a tar archive'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "commit" -d 'Create a new image from a container\'s changes'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "cp" -d 'Copy files between a container and the host'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "mount" -d 'Mount a container\'s root filesystem and print where'
complete -c hutch -n "__fish_hutch_using_subcommand container; and not __fish_seen_subcommand_from run create start stop kill restart rm ps logs wait inspect exec attach pause unpause rename exists prune cleanup update runlabel top stats port diff export commit cp mount unmount" -f -a "unmount" -d 'Unmount a container\'s root filesystem'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Forward signals hutch receives to the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Key sequence that detaches from the container [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeat for several) [default: all]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1 of hutch\'s) into the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Name of the container [default: a random adjective_noun]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set an environment variable KEY=VALUE (KEY alone takes hutch\'s value)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file, one KEY=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'User (name or UID) and optionally group: USER[:GROUP]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Additional groups for the container\'s process' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint (a string or a JSON array; "" clears it)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l hostname -d 'Container host name [default: the first 12 characters of its ID]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run in this pod (name or ID), or in a new pod: new:NAME' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Add a label KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull the image: always, missing, never or newer' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'Signal that stops the container [default: the image\'s StopSignal, else SIGTERM]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds to wait after the stop signal before SIGKILL [default: 10]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy: no, always, on-failure[:N], unless-stopped (applied when the container exits; a stop or kill by you ends it until the next start)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Healthcheck command, run by the shell in the container (or a JSON array: exec form)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between healthchecks, e.g. 30s or 1m [default: the image\'s, else 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Failures in a row before the container is unhealthy [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Time to start up in, during which failures do not count [default: 0s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-interval -d 'Time between healthchecks during the start period [default: 5s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Time a healthcheck may take before it counts as failed [default: 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Network: pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or user-defined NETWORK[:OPTIONS] (repeat or comma-separate for several) [default: containers.conf\'s default_rootless_network_cmd, else pasta when installed]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp] (ranges N-M; no HOSTPORT: a free port)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Another name on user-defined networks' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'DNS server (replaces the default ones)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'DNS search domain' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'resolv.conf option (ndots:2, ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a line to /etc/hosts: HOST:IP (IP may be host-gateway)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'The MAC address' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'The IPv4 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l ip6 -d 'The IPv6 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, label=disable' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Resource limit NAME=SOFT[:HARD], e.g. nofile=1024:2048' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: "" (hutch\'s own, the default), keep-id (your uid and gid inside) or keep-id:uid=UID,gid=GID (yours as those)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm [default: 64m]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Log driver: k8s-file, none or passthrough' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Log driver options, e.g. max-size=10m' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l sdnotify -d 'How systemd learns the container is ready: conmon (the monitor sends READY=1 once it runs), container (the container gets $NOTIFY_SOCKET) or ignore [default: conmon when NOTIFY_SOCKET is set, else ignore]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l secret -d 'Give the container a secret, mounted read-only at /run/secrets/NAME or as a variable' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'CPU limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Process limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Mount a volume or host path: NAME:/PATH, /HOST/PATH:/PATH or /PATH (anonymous), with options after a second colon: ro, rw, z, Z, U, nocopy, noexec, nosuid, nodev' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Mount: type=bind|volume|tmpfs|image,src=SOURCE,dst=PATH[,ro][,...]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs at PATH (options: size=, mode=, uid=, gid=, ro, exec, suid, dev)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes and binds of another container, optionally read-only' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), container:NAME|ID, or ns:PATH' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l systemd -d 'Run in systemd mode: true (when the command is systemd or an init), false, always: tmpfs on /run, /run/lock, /tmp and /var/log/journal, stop signal SIGRTMIN+3' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris, mounted at /etc/localtime' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'Pass the proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy and their upper-case forms) from hutch\'s environment into the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Kill the container once it has run for this many seconds (0: no limit)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (hutch-conmon) to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l hostuser -d 'Add this host user (name or uid) to the container\'s /etc/passwd (repeatable)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background and print the container ID'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'Remove the image once the container has exited and been removed (with --rm)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'Pass hutch\'s whole environment into the container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep standard input open'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'Run no healthcheck, not even the image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every port the image exposes on free host ports'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'Give the container every capability, no masked paths and no seccomp filter'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run an init process (catatonit) that forwards signals and reaps zombies'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Remove a container of the same name first, if there is one'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name of the container [default: a random adjective_noun]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set an environment variable KEY=VALUE (KEY alone takes hutch\'s value)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file, one KEY=VALUE a line' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'User (name or UID) and optionally group: USER[:GROUP]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Additional groups for the container\'s process' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint (a string or a JSON array; "" clears it)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l hostname -d 'Container host name [default: the first 12 characters of its ID]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run in this pod (name or ID), or in a new pod: new:NAME' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Run in the pod whose ID is in this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull the image: always, missing, never or newer' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'Signal that stops the container [default: the image\'s StopSignal, else SIGTERM]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds to wait after the stop signal before SIGKILL [default: 10]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy: no, always, on-failure[:N], unless-stopped (applied when the container exits; a stop or kill by you ends it until the next start)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Healthcheck command, run by the shell in the container (or a JSON array: exec form)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between healthchecks, e.g. 30s or 1m [default: the image\'s, else 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Failures in a row before the container is unhealthy [default: 3]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time to start up in, during which failures do not count [default: 0s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-interval -d 'Time between healthchecks during the start period [default: 5s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Time a healthcheck may take before it counts as failed [default: 30s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'What to do when the container turns unhealthy: none, kill, restart, stop' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Network: pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or user-defined NETWORK[:OPTIONS] (repeat or comma-separate for several) [default: containers.conf\'s default_rootless_network_cmd, else pasta when installed]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp] (ranges N-M; no HOSTPORT: a free port)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name on user-defined networks' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'DNS server (replaces the default ones)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'DNS search domain' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'resolv.conf option (ndots:2, ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to /etc/hosts: HOST:IP (IP may be host-gateway)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'The MAC address' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'The IPv4 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l ip6 -d 'The IPv6 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop a capability' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'Security options: no-new-privileges, seccomp=unconfined|PATH, label=disable' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Resource limit NAME=SOFT[:HARD], e.g. nofile=1024:2048' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: "" (hutch\'s own, the default), keep-id (your uid and gid inside) or keep-id:uid=UID,gid=GID (yours as those)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm [default: 64m]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Log driver: k8s-file, none or passthrough' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Log driver options, e.g. max-size=10m' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'How systemd learns the container is ready: conmon (the monitor sends READY=1 once it runs), container (the container gets $NOTIFY_SOCKET) or ignore [default: conmon when NOTIFY_SOCKET is set, else ignore]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret, mounted read-only at /run/secrets/NAME or as a variable' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'CPU limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Process limit (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Mount a volume or host path: NAME:/PATH, /HOST/PATH:/PATH or /PATH (anonymous), with options after a second colon: ro, rw, z, Z, U, nocopy, noexec, nosuid, nodev' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Mount: type=bind|volume|tmpfs|image,src=SOURCE,dst=PATH[,ro][,...]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs at PATH (options: size=, mode=, uid=, gid=, ro, exec, suid, dev)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes and binds of another container, optionally read-only' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), container:NAME|ID, or ns:PATH' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'Run in systemd mode: true (when the command is systemd or an init), false, always: tmpfs on /run, /run/lock, /tmp and /var/log/journal, stop signal SIGRTMIN+3' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris, mounted at /etc/localtime' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'Pass the proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy and their upper-case forms) from hutch\'s environment into the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Kill the container once it has run for this many seconds (0: no limit)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (hutch-conmon) to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l hostuser -d 'Add this host user (name or uid) to the container\'s /etc/passwd (repeatable)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates (false also allows plain HTTP)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l cert-dir -d 'Directory with certificates (*.crt, *.cert, *.key) for the registry' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l creds -d 'Credentials USERNAME[:PASSWORD] for the registry' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Path of the authentication file [default: $XDG_RUNTIME_DIR/containers/auth.json]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'Pass hutch\'s whole environment into the container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep standard input open'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'Run no healthcheck, not even the image\'s'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image exposes on free host ports'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'Give the container every capability, no masked paths and no seccomp filter'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the container\'s root filesystem read-only'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run an init process (catatonit) that forwards signals and reaps zombies'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Remove a container of the same name first, if there is one'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -s f -l filter -d 'With --all: only containers matching KEY=VALUE (as ps --filter, and restart-policy=)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Key sequence that detaches from the container [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Forward signals hutch receives to the container (with --attach)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Start every container that is not running (matching --filter)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach to the container\'s output and wait for it'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Attach the container\'s input too'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait before killing the container [default: its stop timeout]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'Stop the container whose ID is in FILE (written by run --cidfile)' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s f -l filter -d 'Stop the containers matching KEY=VALUE (as ps --filter)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Stop every running container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'Signal to send' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -d 'Signal the container whose ID is in FILE (written by run --cidfile)' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Signal every running container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds to wait before killing the container [default: its stop timeout]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l cidfile -d 'Restart the container whose ID is in FILE (written by run --cidfile)' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -s f -l filter -d 'Restart the containers matching KEY=VALUE (as ps --filter)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Restart every container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'With --all: only the running containers'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a running container to stop before killing it (with --force)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'Remove the container whose ID is in FILE (written by run --cidfile), then the file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l filter -d 'Remove the containers matching KEY=VALUE (as ps --filter)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove running containers too (they are killed)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove the container\'s anonymous volumes too'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore containers that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'Remove the containers that depend on it (--network container:) first'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Show the N most recently created containers' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: name=, id=, status=, label=, ancestor=, exited=, before=, since=, network=, pod=, volume=, restart-policy=, health=starting|healthy|unhealthy|none' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'Output format: json, table, or a Go template such as {{.ID}} {{.Names}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by: command, created, id, image, names, runningfor, size, status [default: created, oldest first]' -r -f -a "command\t''
created\t''
id\t''
image\t''
names\t''
runningfor\t''
size\t''
status\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show every container, not only running ones'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Show only container IDs'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show the most recently created container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Show the size of each container\'s writable layer'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s p -l pod -d 'Show the ID and name of each container\'s pod'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l external -d 'Show containers in storage not made by hutch: hutch has none of those, so this lists every container (as --all)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l tail -d 'Show only the last N lines (-1: all)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Show lines since this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Show lines until this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the log as the container writes it'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l names -d 'Prefix each line with the container\'s name (with several containers)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s l -l latest -d 'Use the most recently created container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'State to wait for: stopped, exited, running, created, paused' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l ignore -d 'Ignore containers that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Id}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -s t -l type -d 'Type of object to inspect: container, image, volume, network, pod or all' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set an environment variable KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'User (name or UID) and optionally group' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Key sequence that detaches from the process [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l preserve-fds -d 'Pass N more file descriptors (3 to 3+N-1 of hutch\'s) to the process' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep standard input open'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Allocate a pseudo-terminal'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the process in the background'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Give the process every capability'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Forward signals hutch receives to the container' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Key sequence that detaches from the container [default: ctrl-p,ctrl-q]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not attach standard input'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every running container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every running container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s a -l all -d 'Clean up every exited container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l rm -d 'Remove the container after cleaning up'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cleanup" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -s m -l memory -d 'Memory limit, e.g. 512m (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-reservation -d 'Memory soft limit' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l memory-swap -d 'Memory plus swap limit; -1: unlimited swap' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l cpus -d 'Number of CPUs' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-period -d 'CPU CFS period in microseconds' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l cpu-quota -d 'CPU CFS quota in microseconds' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-cpus -d 'CPUs to run on (0-3, 0,1)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l cpuset-mems -d 'Memory nodes to use (0-3, 0,1)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l pids-limit -d 'Process limit; -1: unlimited' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l restart -d 'New restart policy: no, always, on-failure[:N], unless-stopped' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s n -l name -d 'Name of the container the command would create' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l display -d 'Print the command instead of refusing'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from runlabel" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l format -d 'Output format: json, table, or a Go template over .ID .Name .CPUPerc .AVGCPU .UpTime .MemUsage .MemUsageBytes .MemPerc .NetIO .BlockIO .PIDS .PIDs .Source (proc or cgroup)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -s i -l interval -d 'Seconds between two samples' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -s a -l all -d 'Show every container, not only running ones'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print the figures once instead of redrawing them every interval'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate container IDs'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the terminal between two tables'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'Show the ports of every container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'Output format: json' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR (e.g. -c CMD=/bin/sh or -c \'ENV=A=1\')' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'Commit message, stored in the image\'s history' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'Author of the image' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Pause the container while committing (accepted; the container is committed running)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s f -l format -d 'Image format: oci or docker (only oci is written)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print only the image ID'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from commit" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Give what is copied into the container to its user and group (the default); with false, keep the owners the source (or the tar stream) names' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l pause -d 'Pause a running container while copying (the default)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Allow replacing a directory with a file and the other way round'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from cp" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l format -d 'Output format: json' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l no-trunc -d 'Do not truncate IDs when listing'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -s a -l all -d 'Unmount every mounted container'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -s f -l force -d 'Unmount even if mounted several times'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand container; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "create" -d 'Create a network'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "ls" -d 'List networks'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "inspect" -d 'Display the configuration of one or more networks'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "rm" -d 'Remove one or more networks'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "prune" -d 'Remove networks no container uses'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "exists" -d 'Check whether a network exists (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "connect" -d 'Connect a container to a network'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "disconnect" -d 'Disconnect a container from a network'
complete -c hutch -n "__fish_hutch_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect reload" -f -a "reload" -d 'Redo the network set-up (addresses, firewall rules, DNS) of running containers'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'Network driver (only bridge)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'Subnet in CIDR form [default: the next free /24 from 10.89.0.0]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'Gateway address of the subnet [default: its first address]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Allocate container addresses from this part of the subnet only (CIDR)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver options: mtu=N' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'Set metadata on the network (KEY=VALUE)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'Restrict external access: no route out of the network'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'Do not run aardvark-dns for this network (no name resolution between containers)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Do not fail if a network of that name exists'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json or a Go template ({{.ID}} {{.Name}} {{.Driver}} {{.Labels}} ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=NAME, id=ID, label=KEY[=VALUE], driver=DRIVER' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only the network names (as podman)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l noheading -d 'Do not print the header'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate the network IDs'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for those containers to stop before killing them' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers that use the network too'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'Filter: label=KEY[=VALUE]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation (hutch never asks)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name the container is known by on this network' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'The container\'s IPv4 address on this network' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'The container\'s MAC address on this network' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from connect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Accepted for compatibility'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -s a -l all -d 'Reload every running container'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand network; and __fish_seen_subcommand_from reload" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "create" -d 'Create a volume'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "ls" -d 'List volumes'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "inspect" -d 'Display the configuration of one or more volumes'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "rm" -d 'Remove one or more volumes'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "prune" -d 'Remove every volume no container uses'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "exists" -d 'Check whether a volume exists (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "export" -d 'Write a volume\'s content to a tar archive'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "import" -d 'Extract a tar archive into a volume'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "mount" -d 'Print where a volume\'s data is on the host'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists export import mount unmount" -f -a "unmount" -d 'Unmount a volume (local volumes need no unmounting: does nothing)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'Volume driver (only local)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'Driver option: type=tmpfs|bind, device=PATH, o=MOUNT-OPTIONS (a plain volume: o=uid=N,gid=N)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label KEY[=VALUE]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Do nothing (and succeed) if the volume already exists'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=, label=KEY[=VALUE], label!=, driver=, dangling=true|false' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, table, or a Go template such as {{.Name}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only volume names'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Mountpoint}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Inspect every volume'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for a running container to stop (with --force)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every volume'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers that use the volume too'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'Prune only volumes matching: label=, label!=, name=, until=' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of standard output' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from mount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand volume; and __fish_seen_subcommand_from unmount" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "create" -d 'Create a pod: an infra container holding the namespaces its containers share'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "start" -d 'Start one or more pods (the infra container first)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "stop" -d 'Stop one or more pods (the infra container last)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "restart" -d 'Restart one or more pods'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "kill" -d 'Send a signal to every running container of one or more pods'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "pause" -d 'Pause every running container of one or more pods'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "unpause" -d 'Unpause every paused container of one or more pods'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "rm" -d 'Remove one or more pods and their containers'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "ps" -d 'List pods'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "inspect" -d 'Display the configuration and state of one or more pods'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "exists" -d 'Check whether a pod exists (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "prune" -d 'Remove every pod whose containers have all stopped'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "top" -d 'Display the running processes of a pod\'s containers'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "logs" -d 'Show the logs of a pod\'s containers'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and not __fish_seen_subcommand_from create start stop restart kill pause unpause rm ps inspect exists prune top logs stats" -f -a "stats" -d 'Display a live stream of a pod\'s containers\' resource use'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'The pod\'s name [default: a random one]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Make an infra container (without one, nothing is shared)' -r -f -a "true\t''
false\t''"
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-name -d 'The infra container\'s name [default: the pod ID\'s first 12 characters, then -infra]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-command -d 'The infra container\'s command (a string or a JSON array) [default: /catatonit -P]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra-image -d 'The infra container\'s image [default: the local pause image]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'Namespaces the pod\'s containers share: ipc, net, pid, uts, none; +NS adds to the default' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'Add a label KEY=VALUE' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'The pod\'s host name [default: the pod\'s name]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -d 'Network: pasta[:OPTIONS], slirp4netns[:OPTIONS], none, host, container:NAME|ID, ns:PATH, or user-defined NETWORK[:OPTIONS] (repeat or comma-separate for several) [default: containers.conf\'s default_rootless_network_cmd, else pasta when installed]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port on the host: [IP:][HOSTPORT:]CONTAINERPORT[/tcp|udp] (ranges N-M; no HOSTPORT: a free port)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name on user-defined networks' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'DNS server (replaces the default ones)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'DNS search domain' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -d 'resolv.conf option (ndots:2, ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to /etc/hosts: HOST:IP (IP may be host-gateway)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l mac-address -d 'The MAC address' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip -d 'The IPv4 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip6 -d 'The IPv6 address (pasta, or one user-defined network)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l pod-id-file -d 'Write the pod\'s ID to this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l exit-policy -d 'What happens when the last container exits: continue or stop (the pod)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l userns -d 'User namespace of the pod (only hutch\'s own is supported)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-parent -d 'Cgroup parent (no cgroups are made rootless on cgroup v1: refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l replace -d 'Remove a pod of the same name first'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds to wait for each container to stop before killing it' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'Do not fail for pods that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal to send' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l pod-id-file -d 'Read the pod\'s ID from this file' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'Seconds to wait for each container to stop before killing it (with --force)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop running containers first'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Do not fail for pods that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: name=, id=, label=KEY[=VALUE], status=, ctr-names=, ctr-ids=, ctr-status=, ctr-number=N, network=' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Output format: json or a Go template ({{.ID}} {{.Name}} {{.Status}} {{.InfraID}} ...)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l sort -d 'Sort by: created, id, name, number, status' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-names -d 'Show the names of the pods\' containers'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-ids -d 'Show the IDs of the pods\' containers'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ctr-status -d 'Show the states of the pods\' containers'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l ns -d 'Show the pods\' networks'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only the pod IDs'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate IDs'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noheading -d 'Do not print the header'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation (hutch never asks)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Only this container of the pod' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tail -d 'Show only the last N lines of each container (-1: all)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Show lines since this time (RFC 3339, Unix seconds, or a duration like 10m)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Show lines until this time' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow the logs as the containers write them'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Show timestamps'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l names -d 'Prefix each line with the container\'s name instead of its ID'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s l -l latest -d 'The most recently created pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l format -d 'Output format: json, table, or a Go template over .Pod .CID .Name .CPU .MemUsage .MemUsageBytes .Mem .NetIO .BlockIO .PIDS' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -s a -l all -d 'Every pod'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-stream -d 'Print the figures once instead of redrawing them'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-trunc -d 'Do not truncate IDs'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l no-reset -d 'Do not clear the terminal between two tables'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand pod; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -f -a "df" -d 'Show disk usage of images, containers and volumes'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -f -a "prune" -d 'Remove stopped containers, dangling images and (with --volumes) unused volumes'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -f -a "reset" -d 'Remove everything hutch stores for this user: containers, images, volumes, storage'
complete -c hutch -n "__fish_hutch_using_subcommand system; and not __fish_seen_subcommand_from df prune reset service" -f -a "service" -d 'Serve the Docker Engine API on a unix socket, for docker, docker-py, compose and testcontainers'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Output format: json or a Go template such as {{.Type}} {{.Size}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'Show each image, container and volume'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from df" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove every unused image, not only dangling ones'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumes -d 'Remove volumes no container uses too'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -s t -l time -d 'Exit after this many seconds with no request and no open connection (0: never)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hutch -n "__fish_hutch_using_subcommand system; and __fish_seen_subcommand_from service" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and not __fish_seen_subcommand_from systemd" -f -a "systemd" -d 'Print (or with --files write) a systemd user unit that runs a container'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-policy -d 'systemd restart policy (Restart=)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s t -l time -d 'Stop timeout in seconds [default: the container\'s]' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l new -d 'Create the container when the unit starts and remove it when it stops'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s n -l name -d 'Name the unit and commands by the container\'s name instead of its ID'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s f -l files -d 'Write container-NAME.service in the current directory and print its path'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -f -a "install" -d 'Translate quadlet files and install the units in your systemd user unit directory'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -f -a "list" -d 'List the installed quadlet units'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -f -a "print" -d 'Print the unit a quadlet file turns into'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -f -a "rm" -d 'Remove installed quadlet units and their source files'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and not __fish_seen_subcommand_from install list print rm generate" -f -a "generate" -d 'Write the units of ~/.config/containers/systemd into DIR (as a systemd user generator)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l reload -d 'Run systemctl --user daemon-reload afterwards'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from print" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand quadlet; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -f -a "create" -d 'Create a secret from a file, standard input (-) or an environment variable (--env)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -f -a "ls" -d 'List secrets'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -f -a "inspect" -d 'Display the details of one or more secrets (never their data)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -f -a "rm" -d 'Remove one or more secrets'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists" -f -a "exists" -d 'Check whether a secret exists (exit 0 if it does, 1 if not)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'Secret driver (only file)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'Driver options KEY=VALUE,...' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label KEY=VALUE on the secret' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read the data from the environment variable named by the second argument'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: name=, id=' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'Output format: json, table, or a Go template such as {{.Name}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'Do not print the table header'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Show only secret IDs'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Output format: json or a Go template such as {{.Spec.Name}}' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every secret'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'Ignore secrets that do not exist'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand secret; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c hutch -n "__fish_hutch_using_subcommand update" -s m -l memory -d 'Memory limit, e.g. 512m (needs cgroup v2 delegation when rootless)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l memory-reservation -d 'Memory soft limit' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l memory-swap -d 'Memory plus swap limit; -1: unlimited swap' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l cpus -d 'Number of CPUs' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l cpu-period -d 'CPU CFS period in microseconds' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l cpu-quota -d 'CPU CFS quota in microseconds' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l cpuset-cpus -d 'CPUs to run on (0-3, 0,1)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l cpuset-mems -d 'Memory nodes to use (0-3, 0,1)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l pids-limit -d 'Process limit; -1: unlimited' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l blkio-weight -d 'Block IO weight (10 to 1000)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l restart -d 'New restart policy: no, always, on-failure[:N], unless-stopped' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l root -d 'Path of the persistent storage (graphroot) [default: $XDG_DATA_HOME/hutch/storage]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand update" -l runroot -d 'Path of runtime state (runroot) [default: $XDG_RUNTIME_DIR/hutch]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand update" -l storage-driver -d 'Storage driver: overlay, fuse-overlayfs or vfs [default: the first that works]' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l log-level -d 'Log level: error, warn, info, debug or trace' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l runtime -d 'OCI runtime for new containers: a name on PATH (crun, runc, youki) or a path' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l events-backend -d 'Where events go: file (hutch\'s event log) or none (no events are recorded) [default: containers.conf\'s events_logger, else file]' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l cgroup-manager -d 'Cgroup manager: cgroupfs (systemd is accepted and falls back to cgroupfs, as podman does rootless without a systemd user session)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l runtime-flag -d 'An option for the OCI runtime, passed to it as --FLAG (e.g. --runtime-flag debug)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l volumepath -d 'Where named volumes live [default: containers.conf\'s volume_path, else GRAPHROOT/volumes]' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand update" -l default-mounts-file -d 'podman\'s mounts.conf: SOURCE:DESTINATION lines; each source is copied for every new container and the copy mounted at its destination' -r -F
complete -c hutch -n "__fish_hutch_using_subcommand update" -l storage-opt -d 'A storage driver option KEY=VALUE (shown by info as GraphOptions)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l url -d 'Remote service URL: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l connection -d 'Remote connection name: not yet in hutch (refused)' -r
complete -c hutch -n "__fish_hutch_using_subcommand update" -l noout -d 'Do not print anything on standard output'
complete -c hutch -n "__fish_hutch_using_subcommand update" -s r -l remote -d 'Remote client: not yet in hutch (refused)'
complete -c hutch -n "__fish_hutch_using_subcommand update" -s h -l help -d 'Print help'
complete -c hutch -n "__fish_hutch_using_subcommand update" -s V -l version -d 'Print version'
