//! Links hutch-runtime as a position-dependent executable. A PIE has its ~9,400 pointers in
//! read-only data (vtables, panic locations, string tables) relocated at every start, which
//! writes, and so copies, every page of .data.rel.ro (~190 KB): about a quarter of the page
//! faults of `hutch-runtime --version`. Linked at a fixed address there is nothing to
//! relocate. The price is that the runtime's own code is not at a random address (libraries,
//! heap, stack and mmap still are), as with runc's Go binaries.
fn main() {
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
