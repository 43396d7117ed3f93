//! The OCI `linux.seccomp` profile compiled with seccompiler.
//!
//! seccompiler builds one filter with one action for the syscalls it matches; an OCI profile
//! has an action per rule. The profile becomes a stack of filters: first a base filter
//! (default action for everything no rule names, allow for what rules name), then one
//! filter per other action (that action for its rules, allow otherwise). The kernel takes the
//! most restrictive answer of the stack, and on a tie the most recently loaded filter's, so the
//! result is the profile's. Names this kernel's table does not know are skipped, as runc skips
//! them. x32 system calls (the x86_64 number with bit 30 set) get the same rules, so a filtered
//! call cannot be made through the x32 ABI. When the profile lists SCMP_ARCH_X86, each filter
//! also carries the rules in i386 numbers, so 32-bit programs run under the profile as with
//! runc; other architectures' calls are refused by seccompiler's architecture check.

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

fn add(map: &mut Rules, nr: i64, x32: i64, r: &[SeccompRule]) {
    for n in [nr, nr | x32] {
        map.entry(n).or_default().extend(r.iter().cloned());
    }
}

/// The profile's rules in one ABI's numbers: for the base filter every named syscall with its
/// conditions, and each non-default action's rules, in the order the profile first names
/// each action (the same for every ABI, so their filters pair up).
struct Abi {
    named: Rules,
    groups: Vec<(SeccompAction, Rules)>,
}

fn collect(
    profile: &LinuxSeccomp,
    default: &SeccompAction,
    number: fn(&str) -> Option<i64>,
    x32: i64,
) -> Result<Abi> {
    let mut groups: Vec<(SeccompAction, Rules)> = Vec::new();
    let mut named: Rules = BTreeMap::new();
    let mut unconditional: std::collections::HashSet<i64> = Default::default();
    for sc in profile.syscalls().iter().flatten() {
        let Some(act) = action(sc.action(), sc.errno_ret())? else {
            continue;
        };
        if act == *default {
            continue;
        }
        let r = rules(sc)?;
        let group = (act != SeccompAction::Allow).then(|| {
            match groups.iter().position(|(a, _)| *a == act) {
                Some(i) => i,
                None => {
                    groups.push((act.clone(), BTreeMap::new()));
                    groups.len() - 1
                }
            }
        });
        for name in sc.names() {
            let Some(nr) = number(name) else {
                continue;
            };
            if r.is_empty() {
                unconditional.insert(nr);
            }
            if let Some(g) = group {
                add(&mut groups[g].1, nr, x32, &r);
            }
            add(&mut named, nr, x32, &r);
        }
    }
    // A syscall with an unconditional rule matches whatever its other rules say.
    for set in groups.iter_mut().map(|(_, g)| g).chain([&mut named]) {
        for nr in &unconditional {
            for n in [*nr, nr | x32] {
                if let Some(e) = set.get_mut(&n) {
                    e.clear();
                }
            }
        }
    }
    Ok(Abi { named, groups })
}

/// Whether the profile covers 32-bit x86 programs on this x86_64 host (runc's profiles, and
/// podman's, list SCMP_ARCH_X86): then their calls get the profile's answers instead of
/// being killed by the architecture check.
fn wants_i386(profile: &LinuxSeccomp) -> bool {
    cfg!(target_arch = "x86_64")
        && profile
            .architectures()
            .iter()
            .flatten()
            .any(|a| *a == oci_spec::runtime::Arch::ScmpArchX86)
}

/// The filters to load, in order; empty when the profile allows everything.
pub fn compile(profile: &LinuxSeccomp) -> Result<Vec<BpfProgram>> {
    compile_as(profile, true)
}

/// With `fold_x32`, the native filters clear the x32 bit of the number before comparing it
/// (one instruction), instead of comparing every call twice, with and without the bit: the
/// same answers from a filter about a third shorter for the kernel to check, translate, JIT
/// and run, and podman's deny-by-default profile fits one filter with its i386 half.
fn compile_as(profile: &LinuxSeccomp, fold_x32: bool) -> Result<Vec<BpfProgram>> {
    let arch = arch()?;
    let default = action(profile.default_action(), profile.default_errno_ret())?
        .unwrap_or(SeccompAction::Allow);
    let fold = fold_x32 && x32_bit() != 0;
    let native = collect(
        profile,
        &default,
        crate::syscalls::number,
        if fold { 0 } else { x32_bit() },
    )?;
    let i386 = if wants_i386(profile) {
        Some(collect(profile, &default, crate::syscalls_i386::number, 0)?)
    } else {
        None
    };
    let build = |rules: Rules, mismatch: SeccompAction, matched: SeccompAction, fold: bool| {
        let f = SeccompFilter::new(rules, mismatch, matched, arch)
            .map_err(|e| anyhow::anyhow!("seccomp filter: {e}"))?;
        let mut p = BpfProgram::try_from(f).map_err(|e| anyhow::anyhow!("seccomp filter: {e}"))?;
        if fold {
            fold_x32_bit(&mut p)?;
        }
        Ok::<_, anyhow::Error>(p)
    };
    let mut out = Vec::new();
    let mut guard = false;
    let mut pair = |native: Rules,
                    i386: Option<Rules>,
                    mismatch: SeccompAction,
                    matched: SeccompAction|
     -> Result<()> {
        let a = build(native, mismatch.clone(), matched.clone(), fold)?;
        match i386 {
            Some(r) => join_i386(a, build(r, mismatch, matched, false)?, &mut out, &mut guard),
            None => {
                out.push(a);
                Ok(())
            }
        }
    };
    let (mut i386_named, mut i386_groups) = match i386 {
        Some(a) => (
            Some(a.named),
            a.groups.into_iter().map(|(_, r)| Some(r)).collect(),
        ),
        None => (None, Vec::new()),
    };
    if default != SeccompAction::Allow {
        pair(
            native.named,
            i386_named.take(),
            default.clone(),
            SeccompAction::Allow,
        )?;
    }
    for (i, (act, rules)) in native.groups.into_iter().enumerate() {
        let other = i386_groups.get_mut(i).and_then(Option::take);
        if rules.is_empty() && other.as_ref().is_none_or(|r| r.is_empty()) {
            continue;
        }
        pair(rules, other, SeccompAction::Allow, act)?;
    }
    if guard {
        out.push(arch_guard());
    }
    Ok(out)
}

/// Clears the x32 bit of the number right where seccompiler's program has loaded it, after
/// its architecture check (load, compare, kill: no jump of those three goes past the load):
/// an x32 call then meets the rules of the x86_64 call of the same number, as when every
/// rule was listed for both (x32's own numbers, 512 and up, are in no rule either way). A
/// program without rules loads no number and is left as it is.
fn fold_x32_bit(p: &mut BpfProgram) -> Result<()> {
    if p.len() <= 3 || p[3].code == BPF_RET_K {
        return Ok(());
    }
    let prologue = p[0].code == BPF_LD_W_ABS
        && p[0].k == SECCOMP_DATA_ARCH
        && p[1].code == BPF_JMP_JEQ_K
        && (p[1].jt, p[1].jf) == (1, 0)
        && p[2].code == BPF_RET_K
        && p[3].code == BPF_LD_W_ABS
        && p[3].k == SECCOMP_DATA_NR;
    if !prologue {
        bail!("seccomp: unexpected program from seccompiler: cannot fold the x32 calls");
    }
    p.insert(4, insn(BPF_ALU_AND_K, 0, 0, !(x32_bit() as u32)));
    Ok(())
}

/// AUDIT_ARCH_I386 (EM_386, little-endian, 32-bit).
const AUDIT_ARCH_I386: u32 = 3 | 0x4000_0000;
/// AUDIT_ARCH_X86_64, which seccompiler's x86_64 programs check for.
const AUDIT_ARCH_X86_64: u32 = 62 | 0x8000_0000 | 0x4000_0000;
/// The kernel's limit on a classic BPF program.
const BPF_MAXINSNS: usize = 4096;

const BPF_LD_W_ABS: u16 = 0x20;
const BPF_JMP_JA: u16 = 0x05;
const BPF_JMP_JEQ_K: u16 = 0x15;
const BPF_RET_K: u16 = 0x06;
const BPF_ALU_AND_K: u16 = 0x54;
const SECCOMP_DATA_NR: u32 = 0;
const SECCOMP_DATA_ARCH: u32 = 4;

fn insn(code: u16, jt: u8, jf: u8, k: u32) -> seccompiler::sock_filter {
    seccompiler::sock_filter { code, jt, jf, k }
}

/// Adds a native x86_64 program and one built the same way with i386 numbers, as one filter
/// where the two fit the kernel's limit, else as two. Each starts by loading the architecture,
/// comparing it and killing on a mismatch. Joined, the native one's kill becomes a jump to the
/// i386 one, whose comparison is made against i386: an architecture that is neither (x32 is
/// x86_64 with bit 30 in the number) is still killed there. Apart, each allows what is not
/// its architecture, and a last filter (`guard`) kills what is neither.
fn join_i386(
    mut native: BpfProgram,
    mut i386: BpfProgram,
    out: &mut Vec<BpfProgram>,
    guard: &mut bool,
) -> Result<()> {
    let prologue = |p: &BpfProgram| {
        p.len() > 3
            && p[0].code == BPF_LD_W_ABS
            && p[0].k == SECCOMP_DATA_ARCH
            && p[1].code == BPF_JMP_JEQ_K
            && p[1].k == AUDIT_ARCH_X86_64
            && (p[1].jt, p[1].jf) == (1, 0)
            && p[2].code == BPF_RET_K
    };
    if !prologue(&native) || !prologue(&i386) {
        bail!("seccomp: unexpected program from seccompiler: cannot add the i386 half");
    }
    i386[1].k = AUDIT_ARCH_I386;
    if native.len() + i386.len() <= BPF_MAXINSNS {
        // A jump lands at pc + 1 + k: the first instruction of the i386 program.
        native[2] = insn(BPF_JMP_JA, 0, 0, (native.len() - 3) as u32);
        native.extend(i386);
        out.push(native);
    } else {
        native[2] = insn(BPF_RET_K, 0, 0, libc::SECCOMP_RET_ALLOW);
        i386[2] = insn(BPF_RET_K, 0, 0, libc::SECCOMP_RET_ALLOW);
        out.push(native);
        out.push(i386);
        *guard = true;
    }
    Ok(())
}

/// Kills the calls of any architecture but x86_64 (with x32) and i386.
fn arch_guard() -> BpfProgram {
    vec![
        insn(BPF_LD_W_ABS, 0, 0, SECCOMP_DATA_ARCH),
        insn(BPF_JMP_JEQ_K, 2, 0, AUDIT_ARCH_X86_64),
        insn(BPF_JMP_JEQ_K, 1, 0, AUDIT_ARCH_I386),
        insn(BPF_RET_K, 0, 0, libc::SECCOMP_RET_KILL_PROCESS),
        insn(BPF_RET_K, 0, 0, libc::SECCOMP_RET_ALLOW),
    ]
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

    /// Deny by default, with an allow list, an errno rule and an argument rule.
    const SMALL_DENY_BY_DEFAULT: &str = r#"{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[
    {"names":["read","write"],"action":"SCMP_ACT_ALLOW"},
    {"names":["clone3"],"action":"SCMP_ACT_ERRNO","errnoRet":38},
    {"names":["personality"],"action":"SCMP_ACT_ALLOW","args":[{"index":0,"value":0,"op":"SCMP_CMP_EQ"},{"index":0,"value":8,"op":"SCMP_CMP_EQ"}]}]}"#;

    #[test]
    fn deny_by_default_stacks_a_base_filter() {
        let p: LinuxSeccomp = serde_json::from_str(SMALL_DENY_BY_DEFAULT).unwrap();
        assert_eq!(compile(&p).unwrap().len(), 2);
    }

    /// Runs a classic BPF program (the instructions seccompiler emits) on one call.
    fn run(prog: &BpfProgram, arch: u32, nr: i64, args: [u64; 6]) -> u32 {
        let mut data = Vec::new();
        data.extend((nr as u32).to_ne_bytes());
        data.extend(arch.to_ne_bytes());
        data.extend(0u64.to_ne_bytes());
        for a in args {
            data.extend(a.to_ne_bytes());
        }
        let (mut acc, mut pc) = (0u32, 0usize);
        loop {
            let i = &prog[pc];
            pc += 1;
            match i.code {
                0x20 => {
                    let o = i.k as usize;
                    acc = u32::from_ne_bytes(data[o..o + 4].try_into().unwrap());
                }
                0x06 => return i.k,
                0x05 => pc += i.k as usize,
                0x15 | 0x25 | 0x35 | 0x45 => {
                    let hit = match i.code {
                        0x15 => acc == i.k,
                        0x25 => acc > i.k,
                        0x35 => acc >= i.k,
                        _ => acc & i.k != 0,
                    };
                    pc += if hit { i.jt } else { i.jf } as usize;
                }
                0x54 => acc &= i.k,
                c => panic!("instruction {c:#x} not simulated"),
            }
        }
    }

    /// What a stack of filters answers: the most restrictive, the later on a tie.
    fn answer(progs: &[BpfProgram], arch: u32, nr: i64) -> u32 {
        answer_with(progs, arch, nr, [0; 6])
    }

    fn answer_with(progs: &[BpfProgram], arch: u32, nr: i64, args: [u64; 6]) -> u32 {
        let rank = |r: u32| match r & 0xffff_0000 {
            0x8000_0000 => 0,
            0 => 1,
            0x0003_0000 => 2,
            0x0005_0000 => 3,
            0x7ffc_0000 => 4,
            _ => 5,
        };
        progs
            .iter()
            .map(|p| run(p, arch, nr, args))
            .min_by_key(|r| rank(*r))
            .unwrap_or(0x7fff_0000)
    }

    const ALLOW: u32 = 0x7fff_0000;
    const KILL_PROCESS: u32 = 0x8000_0000;
    const ERRNO_EPERM: u32 = 0x0005_0000 | 1;

    #[test]
    fn i386_calls_get_the_profiles_answers() {
        let p: LinuxSeccomp = serde_json::from_str(
            r#"{"defaultAction":"SCMP_ACT_ERRNO","defaultErrnoRet":38,
                "architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X86","SCMP_ARCH_X32"],
                "syscalls":[
                {"names":["read","write","exit_group","mkdir","set_thread_area"],"action":"SCMP_ACT_ALLOW"},
                {"names":["keyctl"],"action":"SCMP_ACT_ERRNO","errnoRet":1}]}"#,
        )
        .unwrap();
        let progs = compile(&p).unwrap();
        let i386 = AUDIT_ARCH_I386;
        let x86_64 = AUDIT_ARCH_X86_64;
        // mkdir is 83 on x86_64, 39 on i386; keyctl 250 and 288; set_thread_area is i386's 243.
        assert_eq!(answer(&progs, x86_64, 83), ALLOW);
        assert_eq!(answer(&progs, i386, 39), ALLOW);
        assert_eq!(answer(&progs, i386, 243), ALLOW);
        assert_eq!(answer(&progs, x86_64, 250), ERRNO_EPERM);
        assert_eq!(answer(&progs, i386, 288), ERRNO_EPERM);
        // x32: the x86_64 number with bit 30.
        assert_eq!(answer(&progs, x86_64, 83 | 0x4000_0000), ALLOW);
        // Unnamed calls get the default action on both ABIs (i386's 83 is symlink).
        assert_eq!(answer(&progs, i386, 83), 0x0005_0000 | 38);
        assert_eq!(answer(&progs, x86_64, 39), 0x0005_0000 | 38);
        // Another architecture is killed, as before.
        assert_eq!(answer(&progs, 183 | 0xc000_0000, 63), KILL_PROCESS);
    }

    #[test]
    fn without_x86_in_the_profile_i386_calls_are_killed() {
        let p: LinuxSeccomp = serde_json::from_str(
            r#"{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["mkdir"],"action":"SCMP_ACT_ALLOW"}]}"#,
        )
        .unwrap();
        let progs = compile(&p).unwrap();
        assert_eq!(answer(&progs, AUDIT_ARCH_X86_64, 83), ALLOW);
        assert_eq!(answer(&progs, AUDIT_ARCH_I386, 39), KILL_PROCESS);
    }

    /// Every call's answer, folded or not: x86_64 numbers with and without the x32 bit, i386
    /// numbers, another architecture.
    fn same_answers(p: &LinuxSeccomp) {
        let folded = compile_as(p, true).unwrap();
        let listed = compile_as(p, false).unwrap();
        assert!(folded.iter().all(|f| f.len() <= BPF_MAXINSNS));
        for nr in 0..1100i64 {
            for (arch, n) in [
                (AUDIT_ARCH_X86_64, nr),
                (AUDIT_ARCH_X86_64, nr | 0x4000_0000),
                (AUDIT_ARCH_I386, nr),
                (183 | 0xc000_0000, nr),
            ] {
                for args in [
                    [0; 6],
                    [1, 2, 3, 4, 5, 6],
                    [u64::MAX; 6],
                    [8, 0x7e02_0000, 0, 0, 0, 0],
                ] {
                    assert_eq!(
                        answer_with(&folded, arch, n, args),
                        answer_with(&listed, arch, n, args),
                        "arch {arch:#x} number {n:#x} args {args:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn folding_x32_changes_no_answer() {
        let hutch: LinuxSeccomp =
            serde_json::from_str(include_str!("../../engine/src/container/seccomp.json")).unwrap();
        same_answers(&hutch);
        assert!(
            compile_as(&hutch, true).unwrap()[0].len()
                < compile_as(&hutch, false).unwrap()[0].len()
        );
        let text = std::fs::read_to_string("/usr/share/containers/seccomp.json")
            .expect("podman's seccomp profile (Debian package golang-github-containers-common)");
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        same_answers(&serde_json::from_value(v.clone()).unwrap());
        v["architectures"] =
            serde_json::json!(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]);
        let podman: LinuxSeccomp = serde_json::from_value(v).unwrap();
        same_answers(&podman);
        // Folded, podman's filters are fewer (its base filter and i386 half fit one) and
        // shorter.
        let size = |f: &[BpfProgram]| (f.len(), f.iter().map(Vec::len).sum::<usize>());
        let (folded, listed) = (
            size(&compile_as(&podman, true).unwrap()),
            size(&compile_as(&podman, false).unwrap()),
        );
        assert!(
            folded.0 < listed.0 && folded.1 < listed.1,
            "{folded:?} {listed:?}"
        );
        let small: LinuxSeccomp = serde_json::from_str(SMALL_DENY_BY_DEFAULT).unwrap();
        same_answers(&small);
    }

    #[test]
    fn hutchs_profile_fits_with_its_i386_half() {
        // The profile hutch ships (podman's, in OCI form): it lists SCMP_ARCH_X86.
        let p: LinuxSeccomp =
            serde_json::from_str(include_str!("../../engine/src/container/seccomp.json")).unwrap();
        assert!(wants_i386(&p));
        let progs = compile(&p).unwrap();
        assert!(progs.iter().all(|f| f.len() <= BPF_MAXINSNS));
        // mkdir is allowed, on both ABIs; unshare (i386's 310) is refused on both.
        assert_eq!(answer(&progs, AUDIT_ARCH_X86_64, 83), ALLOW);
        assert_eq!(answer(&progs, AUDIT_ARCH_I386, 39), ALLOW);
        assert_eq!(
            answer(&progs, AUDIT_ARCH_I386, 310),
            answer(&progs, AUDIT_ARCH_X86_64, 272)
        );
    }

    #[test]
    fn podmans_deny_by_default_profile_splits_its_i386_half() {
        // podman turns its profile's archMap into these architectures.
        let text = std::fs::read_to_string("/usr/share/containers/seccomp.json")
            .expect("podman's seccomp profile (Debian package golang-github-containers-common)");
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["architectures"] =
            serde_json::json!(["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"]);
        let p: LinuxSeccomp = serde_json::from_value(v).unwrap();
        let progs = compile(&p).unwrap();
        assert!(progs.iter().all(|f| f.len() <= BPF_MAXINSNS));
        // mkdir allowed on both ABIs; kexec_load (246 on x86_64, 283 on i386) refused on both.
        assert_eq!(answer(&progs, AUDIT_ARCH_X86_64, 83), ALLOW);
        assert_eq!(answer(&progs, AUDIT_ARCH_I386, 39), ALLOW);
        assert_ne!(answer(&progs, AUDIT_ARCH_X86_64, 246), ALLOW);
        assert_eq!(
            answer(&progs, AUDIT_ARCH_I386, 283),
            answer(&progs, AUDIT_ARCH_X86_64, 246)
        );
        assert_eq!(answer(&progs, 183 | 0xc000_0000, 63), KILL_PROCESS);
    }
}
