//! Dropping capabilities from the bounding set by number, for the numbers the caps crate does
//! not name (a kernel newer than it).
#![allow(unsafe_code)]

use std::io;

/// Drops capability number `cap` from this thread's bounding set; dropping one that is not
/// there succeeds. EINVAL means the kernel has no capability of that number.
pub fn bounding_drop(cap: u32) -> io::Result<()> {
    // SAFETY: PR_CAPBSET_DROP takes two integers and no pointers.
    let r = unsafe {
        libc::prctl(
            libc::PR_CAPBSET_DROP,
            cap as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        )
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}
