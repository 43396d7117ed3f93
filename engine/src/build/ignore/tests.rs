use super::*;

/// (pattern, path, matches)
const GLOB_CASES: &[(&str, &str, bool)] = &[
    ("abc", "abc", true),
    ("abc", "abcd", false),
    ("*", "abc", true),
    ("*", "a/b", false),
    ("*c", "abc", true),
    ("a*", "a", true),
    ("a*/b", "abc/b", true),
    ("a*/b", "a/c/b", false),
    ("a*b*c*d*e*/f", "axbxcxdxe/f", true),
    ("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
    ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
    ("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
    ("a*b?c*x", "abxbbxdbxebxczzx", true),
    ("a*b?c*x", "abxbbxdbxebxczzy", false),
    ("ab[c]", "abc", true),
    ("ab[b-d]", "abc", true),
    ("ab[e-g]", "abc", false),
    ("ab[^c]", "abc", false),
    ("ab[^b-d]", "abc", false),
    ("ab[^e-g]", "abc", true),
    ("a\\*b", "a*b", true),
    ("a\\*b", "ab", false),
    ("a?b", "a☺b", true),
    ("a[^a]b", "a☺b", true),
    ("a???b", "a☺b", false),
    ("a?b", "a/b", false),
    ("a*b", "a/b", false),
    ("[\\]a]", "]", true),
    ("[\\-]", "-", true),
    ("[x\\-]", "x", true),
    ("[x\\-]", "-", true),
    ("[x\\-]", "z", false),
    ("[a-\\z]", "m", true),
    ("**", "a/b/c", true),
    ("**", "", true),
    ("**/foo", "foo", true),
    ("**/foo", "a/b/foo", true),
    ("**/foo", "a/b/foox", false),
    ("**/*.go", "x.go", true),
    ("**/*.go", "a/b/x.go", true),
    ("**/*.go", "a/b/x.gox", false),
    ("a/**/b", "a/b", true),
    ("a/**/b", "a/x/y/b", true),
    ("a/**/b", "ab", false),
    ("a/**", "a/b/c", true),
    ("a/**", "a", false),
    ("a**", "abc/d", true),
    // Docker's quirk: an inner `**` not followed by `/` still stands for whole directories.
    ("a**b", "ab", true),
    ("a**b", "ax/b", true),
    ("a**b", "axb", false),
    ("*.md", "README.md", true),
    ("*.md", "docs/README.md", false),
    ("docs/*.md", "docs/README.md", true),
    (".git", ".git", true),
    ("*", ".hidden", true),
];

#[test]
fn glob_cases() {
    for (pat, path, want) in GLOB_CASES {
        let g = Glob::new(pat).unwrap();
        assert_eq!(g.matches(path), *want, "{pat:?} on {path:?}");
    }
}

#[test]
fn bad_globs() {
    for pat in ["[", "a[", "[^", "[a-", "[z-a]", "[]", "a[\\"] {
        assert!(Glob::new(pat).is_err(), "{pat:?} should be refused");
    }
    let e = Glob::new("a[b").unwrap_err();
    assert!(e.to_string().contains("a[b"), "{e}");
}

#[test]
fn could_match_under() {
    let g = Glob::new("a/b/*.txt").unwrap();
    assert!(g.could_match_under("a"));
    assert!(g.could_match_under("a/b"));
    assert!(!g.could_match_under("a/c"));
    assert!(!g.could_match_under("x"));
    assert!(!g.could_match_under("a/b/c.txt"));
    assert!(Glob::new("**/keep").unwrap().could_match_under("deep/er"));
    assert!(Glob::new("*/keep").unwrap().could_match_under("any"));
    assert!(!Glob::new("*/keep").unwrap().could_match_under("any/more"));
    assert!(Glob::new("*").unwrap().could_match_under(""));
}

#[test]
fn clean_paths() {
    for (input, want) in [
        ("", "."),
        (".", "."),
        ("./a", "a"),
        ("a/", "a"),
        ("a//b", "a/b"),
        ("a/./b", "a/b"),
        ("a/../b", "b"),
        ("../a", "../a"),
        ("a/../../b", "../b"),
        ("/", "/"),
        ("/../a", "/a"),
        ("/a/b/", "/a/b"),
    ] {
        assert_eq!(clean_path(input), want, "{input:?}");
    }
}

fn rules(text: &str) -> IgnoreRules {
    IgnoreRules::try_parse(text).unwrap()
}

fn excluded(r: &IgnoreRules, p: &str) -> bool {
    r.is_excluded(Path::new(p))
}

#[test]
fn comments_blanks_and_cleaning() {
    let r = rules("\u{feff}# a comment\n\n   \nnode_modules\n/abs\n./dot/\n  spaced  \r\n");
    assert!(excluded(&r, "node_modules"));
    assert!(excluded(&r, "node_modules/x/y"));
    assert!(excluded(&r, "abs"));
    assert!(excluded(&r, "dot"));
    assert!(excluded(&r, "dot/file"));
    assert!(excluded(&r, "spaced"));
    assert!(!excluded(&r, "# a comment"));
    assert!(!excluded(&r, "other"));
    assert!(!excluded(&r, "sub/node_modules"));
    // Paths handed in are cleaned the same way.
    assert!(excluded(&r, "./node_modules"));
    assert!(excluded(&r, "/node_modules/a"));
    assert!(!excluded(&r, "."));
    assert!(!excluded(&r, ""));
}

#[test]
fn comment_only_at_line_start() {
    let r = rules(" #x\n");
    assert!(excluded(&r, "#x"));
}

#[test]
fn exceptions_last_match_wins() {
    let r = rules("*.md\n!README.md\n");
    assert!(excluded(&r, "CHANGES.md"));
    assert!(!excluded(&r, "README.md"));
    assert!(!excluded(&r, "docs/a.md"));

    let r = rules("*.md\n!README*.md\nREADME-secret.md\n");
    assert!(excluded(&r, "README-secret.md"));
    assert!(!excluded(&r, "README-public.md"));

    let r = rules("!README.md\n*.md\n");
    assert!(excluded(&r, "README.md"));
}

#[test]
fn excluded_directory_and_reincluded_file() {
    let r = rules("docs\n!docs/keep.txt\n");
    assert!(excluded(&r, "docs"));
    assert!(excluded(&r, "docs/other.txt"));
    assert!(!excluded(&r, "docs/keep.txt"));
    assert!(r.could_include_under(Path::new("docs")));
    assert!(!r.could_include_under(Path::new("docs/sub")));

    let r = rules("*\n!src\n");
    assert!(excluded(&r, "Makefile"));
    assert!(!excluded(&r, "src"));
    assert!(!excluded(&r, "src/main.rs"));
    assert!(r.could_include_under(Path::new("src")));
    assert!(!r.could_include_under(Path::new("target")));

    let r = rules("**/*.log\n!important/**\n");
    assert!(excluded(&r, "a/b/c.log"));
    assert!(excluded(&r, "c.log"));
    assert!(!excluded(&r, "important/x.log"));

    let r = rules("a\n!a/b/c\n");
    assert!(r.could_include_under(Path::new("a")));
    assert!(r.could_include_under(Path::new("a/b")));
    assert!(!r.could_include_under(Path::new("a/x")));
    assert!(!excluded(&r, "a/b/c"));
    assert!(!excluded(&r, "a/b/c/d"));
    assert!(excluded(&r, "a/b/d"));
}

#[test]
fn walker_shortcut_without_exceptions() {
    let r = rules("target\n.git\n");
    assert!(!r.could_include_under(Path::new("target")));
    assert!(!r.could_include_under(Path::new(".git")));
    assert!(r.could_include_under(Path::new("src")));
    assert!(!r.has_exceptions());
    assert!(IgnoreRules::parse("").is_empty());
}

#[test]
fn double_star_patterns() {
    let r = rules("**/.DS_Store\n**/node_modules\n");
    assert!(excluded(&r, ".DS_Store"));
    assert!(excluded(&r, "a/b/.DS_Store"));
    assert!(excluded(&r, "web/node_modules/pkg/index.js"));
    assert!(!excluded(&r, "web/node_modules_x"));
}

#[test]
fn dotdot_patterns_do_not_escape() {
    let r = rules("../outside\na/../b\n");
    assert!(excluded(&r, "b"));
    assert!(!excluded(&r, "outside"));
}

#[test]
fn bad_patterns() {
    assert!(IgnoreRules::try_parse("ok\n[bad\n").is_err());
    assert!(IgnoreRules::try_parse("!\n").is_err());
    let r = IgnoreRules::parse("[bad\nok\n");
    assert!(excluded(&r, "ok"));
    assert!(!excluded(&r, "[bad"));
}

#[test]
fn exclude_flag_patterns() {
    let r = IgnoreRules::from_patterns(&["*.tmp".into(), "!keep.tmp".into()]).unwrap();
    assert!(excluded(&r, "x.tmp"));
    assert!(!excluded(&r, "keep.tmp"));
}

#[test]
fn hostile_patterns_stay_fast() {
    let pat = format!("{}b", "*a".repeat(40));
    let g = Glob::new(&pat).unwrap();
    assert!(!g.matches(&"a".repeat(200)));
    let deep = vec!["d"; 500].join("/");
    let r = rules("**/x\n!**/d/y\n");
    assert!(!excluded(&r, &deep));
    assert!(excluded(&r, &format!("{deep}/x")));
    assert!(!excluded(&r, &format!("{deep}/y")));
}
