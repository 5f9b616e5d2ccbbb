//! Golden tests of NumPy printing against output recorded from NumPy 2.4.6 (testdata/cases.txt, written by testdata/gen.py), plus fetch-count and robustness tests.

use std::cell::Cell;

use super::*;
use crate::print::float::f64_to_f16_bits;

const CASES: &str = include_str!("testdata/cases.txt");

/// An array given element by element.
struct DataSource {
    shape: Vec<usize>,
    elems: Vec<PElem>,
}

impl ElemSource for DataSource {
    fn shape(&self) -> &[usize] {
        &self.shape
    }

    fn get(&self, index: &[usize]) -> PElem {
        let mut flat = 0;
        for (&i, &n) in index.iter().zip(&self.shape) {
            flat = flat * n + i;
        }
        self.elems[flat]
    }
}

/// An array given by a formula of the flat index, counting its fetches.
struct GenSource {
    shape: Vec<usize>,
    f: Box<dyn Fn(usize) -> PElem>,
    gets: Cell<usize>,
}

impl ElemSource for GenSource {
    fn shape(&self) -> &[usize] {
        &self.shape
    }

    fn get(&self, index: &[usize]) -> PElem {
        self.gets.set(self.gets.get() + 1);
        let mut flat = 0;
        for (&i, &n) in index.iter().zip(&self.shape) {
            assert!(i < n, "index {index:?} out of shape {:?}", self.shape);
            flat = flat * n + i;
        }
        (self.f)(flat)
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('s') => out.push(' '),
            Some('c') => out.push(';'),
            Some('e') => out.push('='),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

enum Expect {
    Out(String),
    Hash(usize, u64),
    Err(String, String),
}

struct Case {
    id: String,
    kind: String,
    dtype: String,
    shape: Vec<usize>,
    opts: Vec<(String, String)>,
    args: Vec<(String, String)>,
    data: Option<Vec<String>>,
    gen_spec: Option<String>,
    expect: Expect,
}

fn parse_kv(s: &str) -> Vec<(String, String)> {
    s.split(';')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("k=v");
            (k.to_string(), unescape(v))
        })
        .collect()
}

fn parse_cases() -> Vec<Case> {
    parse_case_text(CASES)
}

fn parse_case_text(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for block in text.split("\n\n") {
        let mut lines = block.lines().filter(|l| !l.starts_with('#'));
        let Some(head) = lines.next() else { continue };
        let mut h = head.split_whitespace();
        assert_eq!(h.next(), Some("@"), "bad block head {head:?}");
        let mut case = Case {
            id: h.next().unwrap_or("?").to_string(),
            kind: h.next().unwrap_or("?").to_string(),
            dtype: String::new(),
            shape: Vec::new(),
            opts: Vec::new(),
            args: Vec::new(),
            data: None,
            gen_spec: None,
            expect: Expect::Out(String::new()),
        };
        for line in lines {
            let (key, rest) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "dtype" => case.dtype = rest.to_string(),
                "shape" => {
                    case.shape = rest
                        .split_whitespace()
                        .map(|d| d.parse().unwrap())
                        .collect()
                }
                "opts" => case.opts = parse_kv(rest),
                "args" => case.args = parse_kv(rest),
                "data" => case.data = Some(rest.split_whitespace().map(String::from).collect()),
                "gen" => case.gen_spec = Some(rest.to_string()),
                "out" => case.expect = Expect::Out(unescape(rest)),
                "outhash" => {
                    let mut p = rest.split_whitespace();
                    let len = p.next().unwrap().parse().unwrap();
                    let h = u64::from_str_radix(p.next().unwrap(), 16).unwrap();
                    case.expect = Expect::Hash(len, h);
                }
                "err" => {
                    let (k, m) = rest.split_once(' ').unwrap_or((rest, ""));
                    case.expect = Expect::Err(k.to_string(), unescape(m));
                }
                other => panic!("unknown line {other:?} in case {}", case.id),
            }
        }
        cases.push(case);
    }
    cases
}

fn hex_u64(s: &str) -> u64 {
    u64::from_str_radix(s, 16).unwrap()
}

fn parse_elem(tok: &str, dtype: &str) -> PElem {
    match dtype {
        "bool" => PElem::Bool(tok == "1"),
        "int8" | "int16" | "int32" | "int64" => PElem::Int(tok.parse().unwrap()),
        "uint8" | "uint16" | "uint32" | "uint64" => PElem::UInt(tok.parse().unwrap()),
        "float16" => PElem::F16(u16::from_str_radix(tok, 16).unwrap()),
        "float32" => PElem::F32(f32::from_bits(u32::from_str_radix(tok, 16).unwrap())),
        "float64" => PElem::F64(f64::from_bits(hex_u64(tok))),
        "complex64" | "complex128" => {
            let (re, im) = tok.split_once(':').unwrap();
            if dtype == "complex64" {
                PElem::C64(
                    f32::from_bits(u32::from_str_radix(re, 16).unwrap()),
                    f32::from_bits(u32::from_str_radix(im, 16).unwrap()),
                )
            } else {
                PElem::C128(f64::from_bits(hex_u64(re)), f64::from_bits(hex_u64(im)))
            }
        }
        other => panic!("dtype {other}"),
    }
}

/// Casts a computed value to the dtype the way NumPy's `astype` does for the
/// in-range (or wrapping integer) values the generator uses.
fn cast_int(v: i64, dtype: &str) -> PElem {
    match dtype {
        "bool" => PElem::Bool(v != 0),
        "int8" => PElem::Int(i64::from(v as i8)),
        "int16" => PElem::Int(i64::from(v as i16)),
        "int32" => PElem::Int(i64::from(v as i32)),
        "int64" => PElem::Int(v),
        "uint8" => PElem::UInt(u64::from(v as u8)),
        "uint16" => PElem::UInt(u64::from(v as u16)),
        "uint32" => PElem::UInt(u64::from(v as u32)),
        "uint64" => PElem::UInt(v as u64),
        other => cast_float(v as f64, other),
    }
}

fn cast_float(v: f64, dtype: &str) -> PElem {
    match dtype {
        "float16" => PElem::F16(f64_to_f16_bits(v)),
        "float32" => PElem::F32(v as f32),
        "float64" => PElem::F64(v),
        "complex64" => PElem::C64(v as f32, 0.0),
        "complex128" => PElem::C128(v, 0.0),
        "bool" => PElem::Bool(v != 0.0),
        other => cast_int(v as i64, other),
    }
}

fn gen_source(shape: &[usize], dtype: &str, spec: &str) -> GenSource {
    let parts: Vec<&str> = spec.split_whitespace().collect();
    let dtype = dtype.to_string();
    let f: Box<dyn Fn(usize) -> PElem> = match parts[0] {
        "iota" => {
            let (m, a): (i64, i64) = (parts[1].parse().unwrap(), parts[2].parse().unwrap());
            Box::new(move |i| cast_int(i as i64 * m + a, &dtype))
        }
        "fiota" => {
            let m = f64::from_bits(hex_u64(parts[1]));
            let a = f64::from_bits(hex_u64(parts[2]));
            Box::new(move |i| cast_float(i as f64 * m + a, &dtype))
        }
        other => panic!("gen {other}"),
    };
    GenSource {
        shape: shape.to_vec(),
        f,
        gets: Cell::new(0),
    }
}

fn parse_bool(v: &str) -> bool {
    v == "True"
}

fn build_options(kv: &[(String, String)]) -> PrintOptions {
    let mut o = PrintOptions::default();
    for (k, v) in kv {
        match k.as_str() {
            "precision" => o.precision = v.parse().unwrap(),
            "threshold" => o.threshold = v.parse().unwrap(),
            "edgeitems" => o.edgeitems = v.parse().unwrap(),
            "linewidth" => o.linewidth = v.parse().unwrap(),
            "suppress" => o.suppress = parse_bool(v),
            "nanstr" => o.nanstr = v.clone(),
            "infstr" => o.infstr = v.clone(),
            "sign" => o.sign = SignMode::parse(v).unwrap(),
            "floatmode" => o.floatmode = FloatMode::parse(v).unwrap(),
            other => panic!("option {other}"),
        }
    }
    o
}

fn as_pfloat(e: PElem) -> PFloat {
    match e {
        PElem::F16(b) => PFloat::F16(b),
        PElem::F32(v) => PFloat::F32(v),
        PElem::F64(v) => PFloat::F64(v),
        other => panic!("not a float: {other:?}"),
    }
}

fn arg<'a>(args: &'a [(String, String)], key: &str) -> Option<&'a str> {
    args.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn arg_usize(args: &[(String, String)], key: &str) -> Option<usize> {
    arg(args, key).map(|v| v.parse().unwrap())
}

fn is_default_dtype(dtype: &str) -> bool {
    matches!(dtype, "float64" | "int64" | "complex128" | "bool")
}

fn run_case(case: &Case) -> Result<String, PrintError> {
    let opts = build_options(&case.opts);
    let src: Box<dyn ElemSource> = match (&case.data, &case.gen_spec) {
        (Some(tokens), _) => Box::new(DataSource {
            shape: case.shape.clone(),
            elems: tokens.iter().map(|t| parse_elem(t, &case.dtype)).collect(),
        }),
        (None, Some(spec)) => Box::new(gen_source(&case.shape, &case.dtype, spec)),
        (None, None) => panic!("case {} has no data", case.id),
    };
    let first = || src.get(&vec![0; case.shape.len()]);
    let a = &case.args;
    match case.kind.as_str() {
        "str" => array_str(src.as_ref(), &opts),
        "repr" => array_repr(
            src.as_ref(),
            &opts,
            &case.dtype,
            is_default_dtype(&case.dtype),
        ),
        "a2s" => array2string(
            src.as_ref(),
            &opts,
            arg(a, "separator").unwrap_or(" "),
            arg(a, "prefix").unwrap_or(""),
            arg(a, "suffix").unwrap_or(""),
            arg_usize(a, "max_line_width"),
        ),
        "sstr" => Ok(scalar_str(first())),
        "srepr" => Ok(scalar_repr_as(first(), &case.dtype)),
        "ffp" => {
            let args = PositionalArgs {
                precision: arg_usize(a, "precision"),
                unique: arg(a, "unique").is_none_or(parse_bool),
                fractional: arg(a, "fractional").is_none_or(parse_bool),
                trim: arg(a, "trim").map_or(Trim::Keep, |t| Trim::parse(t).unwrap()),
                sign: arg(a, "sign").is_some_and(parse_bool),
                pad_left: arg_usize(a, "pad_left"),
                pad_right: arg_usize(a, "pad_right"),
                min_digits: arg_usize(a, "min_digits"),
            };
            format_float_positional(as_pfloat(first()), &args)
        }
        "ffs" => {
            let args = ScientificArgs {
                precision: arg_usize(a, "precision"),
                unique: arg(a, "unique").is_none_or(parse_bool),
                trim: arg(a, "trim").map_or(Trim::Keep, |t| Trim::parse(t).unwrap()),
                sign: arg(a, "sign").is_some_and(parse_bool),
                pad_left: arg_usize(a, "pad_left"),
                exp_digits: arg_usize(a, "exp_digits"),
                min_digits: arg_usize(a, "min_digits"),
            };
            format_float_scientific(as_pfloat(first()), &args)
        }
        "golden" => Ok(golden_block()),
        other => panic!("kind {other}"),
    }
}

fn matches(expect: &Expect, got: &Result<String, PrintError>) -> bool {
    match (expect, got) {
        (Expect::Out(want), Ok(s)) => want == s,
        (Expect::Hash(len, h), Ok(s)) => s.len() == *len && fnv1a64(s.as_bytes()) == *h,
        (Expect::Err(kind, msg), Err(e)) => format!("{:?}", e.kind) == *kind && e.message == *msg,
        _ => false,
    }
}

fn describe(expect: &Expect) -> String {
    match expect {
        Expect::Out(s) => s.clone(),
        Expect::Hash(len, h) => format!("<{len} chars, hash {h:016x}>"),
        Expect::Err(k, m) => format!("{k}: {m}"),
    }
}

#[test]
fn golden_cases_match_numpy() {
    let cases = parse_cases();
    assert!(cases.len() > 1000, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = run_case(case);
        if !matches(&case.expect, &got) {
            failures.push(format!(
                "case {} {} dtype={} shape={:?} opts={:?} args={:?} data={:?}\n  want: {:?}\n  got:  {:?}",
                case.id,
                case.kind,
                case.dtype,
                case.shape,
                case.opts,
                case.args,
                case.data.as_ref().map(|d| d.iter().take(12).cloned().collect::<Vec<_>>()),
                describe(&case.expect),
                got.as_ref().map(|s| if s.len() > 300 { format!("<{} chars>", s.len()) } else { s.clone() }),
            ));
        }
    }
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(25).collect();
        panic!(
            "{} of {} cases differ from NumPy:\n{}",
            failures.len(),
            cases.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// A 1-D float64 source `i * mul + add`, as data.
fn floats(values: &[f64]) -> DataSource {
    DataSource {
        shape: vec![values.len()],
        elems: values.iter().map(|&v| PElem::F64(v)).collect(),
    }
}

fn arange(shape: &[usize]) -> GenSource {
    gen_source(shape, "int64", "iota 1 0")
}

fn text(r: Result<String, PrintError>) -> String {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// The golden script of numpy-fidelity.md §3.7, line by line from the API
/// (list reprs and `tolist()` are composed the way the interpreter will).
fn golden_block() -> String {
    let d = PrintOptions::default();
    let s = |src: &dyn ElemSource| text(array_str(src, &d));
    let r = |src: &dyn ElemSource| text(array_repr(src, &d, "float64", true));
    let typed =
        |src: &dyn ElemSource, name: &str| text(array_repr(src, &d, name, is_default_dtype(name)));
    let mut out = vec![s(&floats(&[0., 0.1, 0.25])), r(&floats(&[0., 0.1, 0.25]))];
    out.push(
        [
            s(&floats(&[1.5, -2.25, 3.0])),
            s(&floats(&[1.0, 1000.0])),
            s(&floats(&[1.0, 1001.0])),
        ]
        .join(" "),
    );
    out.push(
        [
            s(&floats(&[1e-5, 1.0])),
            s(&floats(&[99999999.0])),
            s(&floats(&[123456789.0])),
            s(&floats(&[1.0 / 3.0, 2.0 / 3.0])),
        ]
        .join(" "),
    );
    out.push(
        [
            s(&floats(&[f64::NAN, 1.5, f64::NEG_INFINITY])),
            s(&floats(&[-0.0, 0.0])),
            s(&floats(&[1.0, f64::NAN])),
        ]
        .join(" "),
    );
    let ints = DataSource {
        shape: vec![3],
        elems: vec![PElem::Int(1), PElem::Int(-20), PElem::Int(300)],
    };
    let bools = DataSource {
        shape: vec![2],
        elems: vec![PElem::Bool(true), PElem::Bool(false)],
    };
    let cplx = DataSource {
        shape: vec![2],
        elems: vec![PElem::C128(1.0, 2.0), PElem::C128(3.5, -1.0)],
    };
    out.push([s(&ints), s(&bools), s(&cplx)].join(" "));
    let f32s = DataSource {
        shape: vec![2],
        elems: vec![PElem::F32(1.0), PElem::F32(2.0)],
    };
    let empty_int = DataSource {
        shape: vec![0],
        elems: vec![],
    };
    let empty_2d = DataSource {
        shape: vec![2, 0],
        elems: vec![],
    };
    out.push(
        [
            typed(&f32s, "float32"),
            typed(&empty_int, "int64"),
            typed(&empty_2d, "float64"),
        ]
        .join(" "),
    );
    let zero_d = |e: PElem| DataSource {
        shape: vec![],
        elems: vec![e],
    };
    out.push(
        [
            r(&zero_d(PElem::F64(3.0))),
            s(&zero_d(PElem::F64(3.0))),
            typed(&zero_d(PElem::Bool(true)), "bool"),
            typed(&zero_d(PElem::Int(5)), "int32"),
        ]
        .join(" "),
    );
    out.push(typed(&arange(&[30]), "int64"));
    out.push(s(&arange(&[30])));
    out.push(s(&arange(&[2, 3, 2])));
    out.push(typed(&arange(&[1001]), "int64"));
    out.push(typed(&arange(&[1001]), "int32"));
    out.push(
        [
            scalar_repr(PElem::F64(3.0)),
            scalar_repr(PElem::Int(5)),
            scalar_repr(PElem::Bool(true)),
            scalar_repr(PElem::F32(0.1)),
            scalar_repr(PElem::C128(1.0, 2.0)),
        ]
        .join(" "),
    );
    out.push(
        [
            scalar_str(PElem::F64(3.0)),
            scalar_str(PElem::Int(5)),
            scalar_str(PElem::Bool(true)),
            scalar_str(PElem::F32(1e6)),
            scalar_str(PElem::F64(1e16)),
        ]
        .join(" "),
    );
    let list = |items: Vec<String>| format!("[{}]", items.join(", "));
    out.push(
        [
            list(vec![
                scalar_repr(PElem::F64(1.5)),
                scalar_repr(PElem::F64(2.0)),
            ]),
            list(vec![
                crate::print::float::repr_f64(1.5),
                crate::print::float::repr_f64(2.0),
            ]),
            list(vec![scalar_repr(PElem::Int(0)), scalar_repr(PElem::Int(1))]),
        ]
        .join(" "),
    );
    let p3 = PrintOptions {
        precision: 3,
        suppress: true,
        ..PrintOptions::default()
    };
    out.push(format!(
        "{} {}",
        text(array_str(&floats(&[1e-10, 1.5, 1234.5678]), &p3)),
        scalar_repr(PElem::F64(1.0 / 3.0))
    ));
    let t5 = PrintOptions {
        threshold: 5,
        ..PrintOptions::default()
    };
    out.push(format!(
        "{} {}",
        text(array_str(&arange(&[6]), &t5)),
        text(array_repr(&arange(&[6]), &t5, "int64", true))
    ));
    out.join("\n") + "\n"
}

/// Printing a generated source (10^3 up to 10^18 elements) fetches exactly
/// the kept corners, each once: a 10^8-element array costs what a
/// 10^3-element one does.  The outputs themselves are checked against NumPy
/// by `golden_cases_match_numpy`; here they are checked again with counting.
#[test]
fn summarised_printing_fetches_only_the_corners() {
    let mut checked = 0;
    for case in parse_cases() {
        let Some(spec) = &case.gen_spec else { continue };
        if !matches!(case.kind.as_str(), "str" | "repr") {
            continue;
        }
        let opts = build_options(&case.opts);
        let src = gen_source(&case.shape, &case.dtype, spec);
        let got = if case.kind == "str" {
            array_str(&src, &opts)
        } else {
            array_repr(&src, &opts, &case.dtype, is_default_dtype(&case.dtype))
        };
        assert!(matches(&case.expect, &got), "case {}", case.id);
        let size: usize = case.shape.iter().product();
        let e = opts.edgeitems;
        let kept: usize = if size > opts.threshold {
            case.shape
                .iter()
                .map(|&n| if n > 2 * e { 2 * e } else { n })
                .product()
        } else {
            size
        };
        assert_eq!(
            src.gets.get(),
            kept,
            "case {} shape {:?}",
            case.id,
            case.shape
        );
        if size >= 100_000_000 {
            assert!(kept <= 36, "case {}", case.id);
            checked += 1;
        }
    }
    assert!(checked >= 6, "only {checked} huge cases");
}

/// No option value, however silly, may panic.
#[test]
fn extreme_options_do_not_panic() {
    let sources: Vec<Box<dyn ElemSource>> = vec![
        Box::new(floats(&[
            0.1,
            1e300,
            -5e-324,
            f64::NAN,
            f64::INFINITY,
            -0.0,
        ])),
        Box::new(arange(&[3, 4, 5])),
        Box::new(DataSource {
            shape: vec![2],
            elems: vec![PElem::C64(1.0, f32::NAN), PElem::C64(-0.0, 1e30)],
        }),
        Box::new(DataSource {
            shape: vec![],
            elems: vec![PElem::F16(0x7bff)],
        }),
    ];
    for src in &sources {
        for precision in [0, 1, 17, 400, 16_000, 100_000, usize::MAX] {
            for floatmode in [
                FloatMode::Fixed,
                FloatMode::Unique,
                FloatMode::Maxprec,
                FloatMode::MaxprecEqual,
            ] {
                for linewidth in [0, 1, 2, usize::MAX] {
                    for (threshold, edgeitems) in [(0, 0), (1, usize::MAX), (usize::MAX, 1)] {
                        let o = PrintOptions {
                            precision,
                            floatmode,
                            linewidth,
                            threshold,
                            edgeitems,
                            sign: SignMode::Space,
                            nanstr: String::new(),
                            infstr: "∞".to_string(),
                            suppress: precision % 2 == 0,
                        };
                        let _ = array_str(src.as_ref(), &o);
                        let _ = array_repr(src.as_ref(), &o, "float64", false);
                    }
                }
            }
        }
    }
    for x in [0.0, -1.5, 1e308, 5e-324, f64::NAN] {
        for p in [None, Some(0), Some(1 << 20), Some(usize::MAX)] {
            for pad in [None, Some(usize::MAX), Some(16_383)] {
                let pa = PositionalArgs {
                    precision: p,
                    unique: p.is_none(),
                    pad_left: pad,
                    pad_right: pad,
                    min_digits: p,
                    ..PositionalArgs::default()
                };
                let _ = format_float_positional(PFloat::F64(x), &pa);
                let sa = ScientificArgs {
                    precision: p,
                    pad_left: pad,
                    exp_digits: pad,
                    min_digits: p,
                    ..ScientificArgs::default()
                };
                let _ = format_float_scientific(PFloat::F64(x), &sa);
            }
        }
    }
}

/// Runs a case file given by `NUMPYX_PRINT_CASES` (same format as
/// testdata/cases.txt, e.g. a large random batch from a fuzzing variant of
/// gen.py): `NUMPYX_PRINT_CASES=/tmp/fuzz.txt cargo test --release --lib
/// print::numpy::tests::external_cases -- --ignored`.
#[test]
#[ignore]
fn external_cases() {
    let Ok(path) = std::env::var("NUMPYX_PRINT_CASES") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("case file");
    let cases = parse_case_text(&text);
    let mut failures = 0;
    for case in &cases {
        let got = run_case(case);
        if !matches(&case.expect, &got) {
            failures += 1;
            if failures <= 30 {
                eprintln!(
                    "case {} {} dtype={} shape={:?} opts={:?} args={:?} data={:?}\n  want: {:?}\n  got:  {:?}",
                    case.id,
                    case.kind,
                    case.dtype,
                    case.shape,
                    case.opts,
                    case.args,
                    case.data,
                    describe(&case.expect),
                    got
                );
            }
        }
    }
    assert_eq!(failures, 0, "{failures} of {} cases differ", cases.len());
}

/// Rough timings (run with `-- --ignored --nocapture`): 1000 random float64
/// values printed in full, and a summarised 10^8-element source.
#[test]
#[ignore]
fn print_speed() {
    let mut s: u64 = 88_172_645_463_325_252;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let values: Vec<f64> = (0..1000).map(|_| next() * 100.0).collect();
    let src = floats(&values);
    let d = PrintOptions::default();
    for (name, opts) in [
        ("maxprec", d.clone()),
        (
            "fixed 17",
            PrintOptions {
                floatmode: FloatMode::Fixed,
                precision: 17,
                ..d.clone()
            },
        ),
    ] {
        let t = std::time::Instant::now();
        let mut len = 0;
        for _ in 0..20 {
            len += text(array_str(&src, &opts)).len();
        }
        eprintln!(
            "1000 floats, {name}: {:?} per print ({len})",
            t.elapsed() / 20
        );
    }
    let big = gen_source(
        &[100_000_000],
        "float64",
        "fiota 3fb999999999999a 0000000000000000",
    );
    let t = std::time::Instant::now();
    for _ in 0..20 {
        text(array_repr(&big, &d, "float64", true));
    }
    eprintln!("10^8 summarised: {:?} per print", t.elapsed() / 20);
}
