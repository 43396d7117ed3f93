//! Creating a process in new namespaces in one step, as fork does but with clone(2)'s flags.
#![allow(unsafe_code)]

use std::io;

/// Forks with the namespace `flags` (CLONE_NEW*): `Ok(None)` in the child, the child's pid in
/// the parent.
///
/// The runtime is single-threaded and never holds a lock across this call, so the child may
/// allocate and use std as a forked process may; it must not rely on glibc's cached thread id
/// (nothing in the runtime does).
pub fn fork_into(flags: libc::c_int) -> io::Result<Option<i32>> {
    // SAFETY: clone without CLONE_VM and without a new stack behaves as fork(2): the child
    // gets a copy of this (single-threaded) address space and returns here with 0. The null
    // pointer arguments are ignored for these flags.
    let r = unsafe {
        libc::syscall(
            libc::SYS_clone,
            (flags | libc::SIGCHLD) as libc::c_ulong,
            std::ptr::null_mut::<libc::c_void>(),
            std::ptr::null_mut::<libc::c_void>(),
            std::ptr::null_mut::<libc::c_void>(),
            0usize,
        )
    };
    match r {
        -1 => Err(io::Error::last_os_error()),
        0 => Ok(None),
        pid => Ok(Some(pid as i32)),
    }
}
