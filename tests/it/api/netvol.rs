//! API tests: netvol.
