//! `hutch image tree`: the image's layers, base first, with sizes, as podman draws them.

use crate::cli::TreeArgs;
use crate::format;

pub fn run(ctx: &super::Ctx, args: TreeArgs) -> anyhow::Result<i32> {
    let eng = ctx.engine()?;
    let db = eng.db();
    let img = hutch_engine::images::lookup(db, &args.image)?.image;
    let layers = hutch_engine::images::tree(db, &img)?;
    let mut out = format!(
        "Image ID: {}\nTags:     [{}]\nSize:     {}\nImage Layers\n",
        format::short_id(&img.id),
        img.names.join(" "),
        format::human_size_compact(img.size)
    );
    for (i, l) in layers.iter().enumerate() {
        let last = i + 1 == layers.len();
        out.push_str(if last { "└── " } else { "├── " });
        out.push_str(&format!(
            "ID: {} Size: {:>7}",
            format::short_id(&l.diff_id),
            format::human_size_compact(l.size)
        ));
        if last && !img.names.is_empty() {
            out.push_str(&format!(" Top Layer of: [{}]", img.names.join(" ")));
        }
        out.push('\n');
    }
    format::print(&out)?;
    Ok(0)
}
