//! API tests: containers.
