//! `render_list` and `render_one`: JSON, templates per row or over the list, `table` headers.

use super::*;
use serde_json::json;

fn spec<'a>(default: &'a str, noheading: bool) -> ListSpec<'a> {
    ListSpec {
        default,
        headers: &[("ID", "IMAGE ID")],
        noheading,
    }
}

#[test]
fn table_has_header_and_aligned_columns() {
    let rows = vec![
        json!({"Repository": "docker.io/library/busybox", "Tag": "latest", "ID": "beae173ccac6"}),
        json!({"Repository": "<none>", "Tag": "<none>", "ID": "0123456789ab"}),
    ];
    let out = render_list(
        None,
        &spec("table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}", false),
        &rows,
        Vec::new,
    )
    .unwrap();
    assert_eq!(
        out,
        "REPOSITORY                 TAG         IMAGE ID\n\
         docker.io/library/busybox  latest      beae173ccac6\n\
         <none>                     <none>      0123456789ab\n"
    );
    let out = render_list(
        Some("table {{.Tag}}"),
        &spec("table {{.Repository}}", true),
        &rows,
        Vec::new,
    )
    .unwrap();
    assert_eq!(out, "latest\n<none>\n");
    let out = render_list(
        Some("table"),
        &spec("table {{.Tag}}\t{{.ID}}", false),
        &rows,
        Vec::new,
    )
    .unwrap();
    assert!(out.starts_with("TAG         IMAGE ID\n"), "{out:?}");
}

#[test]
fn literal_backslash_t_and_printf_in_a_table() {
    let rows = vec![json!({"Names": ["a", "b"], "Size": 5})];
    let out = render_list(
        Some(r#"table {{join .Names ","}}\t{{printf "%03d" .Size}}"#),
        &spec("table {{.Names}}", false),
        &rows,
        Vec::new,
    )
    .unwrap();
    assert_eq!(out, "NAMES       SIZE\na,b         005\n");
}

#[test]
fn plain_template_per_row_and_json() {
    let rows = vec![json!({"ID": "a"}), json!({"ID": "b"})];
    let s = spec("table {{.ID}}", false);
    assert_eq!(
        render_list(Some("{{.ID}}"), &s, &rows, Vec::new).unwrap(),
        "a\nb\n"
    );
    assert_eq!(
        render_list(Some("{{range .}}{{.ID}},{{end}}"), &s, &rows, Vec::new).unwrap(),
        "a,b,\n"
    );
    let out = render_list(Some("json"), &s, &rows, || vec![json!({"Id": "full"})]).unwrap();
    let parsed: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(parsed, json!([{"Id": "full"}]));
    assert_eq!(
        render_list(Some("json"), &s, &[], Vec::new).unwrap(),
        "[]\n"
    );
}

#[test]
fn render_one_template_json_and_errors() {
    let v = json!({"Id": "abc", "Config": {"Env": ["A=1", "B=2"]}});
    assert_eq!(render_one("{{.Id}}", &v).unwrap(), "abc\n");
    assert_eq!(render_one("{{.Config.Env}}", &v).unwrap(), "[A=1 B=2]\n");
    // Outside `table`, podman prints a typed \t as a tab.
    assert_eq!(render_one("a\\tb", &v).unwrap(), "a\tb\n");
    assert_eq!(
        render_one("json", &json!({"a": 1})).unwrap(),
        "{\n  \"a\": 1\n}\n"
    );
    let err = render_one("{{.Nope}}", &v).unwrap_err().to_string();
    assert!(
        err.contains("{{.Nope}}") && err.contains("can't evaluate field Nope"),
        "{err}"
    );
}
