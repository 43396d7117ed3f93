//! Each expected output is what Go's text/template prints for the same template and data
//! (podman's functions added). They were checked by running Go 1.19 over the same cases; the
//! exceptions are hutch's deliberate departures, each said where it is tested, and features
//! newer than 1.19 (`{{else with}}`, Go 1.23; `{{range 3}}`, Go 1.22).

use super::{Template, TemplateError};
use serde_json::{json, Value};

fn data() -> Value {
    json!({
        "Name": "web",
        "Empty": "",
        "Zero": 0,
        "Names": ["a", "b"],
        "Nums": [1, 2, 3, 4],
        "None": [],
        "Labels": {"b": "2", "a": "1", "com.example.x": "y"},
        "NoLabels": {},
        "Ports": [{"HostPort": 8080, "ContainerPort": 80}],
        "State": {"Status": "running", "Pid": 42, "Health": null},
        "F": 1.5,
        "Big": 1234567.0,
        "Mixed": [1, null, "s"]
    })
}

#[track_caller]
fn t(src: &str) -> String {
    render(src, &data())
}

#[track_caller]
fn render(src: &str, v: &Value) -> String {
    match Template::parse(src).and_then(|t| t.render(v)) {
        Ok(out) => out,
        Err(e) => panic!("{src:?}: {e}"),
    }
}

#[track_caller]
fn parse_err(src: &str) -> String {
    match Template::parse(src) {
        Ok(_) => panic!("{src:?} parsed"),
        Err(e) => e.to_string(),
    }
}

#[track_caller]
fn exec_err(src: &str) -> String {
    let tpl = Template::parse(src).unwrap_or_else(|e| panic!("{src:?}: {e}"));
    match tpl.render(&data()) {
        Ok(out) => panic!("{src:?} rendered {out:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn fields_text_and_case() {
    assert_eq!(t("name={{.Name}} pid={{ .State.Pid }}"), "name=web pid=42");
    assert_eq!(t("{{.Names}}"), "[a b]");
    // hutch accepts any case (its views say `Id` where podman says `ID`).
    assert_eq!(t("{{.name}}"), "web");
    assert_eq!(t("{{.}}").len(), t("{{$}}").len());
    assert_eq!(t("{{.Labels}}"), "map[a:1 b:2 com.example.x:y]");
    assert_eq!(t(r#"{{.Label "a"}}|{{.Label "zz"}}"#), "1|");
    assert_eq!(t("{{.Mixed}}"), "[1 <nil> s]");
}

#[test]
fn missing_map_keys_and_nulls() {
    // A map's missing key is "no value"; `index` gives a string map's zero value, "".
    assert_eq!(t("{{.Labels.nokey}}"), "<no value>");
    assert_eq!(t("{{.NoLabels.nokey}}"), "<no value>");
    assert_eq!(t(r#"[{{index .Labels "nokey"}}]"#), "[]");
    assert_eq!(t(r#"{{index .Labels "com.example.x"}}"#), "y");
    // Below a nil pointer hutch shows no value (Go would fail; podman's views avoid it).
    assert_eq!(t("{{.State.Health.Status}}"), "<no value>");
    // printf sees Go's nil.
    assert_eq!(t(r#"{{printf "%v" .State.Health}}"#), "<nil>");
    assert_eq!(t(r#"{{printf "%v" nil}}"#), "<nil>");
}

#[test]
fn with_and_else() {
    assert_eq!(t("{{with .Name}}n={{.}}{{else}}none{{end}}"), "n=web");
    assert_eq!(t("{{with .Empty}}n={{.}}{{else}}none{{end}}"), "none");
    assert_eq!(t("{{with .Zero}}z{{else}}zero{{end}}"), "zero");
    assert_eq!(t("{{with .None}}x{{else}}empty{{end}}"), "empty");
    assert_eq!(
        t("{{with .State}}{{.Status}} of {{$.Name}}{{end}}"),
        "running of web"
    );
    assert_eq!(t("{{with $x := .Names}}{{$x}} {{len .}}{{end}}"), "[a b] 2");
    assert_eq!(t("{{with .Empty}}a{{else with .Name}}{{.}}{{end}}"), "web");
    assert_eq!(t("{{with .Empty}}a{{end}}"), "");
}

#[test]
fn if_else_if() {
    let src = "{{if .Empty}}a{{else if .Zero}}b{{else if .Name}}c{{else}}d{{end}}";
    assert_eq!(t(src), "c");
    assert_eq!(t("{{if .None}}y{{else}}n{{end}}"), "n");
    assert_eq!(t("{{if .State}}struct{{end}}"), "struct");
    assert_eq!(t("{{if .NoLabels}}y{{else}}empty map{{end}}"), "empty map");
}

#[test]
fn printf_verbs() {
    assert_eq!(t(r#"{{printf "%s-%d" .Name 5}}"#), "web-5");
    assert_eq!(t(r#"{{printf "%v" .Names}}"#), "[a b]");
    assert_eq!(t(r#"{{printf "%q" .Names}}"#), r#"["a" "b"]"#);
    assert_eq!(t(r#"{{printf "%q" .Name}}"#), r#""web""#);
    assert_eq!(t(r#"{{printf "%q" "a\"b\n"}}"#), r#""a\"b\n""#);
    assert_eq!(t(r#"{{printf "%-10s|" .Name}}"#), "web       |");
    assert_eq!(t(r#"{{printf "%10s|" .Name}}"#), "       web|");
    assert_eq!(t(r#"{{printf "%.2s" .Name}}"#), "we");
    assert_eq!(t(r#"{{printf "%5.2f" 3.14159}}"#), " 3.14");
    assert_eq!(t(r#"{{printf "%6.2f%%" 12.3456}}"#), " 12.35%");
    assert_eq!(
        t(r#"{{printf "%05d|%-5d|%+d|%x|%#x|%X|%o|%b" 42 42 42 255 255 255 8 5}}"#),
        "00042|42   |+42|ff|0xff|FF|10|101"
    );
    assert_eq!(t(r#"{{printf "%d" -7}}"#), "-7");
    assert_eq!(t(r#"{{printf "%c%c" 'h' 105}}"#), "hi");
    assert_eq!(t(r#"{{printf "%e" 1234.5678}}"#), "1.234568e+03");
    assert_eq!(t(r#"{{printf "%g" 0.000012345}}"#), "1.2345e-05");
    assert_eq!(t(r#"{{printf "%.3g" 3.14159}}"#), "3.14");
    assert_eq!(
        t(r#"{{printf "%v %v %v" .F .Big 1e6}}"#),
        "1.5 1.234567e+06 1e+06"
    );
    assert_eq!(
        t(r#"{{printf "%v" .Labels}}"#),
        "map[a:1 b:2 com.example.x:y]"
    );
    assert_eq!(t(r#"{{printf "%t" true}}"#), "true");
    assert_eq!(t(r#"{{printf "%d%%" 50}}"#), "50%");
    // Go reports misuse inside the output, not as an error.
    assert_eq!(t(r#"{{printf "%d" .Name}}"#), "%!d(string=web)");
    assert_eq!(t(r#"{{printf "%s %s" .Name}}"#), "web %!s(MISSING)");
    assert_eq!(t(r#"{{printf "%s" .Name 1}}"#), "web%!(EXTRA int=1)");
    assert_eq!(t(r#"{{printf "%s" 3}}"#), "%!s(int=3)");
    assert_eq!(t(r#"{{printf "%z" 3}}"#), "%!z(int=3)");
    assert_eq!(t(r#"{{printf "100%"}}"#), "100%!(NOVERB)");
}

#[test]
fn string_literals_do_not_end_actions() {
    assert_eq!(t(r#"{{printf "}}%s" .Name}}"#), "}}web");
    assert_eq!(t(r#"{{"{{"}}x{{"}}"}}"#), "{{x}}");
    assert_eq!(t("{{`}}raw\\n`}}"), "}}raw\\n");
    assert_eq!(t(r#"{{printf "%s" "a|b"}}"#), "a|b");
    assert_eq!(t(r#"{{"tab\there" | printf "%s"}}"#), "tab\there");
    assert_eq!(t("{{'}'}}"), "125");
}

#[test]
fn variables() {
    assert_eq!(t("{{$x := .Name}}[{{$x}}]"), "[web]");
    assert_eq!(t("{{$x := .Names}}{{range $x}}{{.}}{{end}}"), "ab");
    assert_eq!(
        t("{{range .Names}}{{$.Name}}:{{.}} {{end}}"),
        "web:a web:b "
    );
    assert_eq!(
        t("{{range $i, $v := .Names}}{{$i}}={{$v}},{{end}}"),
        "0=a,1=b,"
    );
    assert_eq!(t("{{range $v := .Names}}{{$v}}{{end}}"), "ab");
    assert_eq!(
        t("{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}"),
        "a=1;b=2;com.example.x=y;"
    );
    // `=` assigns to the variable declared outside (Go 1.11).
    assert_eq!(t("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}"), "2");
    assert_eq!(t("{{$x := 1}}{{if true}}{{$x := 2}}{{end}}{{$x}}"), "1");
    assert_eq!(t("{{$x := .State}}{{$x.Status}}"), "running");
    // `$` is the data the template runs on, whatever dot is.
    assert_eq!(t("{{with .State}}{{$.Name}}{{end}}"), "web");
    assert!(parse_err("{{if true}}{{$x := 1}}{{end}}{{$x}}").contains("undefined variable \"$x\""));
    assert!(parse_err("{{$y}}").contains("undefined variable \"$y\""));
}

#[test]
fn range_forms() {
    assert_eq!(t("{{range .None}}x{{else}}none{{end}}"), "none");
    assert_eq!(t("{{range .Labels}}{{.}}{{end}}"), "12y");
    assert_eq!(t("{{range 3}}{{.}}{{end}}"), "012");
    assert_eq!(
        t("{{range .Nums}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}"),
        "12"
    );
    assert_eq!(
        t("{{range .Nums}}{{if eq . 2}}{{continue}}{{end}}{{.}}{{end}}"),
        "134"
    );
    assert!(parse_err("{{break}}").contains("{{break}} outside {{range}}"));
    assert!(exec_err("{{range .Name}}x{{end}}").contains("range can't iterate over web"));
}

#[test]
fn index_and_slice() {
    assert_eq!(t("{{index .Names 1}}"), "b");
    assert_eq!(t("{{(index .Ports 0).HostPort}}"), "8080");
    assert_eq!(t("{{index .Ports 0 | len}}"), "2");
    assert_eq!(t(r#"{{index .Labels "a"}}"#), "1");
    assert_eq!(t("{{slice .Names 1}} {{slice .Name 0 2}}"), "[b] we");
    assert!(exec_err("{{index .Names 5}}").contains("error calling index: index out of range: 5"));
}

#[test]
fn podman_functions() {
    assert_eq!(t("{{json .Names}}"), r#"["a","b"]"#);
    assert_eq!(t("{{json .Labels.a}}"), r#""1""#);
    assert_eq!(t("{{.Name | upper}} {{lower \"AbC\"}}"), "WEB abc");
    assert_eq!(t(r#"{{title "hello wide-world"}}"#), "Hello Wide-World");
    assert_eq!(t(r#"{{truncate "abcdef" 3}}"#), "abc");
    // podman cuts bytes and can split a character; hutch cuts characters.
    assert_eq!(t(r#"{{truncate "h\u00e9llo" 2}}"#), "h\u{e9}");
    assert_eq!(t(r#"{{join .Names ","}} {{.Names | join "+"}}"#), "a,b a+b");
    assert_eq!(t(r#"[{{pad .Name 2 1}}]"#), "[  web ]");
    assert_eq!(
        t(r#"{{split "a:b:c" ":"}} {{len (split "a:b" ":")}}"#),
        "[a b c] 2"
    );
}

#[test]
fn go_builtins() {
    assert_eq!(
        t("{{len .Names}} {{len .Labels}} {{len \"h\u{e9}\"}}"),
        "2 3 3"
    );
    assert_eq!(t(r#"{{if eq .Name "x" "web"}}yes{{end}}"#), "yes");
    assert_eq!(
        t(r#"{{ne .Name "web"}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}"#),
        "false true true true false"
    );
    assert_eq!(t("{{eq .State.Health nil}} {{eq .Zero 0}}"), "true true");
    assert!(exec_err(r#"{{eq .Zero "0"}}"#).contains("incompatible types for comparison"));
    assert!(exec_err("{{lt true false}}").contains("invalid type for comparison"));
    assert!(exec_err("{{eq .Names .Names}}").contains("non-comparable"));
    assert_eq!(
        t(r#"{{and 1 0 2}} {{and 1 "x"}} {{or 0 "" "z"}} [{{or 0 ""}}]"#),
        "0 x z []"
    );
    assert_eq!(t("{{not .Names}} {{not .None}}"), "false true");
    // `and` and `or` stop at the deciding argument, so the bad index is never evaluated.
    assert_eq!(t("{{or .Name (index .Names 5)}}"), "web");
    assert_eq!(t("[{{and .Empty (index .Names 5)}}]"), "[]");
    assert_eq!(t(r#"{{print "a" "b" 1 2 "c"}}"#), "ab1 2c");
    assert_eq!(t(r#"{{println "a" 1}}"#), "a 1\n");
    assert_eq!(
        t(r#"{{html "<a href='x'>&</a>"}}"#),
        "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
    );
    assert_eq!(t(r#"{{urlquery "a b&c/d"}}"#), "a+b%26c%2Fd");
}

#[test]
fn pipelines() {
    assert_eq!(t("{{.Names | len}}"), "2");
    assert_eq!(t(r#"{{"abc" | printf "%s-%s" "z"}}"#), "z-abc");
    assert_eq!(t(r#"{{join .Names ", " | upper}}"#), "A, B");
    assert_eq!(t(r#"{{.Name | printf "%q" | len}}"#), "5");
    assert!(parse_err(r#"{{.Name | "x"}}"#).contains("non executable command in pipeline stage 2"));
}

#[test]
fn literals() {
    assert_eq!(
        t("{{1}} {{-2}} {{0x1F}} {{1.0}} {{1e3}} {{true}} {{'a'}} {{1_000}}"),
        "1 -2 31 1 1000 true 97 1000"
    );
    assert_eq!(t(r#"{{"a\tb\u00e9\x41"}}"#), "a\tb\u{e9}A");
}

#[test]
fn trim_markers_and_comments() {
    assert_eq!(t("a  {{- .Name -}}  b"), "awebb");
    assert_eq!(t("a\n\t{{- .Name}}\n"), "aweb\n");
    assert_eq!(t("{{.Name -}}\n  x"), "webx");
    assert_eq!(t("a {{/* a comment */}} b"), "a  b");
    assert_eq!(t("a {{- /* trimmed */ -}} b"), "ab");
    // Without a space the dash belongs to a number.
    assert_eq!(t("{{-3}}"), "-3");
    assert!(parse_err("{{/* open").contains("unclosed comment"));
}

#[test]
fn parse_errors_name_template_and_problem() {
    let e = parse_err("id: {{.Name}");
    assert!(
        e.contains("\"id: {{.Name}\"") && e.contains("unclosed action"),
        "{e}"
    );
    let e = parse_err("{{nosuch .Name}}");
    assert!(e.contains("1:3: function \"nosuch\" not defined"), "{e}");
    let e = parse_err("x\n{{end}}");
    assert!(e.contains("2:1: unexpected {{end}}"), "{e}");
    assert!(parse_err("{{range .Names}}x").contains("{{range}} without a matching {{end}}"));
    assert!(parse_err("{{if .Name}}x{{else}}y").contains("without a matching {{end}}"));
    assert!(parse_err("{{}}").contains("missing value for command"));
    assert!(parse_err(r#"{{"open}}"#).contains("unterminated quoted string"));
    assert!(parse_err("{{(.Name}}").contains("unclosed left paren"));
    assert!(parse_err("{{template \"x\"}}").contains("not supported"));
}

#[test]
fn exec_errors_name_template_action_and_problem() {
    let e = exec_err("{{.Name}} {{.State.Nope}}");
    assert_eq!(
        e,
        "template \"{{.Name}} {{.State.Nope}}\": executing at <.State.Nope>: \
         can't evaluate field Nope in .State"
    );
    let e = exec_err("{{.Name.X}}");
    assert!(e.contains("can't evaluate field X in type string"), "{e}");
    let e = exec_err("{{.Name 1}}");
    assert!(e.contains("Name is not a method but has arguments"), "{e}");
    let e = exec_err("{{truncate .Name}}");
    assert!(
        e.contains("wrong number of args for truncate: want 2 got 1"),
        "{e}"
    );
    assert!(matches!(
        Template::parse("{{.Nope}}").unwrap().render(&data()),
        Err(TemplateError::Exec { .. })
    ));
}

#[test]
fn header_names_the_printed_fields() {
    let tpl = Template::parse(
        "{{.Name}}\t{{.Names | join \",\"}}\t{{(index .Ports 0).HostPort}}\t{{$x := 1}}",
    )
    .unwrap();
    assert_eq!(
        tpl.header(&[("Name", "CONTAINER")]),
        "CONTAINER\tNAMES\tHOST PORT\t"
    );
    assert!(Template::parse(" {{range .}}{{.ID}}{{end}}")
        .unwrap()
        .ranges_over_dot());
    assert!(!Template::parse("{{range .Names}}{{end}}")
        .unwrap()
        .ranges_over_dot());
}

/// More templates whose output was compared with Go 1.19's text/template over the same data
/// (numbers decoded as Go ints and floats, podman's functions added).
#[test]
fn outputs_checked_against_go() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{{printf "%8.3f|%-8.2f|%+.1e" 3.14159 2.5 12345.678}}"#,
            r#"   3.142|2.50    |+1.2e+04"#,
        ),
        (
            r#"{{printf "%x %X %o %b %c %U" 255 255 8 5 65 65}}"#,
            r#"ff FF 10 101 A U+0041"#,
        ),
        (r#"{{printf "%5t|%-6v|" true .Name}}"#, r#" true|web   |"#),
        (r#"{{printf "%q" 65}}"#, r#"'A'"#),
        (r#"{{printf "%3d|%-3d|%03d" 7 7 7}}"#, r#"  7|7  |007"#),
        (r#"{{printf "%.0f %.1f %.0f" 2.5 0.05 3.5}}"#, r#"2 0.1 4"#),
        (r#"{{printf "%v" .Mixed}}"#, r#"[1 <nil> s]"#),
        (r#"{{printf "%d" .Nums}}"#, r#"[1 2 3 4]"#),
        (
            r#"{{printf "%s" .Nums}}"#,
            r#"[%!s(int=1) %!s(int=2) %!s(int=3) %!s(int=4)]"#,
        ),
        (r#"{{printf "%5s" .Names}}"#, r#"[    a     b]"#),
        (
            r#"{{printf "%v" .State}}"#,
            r#"map[Health:<nil> Pid:42 Status:running]"#,
        ),
        (
            r#"{{.F}} {{.Big}} {{1e21}} {{0.000001}} {{100000.0}} {{1e-5}} {{0.0001}}"#,
            r#"1.5 1.234567e+06 1e+21 1e-06 100000 1e-05 0.0001"#,
        ),
        (r#"{{len .Name}} {{index .Name 0}}"#, r#"3 119"#),
        (r#"{{slice .Nums 1 3}}"#, r#"[2 3]"#),
        (
            r#"{{print 1 2}} {{print "a" 1 "b"}} {{print .Names .Names}} {{print 1.5 true}}"#,
            r#"1 2 a1b [a b] [a b] 1.5 true"#,
        ),
        (r#"{{println}}"#, "\n"),
        (r#"{{if and .Name .Names}}y{{end}}"#, r#"y"#),
        (r#"{{or .Empty .Zero}}"#, r#"0"#),
        (
            r#"{{not 0}} {{not ""}} {{not .State}}"#,
            r#"true true false"#,
        ),
        (r#"{{eq .Name .Name "x"}}"#, r#"true"#),
        (
            r#"{{range $i, $e := .Labels}}{{$i}}{{end}}"#,
            r#"abcom.example.x"#,
        ),
        (r#"{{range .Nums}}{{.}}{{else}}none{{end}}"#, r#"1234"#),
        (r#"{{with $x := .Zero}}a{{else}}b{{$x}}{{end}}"#, r#"b0"#),
        (r#"{{$x := 5}}{{range .Names}}{{$x}}{{end}}"#, r#"55"#),
        (r#"{{range .Names}}{{$x := .}}{{$x}}{{end}}"#, r#"ab"#),
        (r#"{{ .Name }}"#, r#"web"#),
        (r#"{{"a" | printf "%s%s" "b"}}"#, r#"ba"#),
        (r#"{{html .Name}} {{urlquery "x y"}}"#, r#"web x+y"#),
        (r#"{{printf "%s" (printf "%d" 5)}}"#, r#"5"#),
        (r#"{{(index .Labels "a")}}"#, r#"1"#),
        (r#"{{index .Ports 0 "HostPort"}}"#, r#"8080"#),
        (r#"{{title "it's a test_x y.z"}}"#, r#"It'S A Test_x Y.Z"#),
        (r#"{{printf "%6.2f%%" 99.5}}"#, r#" 99.50%"#),
        (r#"{{printf "%-5d|" -3}}"#, r#"-3   |"#),
        (r#"{{printf "% d" 5}}"#, r#" 5"#),
        (
            r#"{{printf "%x" "hi"}} {{printf "% x" "hi"}} {{printf "%#x" "hi"}} {{printf "%X" "hi"}}"#,
            r#"6869 68 69 0x6869 6869"#,
        ),
        (r#"{{printf "%08.3f" -3.14159}}"#, r#"-003.142"#),
        (r#"{{printf "%+08d" 42}}"#, r#"+0000042"#),
        (
            r#"{{printf "%.3d" 5}} {{printf "%6.3d" 5}} {{printf "%.0d" 0}}|"#,
            r#"005    005 |"#,
        ),
        (
            r#"{{printf "%g" 100000.0}} {{printf "%g" 1000000.0}} {{printf "%G" 1e-7}}"#,
            r#"100000 1e+06 1E-07"#,
        ),
        (
            r#"{{printf "%.2g" 1234.0}} {{printf "%.10g" 1234.5}} {{printf "%.3g" 0.0001234}}"#,
            r#"1.2e+03 1234.5 0.000123"#,
        ),
        (
            r#"{{printf "%e" 0.0}} {{printf "%E" 123.0}} {{printf "%.0e" 5.5}}"#,
            r#"0.000000e+00 1.230000E+02 6e+00"#,
        ),
        (
            r#"{{printf "%v" 0.1}} {{printf "%v" -2.5}} {{printf "%v" 1e100}} {{printf "%v" 123456789.0}}"#,
            r#"0.1 -2.5 1e+100 1.23456789e+08"#,
        ),
        (
            r#"{{printf "%*d|" 5 3}} {{printf "%-*d|" 5 3}}"#,
            r#"    3| 3    |"#,
        ),
        (r#"{{printf "%s"}}"#, r#"%!s(MISSING)"#),
        ("a\n{{- /* c */}}b\n{{- .Name}}", r#"abweb"#),
        (r#"{{.Names | len | printf "%d items"}}"#, r#"2 items"#),
        (
            r#"{{printf "%v" true}} {{printf "%d" true}}"#,
            r#"true %!d(bool=true)"#,
        ),
        (r#"{{.Labels.a}}"#, r#"1"#),
        (r#"{{$.Labels}}"#, r#"map[a:1 b:2 com.example.x:y]"#),
        (r#"{{printf "%v" .Labels.nokey}}"#, r#"<nil>"#),
        (r#"{{if .Labels.nokey}}y{{else}}n{{end}}"#, r#"n"#),
        (r#"{{len .NoLabels}}"#, r#"0"#),
        (
            r#"{{range $k, $v := .NoLabels}}x{{else}}empty{{end}}"#,
            r#"empty"#,
        ),
        (r#"{{with .Labels}}{{.a}}{{end}}"#, r#"1"#),
        (r#"{{/* x */ -}}   a"#, r#"a"#),
        (
            r#"{{printf "%q" "tab\there\x01\u00e9"}}"#,
            r#""tab\there\x01é""#,
        ),
        (r#"{{printf "%#q" "raw"}}"#, r#"`raw`"#),
        (
            r#"{{printf "%q" 'x'}} {{printf "%c" 0x1F600}}"#,
            r#"'x' 😀"#,
        ),
        (r#"{{printf "%10.4v|" "abcdefgh"}}"#, r#"      abcd|"#),
        (r#"{{printf "%-10q|" "a"}}"#, r#""a"       |"#),
        (r#"{{printf "%v %v" .Names}}"#, r#"[a b] %!v(MISSING)"#),
        (
            r#"{{printf "%d %d" 1 2 3 "x"}}"#,
            r#"1 2%!(EXTRA int=3, string=x)"#,
        ),
        (r#"{{printf "%[1]d" 5}}"#, r#"5"#),
        (
            r#"{{printf "%.2f" 1.005}} {{printf "%.1f" 0.25}} {{printf "%.2f" 2.675}}"#,
            r#"1.00 0.2 2.67"#,
        ),
        (
            r#"{{printf "%5.1f|%-7.3e|" -0.05 1234.5}}"#,
            r#" -0.1|1.234e+03|"#,
        ),
        (
            r#"{{printf "%v" .Ports}}"#,
            r#"[map[ContainerPort:80 HostPort:8080]]"#,
        ),
        (
            r#"{{printf "%s" .Ports}}"#,
            r#"[map[ContainerPort:%!s(int=80) HostPort:%!s(int=8080)]]"#,
        ),
        (
            r#"{{printf "%d" .Labels}}"#,
            r#"map[%!d(string=a):%!d(string=1) %!d(string=b):%!d(string=2) %!d(string=com.example.x):%!d(string=y)]"#,
        ),
        (
            r#"{{.Nums}} {{.Ports}} {{.State}}"#,
            r#"[1 2 3 4] [map[ContainerPort:80 HostPort:8080]] map[Health:<nil> Pid:42 Status:running]"#,
        ),
        (r#"{{printf "%t" 1}}"#, r#"%!t(int=1)"#),
        (r#"{{printf "%6.2v" 3.14159}}"#, r#"   3.1"#),
        (r#"{{printf "%.3v" "abcdef"}}"#, r#"abc"#),
        (
            r#"{{printf "%x" -255}} {{printf "%#o" 8}} {{printf "%O" 8}} {{printf "%#b" 5}}"#,
            r#"-ff 010 0o10 0b101"#,
        ),
        (
            r#"{{printf "%U" 0x1F600}} {{printf "%#U" 65}}"#,
            r#"U+1F600 U+0041 'A'"#,
        ),
        (
            r#"{{eq .Zero 0}} {{ne 1 2}} {{lt "a" "b"}} {{le 1.5 1.5}}"#,
            r#"true true true true"#,
        ),
        (r#"{{.Name | printf "%s" | printf "%q"}}"#, r#""web""#),
        (
            r#"{{range .Nums}}{{if gt . 2}}{{break}}{{end}}{{.}}{{end}}"#,
            r#"12"#,
        ),
        (
            r#"{{range $i, $v := .Nums}}{{if eq $i 1}}{{continue}}{{end}}{{$v}}{{end}}"#,
            r#"134"#,
        ),
        (
            r#"{{with .Ports}}{{range .}}{{.HostPort}}{{end}}{{end}}"#,
            r#"8080"#,
        ),
        (
            r#"{{if eq .Name "web"}}a{{else if eq .Name "x"}}b{{end}}"#,
            r#"a"#,
        ),
        (r#"{{printf "%v" (slice .Names 0 1)}}"#, r#"[a]"#),
        (r#"{{index .Labels "a" | printf "%q"}}"#, r#""1""#),
        (
            r#"{{-3}} {{+3}} {{0x10}} {{0o17}} {{0b101}} {{017}} {{1_0.5}} {{.5}}"#,
            r#"-3 3 16 15 5 15 10.5 0.5"#,
        ),
        (r#"{{'\n'}} {{'\''}} {{"\101\x42\u0043"}}"#, r#"10 39 ABC"#),
        (r#"{{print nil}}"#, r#"<nil>"#),
        (
            r#"{{printf "%v|%s|%d" nil nil nil}}"#,
            r#"<nil>|%!s(<nil>)|%!d(<nil>)"#,
        ),
        (r#"{{printf "%5v|" nil}}"#, r#"<nil>|"#),
        (r#"{{json .Mixed}}"#, r#"[1,null,"s"]"#),
        (
            r#"{{ if .Name -}}   yes   {{- else -}} no {{- end }}!"#,
            r#"yes!"#,
        ),
        (r#"{{range .Names -}} <{{.}}> {{- end}}"#, r#"<a><b>"#),
        (
            r#"{{ range $i, $n := .Names }}{{ if $i }}, {{ end }}{{ $n }}{{ end }}"#,
            r#"a, b"#,
        ),
        (
            r#"{{with .State}}{{with .Status}}{{.}}/{{$.Name}}{{end}}{{end}}"#,
            r#"running/web"#,
        ),
        (
            r#"{{$n := .Name}}{{with .State}}{{$n}}-{{.Pid}}{{end}}"#,
            r#"web-42"#,
        ),
        (
            r#"{{$x := 1}}{{range .Names}}{{$x = .}}{{end}}{{$x}}"#,
            r#"b"#,
        ),
        (
            r#"{{range $i, $v := .Nums}}{{if and (gt $v 1) (lt $v 4)}}{{$i}}{{end}}{{end}}"#,
            r#"12"#,
        ),
        (r#"{{if not (eq .Name "x")}}ne{{end}}"#, r#"ne"#),
        (
            r#"{{printf "%-8s%-8s|" "NAME" "ID"}}"#,
            r#"NAME    ID      |"#,
        ),
        (r#"{{printf "%s\t%s" .Name "x"}}"#, "web\tx"),
        (r#"{{range .Labels}}{{.}},{{end}}"#, r#"1,2,y,"#),
        (r#"{{len (index .Ports 0)}}"#, r#"2"#),
        (r#"{{index (index .Ports 0) "ContainerPort"}}"#, r#"80"#),
        (
            r#"{{(index .Ports 0).ContainerPort | printf "%05d"}}"#,
            r#"00080"#,
        ),
        (r#"{{- "x" -}}"#, r#"x"#),
        (r#"{{ "a" }}{{/* comment */}}{{ "b" }}"#, r#"ab"#),
        (r#"{{"\"quoted\""}}"#, r#""quoted""#),
        (r#"{{`back\slash`}}"#, r#"back\slash"#),
        (r#"{{print "x" nil 1}}"#, r#"x<nil> 1"#),
        (r#"{{.Names | printf "%v"}}"#, r#"[a b]"#),
        (
            r#"{{printf "%v" .NoLabels}} {{.NoLabels}} {{.None}}"#,
            r#"map[] map[] []"#,
        ),
        (r#"{{printf "%s|%v" .None .None}}"#, r#"[]|[]"#),
        (r#"{{if .Zero}}t{{else if .F}}f{{end}}"#, r#"f"#),
        (r#"{{range .Mixed}}[{{.}}]{{end}}"#, r#"[1][<no value>][s]"#),
        (
            r#"{{range $k, $v := .State}}{{$k}}={{$v}};{{end}}"#,
            r#"Health=<no value>;Pid=42;Status=running;"#,
        ),
        (r#"{{or .Empty .None "d"}}"#, r#"d"#),
        (r#"{{and .Name .Zero .F}}"#, r#"0"#),
        (r#"{{print (and 1 2) (or 0 0)}}"#, r#"2 0"#),
        (
            r#"{{printf "%08b" 5}} {{printf "%-08d|" 5}} {{printf "%+.2f" 0.0}}"#,
            r#"00000101 5       | +0.00"#,
        ),
        (r#"{{printf "%3c|%-3c|" 65 66}}"#, r#"  A|B  |"#),
        (
            r#"{{printf "%q" "日本"}} {{printf "%x" "日"}} {{printf "%5s|" "日本"}}"#,
            r#""日本" e697a5    日本|"#,
        ),
        (
            r#"{{title "héllo wörld"}} {{upper "straße"}}"#,
            r#"Héllo Wörld STRAßE"#,
        ),
        (r#"{{slice "hello" 1 3}} {{slice .Nums 2}}"#, r#"el [3 4]"#),
    ];
    let mut wrong = Vec::new();
    for (src, want) in cases {
        let got = render(src, &data());
        if got != *want {
            wrong.push(format!("{src:?}\n  go:    {want:?}\n  hutch: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "differs from Go:\n{}", wrong.join("\n"));
}
