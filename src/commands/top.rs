//! `hutch top`: a running container's processes, with ps-like descriptors.

use crate::cli::TopArgs;

pub fn run(ctx: &super::Ctx, args: TopArgs) -> anyhow::Result<i32> {
    let eng = super::ctrs::open(ctx)?;
    let (heads, rows) = eng.top(&args.container, &args.descriptors)?;
    let mut out = String::new();
    out.push_str(&heads.join("\t"));
    out.push('\n');
    for row in &rows {
        out.push_str(&row.join("\t"));
        out.push('\n');
    }
    crate::format::print(&crate::format::align(&out))?;
    Ok(0)
}
