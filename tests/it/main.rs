//! Black-box tests of the real `hutch` binary, run as an unprivileged user.
