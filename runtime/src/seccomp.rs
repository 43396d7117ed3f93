//! The OCI `linux.seccomp` profile compiled with seccompiler.
//!
//! seccompiler builds one filter with one action for the syscalls it matches; an OCI profile
//! has an action per rule. The profile becomes a stack of filters: first a base filter
//! (default action for everything no rule names, allow for what rules name), then one
//! filter per other action (that action for its rules, allow otherwise). The kernel takes the
//! most restrictive answer of the stack, and on a tie the most recently loaded filter's, so the
//! result is the profile's. Names this kernel's table does not know are skipped, as runc skips
//! them. x32 system calls (the x86_64 number with bit 30 set) get the same rules, so a filtered
//! call cannot be made through the x32 ABI; other architectures' calls are refused by
//! seccompiler's architecture check.

use anyhow::{bail, Result};
use oci_spec::runtime::{LinuxSeccomp, LinuxSeccompAction, LinuxSeccompOperator, LinuxSyscall};
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};
use std::collections::BTreeMap;

#[cfg(target_arch = "x86_64")]
const X32_BIT: i64 = 0x4000_0000;

fn arch() -> Result<TargetArch> {
    match TargetArch::try_from(std::env::consts::ARCH) {
        Ok(a) => Ok(a),
        Err(_) => bail!(
            "seccomp: architecture {} is not supported",
            std::env::consts::ARCH
        ),
    }
}

const EPERM: u32 = libc::EPERM as u32;

fn action(a: LinuxSeccompAction, errno: Option<u32>) -> Result<Option<SeccompAction>> {
    Ok(Some(match a {
        LinuxSeccompAction::ScmpActAllow => SeccompAction::Allow,
        LinuxSeccompAction::ScmpActErrno => SeccompAction::Errno(errno.unwrap_or(EPERM)),
        LinuxSeccompAction::ScmpActKill | LinuxSeccompAction::ScmpActKillThread => {
            SeccompAction::KillThread
        }
        LinuxSeccompAction::ScmpActKillProcess => SeccompAction::KillProcess,
        LinuxSeccompAction::ScmpActLog => SeccompAction::Log,
        LinuxSeccompAction::ScmpActTrace => SeccompAction::Trace(errno.unwrap_or(EPERM)),
        LinuxSeccompAction::ScmpActTrap => SeccompAction::Trap,
        other => bail!("seccomp: action {other:?} is not supported by hutch-runtime"),
    }))
}

fn rules(sc: &LinuxSyscall) -> Result<Vec<SeccompRule>> {
    let Some(args) = sc.args().as_ref().filter(|a| !a.is_empty()) else {
        return Ok(Vec::new());
    };
    let cond = |a: &oci_spec::runtime::LinuxSeccompArg| -> Result<SeccompCondition> {
        let op = match a.op() {
            LinuxSeccompOperator::ScmpCmpNe => SeccompCmpOp::Ne,
            LinuxSeccompOperator::ScmpCmpLt => SeccompCmpOp::Lt,
            LinuxSeccompOperator::ScmpCmpLe => SeccompCmpOp::Le,
            LinuxSeccompOperator::ScmpCmpEq => SeccompCmpOp::Eq,
            LinuxSeccompOperator::ScmpCmpGe => SeccompCmpOp::Ge,
            LinuxSeccompOperator::ScmpCmpGt => SeccompCmpOp::Gt,
            LinuxSeccompOperator::ScmpCmpMaskedEq => SeccompCmpOp::MaskedEq(a.value()),
        };
        let value = match a.op() {
            LinuxSeccompOperator::ScmpCmpMaskedEq => a.value_two().unwrap_or(0),
            _ => a.value(),
        };
        SeccompCondition::new(a.index() as u8, SeccompCmpArgLen::Qword, op, value)
            .map_err(|e| anyhow::anyhow!("seccomp: argument {}: {e}", a.index()))
    };
    // As runc: comparisons of different arguments must all hold; several comparisons of the
    // same argument are alternatives.
    let mut seen = std::collections::HashSet::new();
    let repeated = args.iter().any(|a| !seen.insert(a.index()));
    let mk = |conds: Vec<SeccompCondition>| {
        SeccompRule::new(conds).map_err(|e| anyhow::anyhow!("seccomp rule: {e}"))
    };
    if repeated {
        args.iter().map(|a| mk(vec![cond(a)?])).collect()
    } else {
        Ok(vec![mk(args.iter().map(cond).collect::<Result<_>>()?)?])
    }
}

type Rules = BTreeMap<i64, Vec<SeccompRule>>;

fn add(map: &mut Rules, nr: i64, r: &[SeccompRule]) {
    for n in [nr, nr | x32_bit()] {
        map.entry(n).or_default().extend(r.iter().cloned());
    }
}

/// The filters to load, in order; empty when the profile allows everything.
pub fn compile(profile: &LinuxSeccomp) -> Result<Vec<BpfProgram>> {
    let arch = arch()?;
    let default = action(profile.default_action(), profile.default_errno_ret())?
        .unwrap_or(SeccompAction::Allow);
    // Each action's rules, and for the base filter every named syscall with its conditions.
    let mut groups: Vec<(SeccompAction, Rules)> = Vec::new();
    let mut named: Rules = BTreeMap::new();
    let mut unconditional: std::collections::HashSet<i64> = Default::default();
    for sc in profile.syscalls().iter().flatten() {
        let Some(act) = action(sc.action(), sc.errno_ret())? else {
            continue;
        };
        let r = rules(sc)?;
        for name in sc.names() {
            let Some(nr) = crate::syscalls::number(name) else {
                continue;
            };
            if act == default {
                continue;
            }
            if r.is_empty() {
                unconditional.insert(nr);
            }
            if act != SeccompAction::Allow {
                let g = match groups.iter_mut().position(|(a, _)| *a == act) {
                    Some(i) => &mut groups[i].1,
                    None => {
                        groups.push((act.clone(), BTreeMap::new()));
                        &mut groups.last_mut().expect("just pushed").1
                    }
                };
                add(g, nr, &r);
            }
            add(&mut named, nr, &r);
        }
    }
    // A syscall with an unconditional rule matches whatever its other rules say.
    for set in groups.iter_mut().map(|(_, g)| g).chain([&mut named]) {
        for nr in &unconditional {
            for n in [*nr, nr | x32_bit()] {
                if let Some(e) = set.get_mut(&n) {
                    e.clear();
                }
            }
        }
    }
    let mut out = Vec::new();
    let build =
        |rules: Rules, mismatch: SeccompAction, matched: SeccompAction| -> Result<BpfProgram> {
            let f = SeccompFilter::new(rules, mismatch, matched, arch)
                .map_err(|e| anyhow::anyhow!("seccomp filter: {e}"))?;
            BpfProgram::try_from(f).map_err(|e| anyhow::anyhow!("seccomp filter: {e}"))
        };
    if default != SeccompAction::Allow {
        out.push(build(named, default.clone(), SeccompAction::Allow)?);
    }
    for (act, rules) in groups {
        if act != default {
            out.push(build(rules, SeccompAction::Allow, act)?);
        }
    }
    Ok(out)
}

fn x32_bit() -> i64 {
    #[cfg(target_arch = "x86_64")]
    return X32_BIT;
    #[cfg(not(target_arch = "x86_64"))]
    return 0;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hutch_profile_is_one_filter() {
        let p: LinuxSeccomp = serde_json::from_str(
            r#"{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["keyctl","no_such_call"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}"#,
        )
        .unwrap();
        assert_eq!(compile(&p).unwrap().len(), 1);
    }

    #[test]
    fn deny_by_default_stacks_a_base_filter() {
        let p: LinuxSeccomp = serde_json::from_str(
            r#"{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[
                {"names":["read","write"],"action":"SCMP_ACT_ALLOW"},
                {"names":["clone3"],"action":"SCMP_ACT_ERRNO","errnoRet":38},
                {"names":["personality"],"action":"SCMP_ACT_ALLOW","args":[{"index":0,"value":0,"op":"SCMP_CMP_EQ"},{"index":0,"value":8,"op":"SCMP_CMP_EQ"}]}]}"#,
        )
        .unwrap();
        assert_eq!(compile(&p).unwrap().len(), 2);
    }
}
