//! API tests: streams.
