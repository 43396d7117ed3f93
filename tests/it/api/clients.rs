//! API tests: clients.
