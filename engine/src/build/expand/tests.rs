use super::*;
use std::collections::HashMap;

fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn word(input: &str, vars: &HashMap<String, String>) -> Result<String, ExpandError> {
    expand_word(input, '\\', &|k| vars.get(k).cloned())
}

fn base() -> HashMap<String, String> {
    env(&[
        ("HOME_DIR", "/home"),
        ("SH", "bash"),
        ("GREETING", "안녕"),
        ("EMPTY", ""),
    ])
}

/// (input, expected; None = an error)
const WORD_CASES: &[(&str, Option<&str>)] = &[
    ("plain", Some("plain")),
    ("a'b'c", Some("abc")),
    ("a'bc", None),
    ("a\\'bc", Some("a'bc")),
    ("a\\\\'bc", None),
    ("x\\ty", Some("xty")),
    ("\"x\\ty\"", Some("x\\ty")),
    ("\"x\\\\ty\"", Some("x\\ty")),
    ("'x\\ty'", Some("x\\ty")),
    ("end\\", Some("end")),
    ("end\\\\", Some("end\\")),
    ("\"open", None),
    ("\"open\\\"", None),
    ("\"it's\"", Some("it's")),
    ("'open", None),
    ("'back\\'", Some("back\\")),
    ("'two\\\\'", Some("two\\\\")),
    ("\"''\"", Some("''")),
    ("$.", Some("$.")),
    ("$", Some("$")),
    ("a$/b", Some("a$/b")),
    ("x$1y", Some("xy")),
    ("x$.y", Some("x$.y")),
    ("x$home_dir.", Some("x.")),
    ("x$HOME_DIR", Some("x/home")),
    ("x\\$HOME_DIR", Some("x$HOME_DIR")),
    ("x\\\\$HOME_DIR", Some("x\\/home")),
    ("\"x\\$HOME_DIR\"", Some("x$HOME_DIR")),
    ("\"x\\\\$HOME_DIR\"", Some("x\\/home")),
    ("'x\\$HOME_DIR'", Some("x\\$HOME_DIR")),
    ("\\${}", Some("${}")),
    ("a\\${}b", Some("a${}b")),
    ("${}", None),
    ("a${}b", None),
    ("${{x}", None),
    ("${:}", None),
    ("${:-x}", None),
    ("${.}", None),
    ("x${unset}", Some("x")),
    ("x${unset}y", Some("xy")),
    ("${HOME_DIR}", Some("/home")),
    ("${x}}", Some("}")),
    ("${x", None),
    ("${HOME_DIR", None),
    ("${x:-y", None),
    ("${x:-y}}", Some("y}")),
    ("${x:-a {b}", Some("a {b")),
    ("${x:-a ${b}", None),
    ("a${X:-000}b", Some("a000b")),
    ("a${HOME_DIR:-000}b", Some("a/homeb")),
    ("a${X:-$HOME_DIR}b", Some("a/homeb")),
    ("a${X:-${HOME_DIR:-y}}b", Some("a/homeb")),
    ("a${X:-${Y:-y}}b", Some("ayb")),
    ("a${X:Y}", None),
    ("a${X:=0}", None),
    ("a${X=0}", None),
    ("a${X?}", None),
    ("a${X:?}", None),
    ("a${HOME_DIR?}", Some("a/home")),
    ("a${HOME_DIR:?}", Some("a/home")),
    ("a${EMPTY?}", Some("a")),
    ("a${EMPTY:?}", None),
    ("a${EMPTY-d}", Some("a")),
    ("a${EMPTY:-d}", Some("ad")),
    ("a${EMPTY+d}", Some("ad")),
    ("a${EMPTY:+d}", Some("a")),
    ("a${X:+${HOME_DIR}}b", Some("ab")),
    ("a${HOME_DIR:+${X}}b", Some("ab")),
    ("a${HOME_DIR:+${SH}}b", Some("abashb")),
    ("a${X:+0}b", Some("ab")),
    ("a${HOME_DIR:+0}b", Some("a0b")),
    ("'a${X}'", Some("a${X}")),
    ("\"a${HOME_DIR}\"", Some("a/home")),
    ("\"a'$HOME_DIR'\"", Some("a'/home'")),
    ("'$HOME_DIR'", Some("$HOME_DIR")),
    ("'\"q\"'", Some("\"q\"")),
    ("a${HOME_DIR:+${HOME_DIR}:}b", Some("a/home:b")),
    ("a${X:-\\$HOME_DIR:}b", Some("a$HOME_DIR:b")),
    ("a${X:-\\${HOME_DIR}z}b", Some("a${HOME_DIRz}b")),
    ("${X:-'q u'}", Some("q u")),
    ("${X:-\"$SH x\"}", Some("bash x")),
    ("${X:-\\}}", Some("}")),
    ("$GREETING!", Some("안녕!")),
    ("안'녕'", Some("안녕")),
    ("안'녕", None),
    ("${GREETING}세요", Some("안녕세요")),
    // Positional and special parameters are never set.
    ("$1", Some("")),
    ("${9:-d}", Some("d")),
    ("${9:+d}", Some("")),
    ("$999a", Some("a")),
    ("${001:-d}a", Some("da")),
    ("$@@@", Some("@@")),
    ("$@a", Some("a")),
    ("${@:-d}a", Some("da")),
    ("$*", Some("")),
    ("${#:-d}", Some("d")),
    ("${?:-d}", Some("d")),
    ("${-:-d}", Some("d")),
    ("$$", Some("")),
    ("${$:+d}", Some("")),
    ("${!:-d}", Some("d")),
    ("$0", Some("")),
    // Whitespace is kept by the single-word form.
    ("a  b", Some("a  b")),
    ("a\\ b", Some("a b")),
];

#[test]
fn word_cases() {
    let vars = base();
    for (input, want) in WORD_CASES {
        let got = word(input, &vars);
        match want {
            Some(w) => assert_eq!(got.as_deref().ok(), Some(*w), "{input:?} gave {got:?}"),
            None => assert!(got.is_err(), "{input:?} should fail, gave {got:?}"),
        }
    }
}

/// (input, variables, expected; None = an error)
type PatternCase = (
    &'static str,
    &'static [(&'static str, &'static str)],
    Option<&'static str>,
);
const MODIFIER_CASES: &[PatternCase] = &[
    ("x ${UNUSED}", &[], Some("x ")),
    (
        "${F-a} ${B-b} ${Z-c}",
        &[("F", "f"), ("B", "")],
        Some("f  c"),
    ),
    (
        "${F:-a} ${B:-b} ${Z:-c}",
        &[("F", "f"), ("B", "")],
        Some("f b c"),
    ),
    ("${F:-}", &[("F", "f")], Some("f")),
    ("${F:-}", &[], Some("")),
    (
        "${F+a} ${B+b} ${Z+c}",
        &[("F", "f"), ("B", "")],
        Some("a b "),
    ),
    (
        "${F:+a} ${B:+b} ${Z:+c}",
        &[("F", "f"), ("B", "")],
        Some("a  "),
    ),
    ("${F?a}", &[("F", "f")], Some("f")),
    ("${B?b}", &[("B", "")], Some("")),
    ("${Z?c}", &[], None),
    ("${F:?a}", &[("F", "f")], Some("f")),
    ("${B:?b}", &[("B", "")], None),
    ("${F=a}", &[], None),
    ("${F=:a}", &[], None),
    (
        "${F#()[]{\\}^$.\\*\\?|\\\\}",
        &[("F", "()[]{}^$.*?|\\x")],
        Some("x"),
    ),
    ("${F%%\\**}", &[("F", "xx**")], Some("xx")),
    ("${F#*x*y}", &[("F", "xxyy")], Some("y")),
    ("${F#*}", &[("F", "xxyy")], Some("xxyy")),
    ("${F##*}", &[("F", "xxyy")], Some("")),
    ("${F#$B}", &[("F", "xxyy"), ("B", "x")], Some("xyy")),
    ("${F#$B}", &[("F", "xxyy"), ("B", "")], Some("xxyy")),
    ("${F#}", &[("F", "xxyy")], Some("xxyy")),
    ("${F##*x}", &[("F", "xxyy")], Some("yy")),
    ("${F##}", &[("F", "xxyy")], Some("xxyy")),
    ("${F#?\\?}", &[("F", "???y")], Some("?y")),
    ("${A:-.}${F%x}${A:-.}", &[("F", "xxyy")], Some(".xxyy.")),
    ("${F%%\\**\\*}", &[("F", "a***yy*")], Some("a")),
    ("${F%}", &[("F", "xxyy")], Some("xxyy")),
    ("${F%%$B}", &[("F", "xxyy"), ("B", "")], Some("xxyy")),
    ("${F%y*}", &[("F", "xxyy")], Some("xxy")),
    ("${F%%y*}", &[("F", "xxyy")], Some("xx")),
    ("${F%.*}", &[("F", "file.tar.gz")], Some("file.tar")),
    ("${F%%.*}", &[("F", "file.tar.gz")], Some("file")),
    ("${F#*/}", &[("F", "a/b/c")], Some("b/c")),
    ("${F##*/}", &[("F", "a/b/c")], Some("c")),
    ("${F#\\z}", &[("F", "x")], None),
    ("${F:#}", &[], None),
    ("${F:##}", &[], None),
    ("${F:%}", &[], None),
    ("${F:%%}", &[], None),
    ("${U#x}", &[], Some("")),
    (
        "${F/$N/.} - ${F//$N/.}",
        &[("F", "/foo*/*/*.txt"), ("N", "\\*/")],
        Some("/foo.*/*.txt - /foo..*.txt"),
    ),
    (
        "${F/$N/} - ${F//$N/}",
        &[("F", "/tmp/tmp/bar.txt"), ("N", "/tmp")],
        Some("/tmp/bar.txt - /bar.txt"),
    ),
    (
        "${F/$N/$R} - ${F//$N/$R}",
        &[("F", "/a/foo/b/c.txt"), ("N", "/?/"), ("R", "/")],
        Some("/foo/b/c.txt - /foo/c.txt"),
    ),
    (
        "${F/$N/$R}",
        &[("F", "http://x.de"), ("N", "http://"), ("R", "https://")],
        Some("https://x.de"),
    ),
    (
        "${F//\\//\\/}",
        &[("F", "/tmp/f.txt")],
        Some("\\/tmp\\/f.txt"),
    ),
    ("${F/$B/ww}", &[("F", "xxyy"), ("B", "")], Some("wwxxyy")),
    ("${F//ww}", &[("F", "xxyy")], None),
    ("${F//}", &[("F", "xxyy")], None),
    ("${F///}", &[("F", "xxyy")], Some("xxyy")),
    ("${F///}", &[], Some("")),
    ("${F/x*/z}", &[("F", "axbxc")], Some("az")),
    ("${F//x/-}", &[("F", "axbxc")], Some("a-b-c")),
    ("${F/y/-}", &[("F", "axbxc")], Some("axbxc")),
    // Wildcards do not cross a newline, as with BuildKit's regexps.
    ("${F#*b}", &[("F", "a\nb")], Some("a\nb")),
];

#[test]
fn modifier_cases() {
    for (input, vars, want) in MODIFIER_CASES {
        let vars = env(vars);
        let got = word(input, &vars);
        match want {
            Some(w) => assert_eq!(got.as_deref().ok(), Some(*w), "{input:?} gave {got:?}"),
            None => assert!(got.is_err(), "{input:?} should fail, gave {got:?}"),
        }
    }
}

#[test]
fn errors_name_the_word_and_the_variable() {
    let vars = base();
    let e = word("${V:?must be set for the build}", &vars).unwrap_err();
    assert_eq!(
        e.kind,
        ExpandErrorKind::Required {
            name: "V".into(),
            message: "must be set for the build".into()
        }
    );
    assert!(
        e.to_string().contains("V: must be set for the build"),
        "{e}"
    );
    assert!(e.to_string().contains("${V:?must be set"), "{e}");
    let e = word("${EMPTY:?}", &vars).unwrap_err();
    assert!(
        e.to_string().ends_with("EMPTY: is not allowed to be empty"),
        "{e}"
    );
    let e = word("${NOPE?}", &vars).unwrap_err();
    assert!(
        e.to_string().ends_with("NOPE: is not allowed to be unset"),
        "{e}"
    );
    let e = word("${NOPE", &vars).unwrap_err();
    assert_eq!(e.kind, ExpandErrorKind::MissingBrace);
    let e = word("'abc", &vars).unwrap_err();
    assert!(e.to_string().contains("single-quote"), "{e}");
    let e = word("\"abc", &vars).unwrap_err();
    assert!(e.to_string().contains("double-quote"), "{e}");
    let e = word("${X:Y}", &vars).unwrap_err();
    assert_eq!(e.kind, ExpandErrorKind::UnsupportedModifier(":Y".into()));
}

#[test]
fn backtick_escape() {
    let vars = base();
    let tick = |s: &str| expand_word(s, '`', &|k| vars.get(k).cloned());
    assert_eq!(tick("C:\\path\\$SH").unwrap(), "C:\\path\\bash");
    assert_eq!(tick("`$SH").unwrap(), "$SH");
    assert_eq!(tick("\"a`\"b\"").unwrap(), "a\"b");
    assert_eq!(tick("a` b").unwrap(), "a b");
    assert_eq!(tick("``").unwrap(), "`");
}

/// (input, expected words joined by `,`; "error" for an error)
const WORDS_CASES: &[(&str, &str)] = &[
    ("hello", "hello"),
    ("hello${hi}bye", "hellobye"),
    ("hello${SPACE}bye", "helloabc,defbye"),
    ("hello\"${SPACE}\"bye", "helloabc  defbye"),
    ("hello \"${SPACE}\"bye", "hello,abc  defbye"),
    ("hello${LEADING}def", "hello,ab,cdef"),
    ("hello\"${LEADING}\" def", "hello  ab c,def"),
    ("hello\"${LEADING}\"", "hello  ab c"),
    ("hello${LEADING}", "hello,ab,c"),
    ("hello${TRAILING}", "helloab,c"),
    ("hello${TRAILING}d", "helloab,c,d"),
    ("hello\"${TRAILING}\"d", "helloab c   d"),
    ("hel\"lo${TRAILING}\"", "helloab c   "),
    ("hello\" there  \"", "hello there  "),
    ("hello there     ", "hello,there"),
    ("   lead   trail  ", "lead,trail"),
    ("hello\\ there", "hello there"),
    ("hello\" there", "error"),
    ("hello\\\" there", "hello\",there"),
    ("hello\"\\\\there\"", "hello\\there"),
    ("hello\"\\there\"", "hello\\there"),
    ("hello'\\\\there'", "hello\\\\there"),
    ("hello'\\there'", "hello\\there"),
    ("hello'$there'", "hello$there"),
    ("a '' b", "a,b"),
    ("a\tb\nc", "a,b,c"),
    ("${X:-x y} z", "x,y,z"),
    ("<<EOF cat", "<<EOF,cat"),
    ("", ""),
];

#[test]
fn words_cases() {
    let vars = env(&[
        ("hi", ""),
        ("SPACE", "abc  def"),
        ("LEADING", "  ab c"),
        ("TRAILING", "ab c   "),
    ]);
    for (input, want) in WORDS_CASES {
        let got = match expand_words(input, '\\', &|k| vars.get(k).cloned()) {
            Ok(w) => w.join(","),
            Err(_) => "error".into(),
        };
        assert_eq!(&got, want, "{input:?}");
    }
    let vars2 = env(&[("hi", "hi")]);
    let w = expand_words("hello${hi}bye", '\\', &|k| vars2.get(k).cloned()).unwrap();
    assert_eq!(w, ["hellohibye"]);
}

fn kv(text: &str, legacy: bool) -> Result<Vec<(String, String)>, ExpandError> {
    let vars = env(&[("V", "val"), ("SP", "a b")]);
    parse_key_values(text, '\\', &|k| vars.get(k).cloned(), legacy)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn key_values() {
    assert_eq!(kv("a=b", true).unwrap(), pairs(&[("a", "b")]));
    assert_eq!(
        kv("a=b c=\"d e\" f='g h' i=j\\ k", true).unwrap(),
        pairs(&[("a", "b"), ("c", "d e"), ("f", "g h"), ("i", "j k")])
    );
    assert_eq!(kv("a=", true).unwrap(), pairs(&[("a", "")]));
    assert_eq!(kv("a=x=y", true).unwrap(), pairs(&[("a", "x=y")]));
    assert_eq!(
        kv("a=$V b=${V}x c=$SP", true).unwrap(),
        pairs(&[("a", "val"), ("b", "valx"), ("c", "a b")])
    );
    assert_eq!(kv("\"a b\"=c", true).unwrap(), pairs(&[("a b", "c")]));
    assert_eq!(kv("k$V=1", true).unwrap(), pairs(&[("kval", "1")]));
    assert_eq!(kv("a=\"\"", true).unwrap(), pairs(&[("a", "")]));
    assert_eq!(
        kv("  a=1   b=2  ", true).unwrap(),
        pairs(&[("a", "1"), ("b", "2")])
    );
    assert_eq!(
        kv("a=\"x \\\" y\"", true).unwrap(),
        pairs(&[("a", "x \" y")])
    );
    // The legacy form: the rest of the line, internal whitespace kept, quotes removed.
    assert_eq!(
        kv("key value with  spaces", true).unwrap(),
        pairs(&[("key", "value with  spaces")])
    );
    assert_eq!(
        kv("key \"quoted value\"", true).unwrap(),
        pairs(&[("key", "quoted value")])
    );
    assert_eq!(
        kv("key\t$V and more", true).unwrap(),
        pairs(&[("key", "val and more")])
    );
    assert_eq!(kv("key a=b", true).unwrap(), pairs(&[("key", "a=b")]));
    assert!(matches!(
        kv("lonely", true).unwrap_err().kind,
        ExpandErrorKind::TwoArguments
    ));
    assert!(matches!(
        kv("", true).unwrap_err().kind,
        ExpandErrorKind::NoArguments
    ));
    assert!(
        matches!(kv("a=1 b", true).unwrap_err().kind, ExpandErrorKind::MissingEquals(w) if w == "b")
    );
    assert!(matches!(
        kv("key value", false).unwrap_err().kind,
        ExpandErrorKind::MissingEquals(_)
    ));
    assert!(kv("a=\"open", true).is_err());
    assert!(kv("a=${V:?no}x", true).is_ok());
}

#[test]
fn arg_declarations() {
    let vars = env(&[("V", "val")]);
    let got = parse_arg_decls("A B=1 C=$V D= E=\"x y\"", '\\', &|k| vars.get(k).cloned()).unwrap();
    assert_eq!(
        got,
        vec![
            ("A".to_string(), None),
            ("B".to_string(), Some("1".to_string())),
            ("C".to_string(), Some("val".to_string())),
            ("D".to_string(), Some(String::new())),
            ("E".to_string(), Some("x y".to_string())),
        ]
    );
    assert!(parse_arg_decls("  ", '\\', &|_| None).is_err());
}

#[test]
fn raw_word_split_keeps_quotes_and_escapes() {
    assert_eq!(
        split_raw_words("a=\"b c\" d='e f'", '\\'),
        ["a=\"b c\"", "d='e f'"]
    );
    assert_eq!(split_raw_words("a\\ b c", '\\'), ["a\\ b", "c"]);
    assert_eq!(split_raw_words("x=\"\" ''", '\\'), ["x=\"\"", "''"]);
    assert_eq!(split_raw_words("trailing\\", '\\'), ["trailing"]);
    assert_eq!(split_raw_words("'a\\' b", '\\'), ["'a\\'", "b"]);
    assert_eq!(split_raw_words("a`  b", '`'), ["a` ", "b"]);
}

#[test]
fn hostile_inputs_do_not_blow_up() {
    // Deep nesting of defaults, long runs of `$` and stars, unbalanced braces.
    let deep = format!("{}x{}", "${A:-".repeat(200), "}".repeat(200));
    assert_eq!(word(&deep, &base()).unwrap(), "x");
    let unbalanced = "${A:-".repeat(200);
    assert!(word(&unbalanced, &base()).is_err());
    assert_eq!(word(&"$".repeat(1000), &base()).unwrap(), "");
    let vars = env(&[("F", &"a".repeat(300))]);
    assert_eq!(
        word(&format!("${{F#{}b}}", "*".repeat(50)), &vars).unwrap(),
        "a".repeat(300)
    );
    assert_eq!(word("${F##*a}", &vars).unwrap(), "");
}
