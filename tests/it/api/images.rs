//! API tests: images.
