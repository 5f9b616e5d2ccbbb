//! Data types: names and spellings, NumPy's promotion table, casting rules, NEP 50
//! `result_type` with weak Python scalars, and the `finfo`/`iinfo` facts.

use super::{ArrayError, Result};

/// The numeric dtypes the runtime supports (native byte order only).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum DType {
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float16,
    Float32,
    Float64,
    Complex64,
    Complex128,
}

/// NumPy's casting rules, from strictest to loosest.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Casting {
    No,
    Equiv,
    Safe,
    SameKind,
    Unsafe,
}

impl Casting {
    /// `'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe'`.
    pub fn parse(s: &str) -> Option<Casting> {
        Some(match s {
            "no" => Casting::No,
            "equiv" => Casting::Equiv,
            "safe" => Casting::Safe,
            "same_kind" => Casting::SameKind,
            "unsafe" => Casting::Unsafe,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            Casting::No => "no",
            Casting::Equiv => "equiv",
            Casting::Safe => "safe",
            Casting::SameKind => "same_kind",
            Casting::Unsafe => "unsafe",
        }
    }
}

/// A Python scalar taking part in promotion: "weak" under NEP 50 (a Python `bool` is
/// simply the strong `DType::Bool`, which gives the same results).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Weak {
    Int,
    Float,
    Complex,
}

/// `np.finfo` facts for a float dtype (complex dtypes report their component's).
#[derive(Copy, Clone, PartialEq, Debug)]
pub struct FloatInfo {
    pub bits: u32,
    /// Decimal digits of precision: 3, 6, 15.
    pub precision: u32,
    pub eps: f64,
    pub epsneg: f64,
    pub max: f64,
    pub min: f64,
    /// Smallest positive normal number (`tiny`, `smallest_normal`).
    pub tiny: f64,
    pub smallest_subnormal: f64,
    pub resolution: f64,
    pub nmant: u32,
    pub nexp: u32,
    pub minexp: i32,
    pub maxexp: i32,
}

/// `np.iinfo` facts for an integer dtype.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct IntInfo {
    pub bits: u32,
    pub min: i128,
    pub max: i128,
}

use DType::*;

/// Every dtype in NumPy's type-number order (`?bhilBHILefdFD`).
pub const ALL_DTYPES: [DType; 14] = [
    Bool, Int8, Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float16, Float32, Float64,
    Complex64, Complex128,
];

impl DType {
    /// `np.dtype(x).name`: `"float32"`.
    pub fn name(self) -> &'static str {
        match self {
            Bool => "bool",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            UInt8 => "uint8",
            UInt16 => "uint16",
            UInt32 => "uint32",
            UInt64 => "uint64",
            Float16 => "float16",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
        }
    }

    /// `dtype.kind`: `'b' 'i' 'u' 'f' 'c'`.
    pub fn kind(self) -> char {
        match self {
            Bool => 'b',
            Int8 | Int16 | Int32 | Int64 => 'i',
            UInt8 | UInt16 | UInt32 | UInt64 => 'u',
            Float16 | Float32 | Float64 => 'f',
            Complex64 | Complex128 => 'c',
        }
    }

    pub fn itemsize(self) -> usize {
        match self {
            Bool | Int8 | UInt8 => 1,
            Int16 | UInt16 | Float16 => 2,
            Int32 | UInt32 | Float32 => 4,
            Int64 | UInt64 | Float64 | Complex64 => 8,
            Complex128 => 16,
        }
    }

    /// `dtype.char`: `'?' 'b' 'h' 'i' 'l' 'B' 'H' 'I' 'L' 'e' 'f' 'd' 'F' 'D'`.
    pub fn char(self) -> char {
        match self {
            Bool => '?',
            Int8 => 'b',
            Int16 => 'h',
            Int32 => 'i',
            Int64 => 'l',
            UInt8 => 'B',
            UInt16 => 'H',
            UInt32 => 'I',
            UInt64 => 'L',
            Float16 => 'e',
            Float32 => 'f',
            Float64 => 'd',
            Complex64 => 'F',
            Complex128 => 'D',
        }
    }

    /// `dtype.str`: `"<f4"`, `"|b1"`, `"|i1"` (one-byte types have no byte order).
    pub fn str_(self) -> String {
        let order = if self.itemsize() == 1 { '|' } else { '<' };
        let kind = self.kind();
        format!("{order}{kind}{}", self.itemsize())
    }

    pub fn is_bool(self) -> bool {
        self == Bool
    }
    pub fn is_signed_int(self) -> bool {
        self.kind() == 'i'
    }
    pub fn is_unsigned_int(self) -> bool {
        self.kind() == 'u'
    }
    /// Signed or unsigned integer (not bool).
    pub fn is_integer(self) -> bool {
        matches!(self.kind(), 'i' | 'u')
    }
    pub fn is_float(self) -> bool {
        self.kind() == 'f'
    }
    pub fn is_complex(self) -> bool {
        self.kind() == 'c'
    }
    /// Float or complex.
    pub fn is_inexact(self) -> bool {
        matches!(self.kind(), 'f' | 'c')
    }

    /// The real dtype of a complex one (`complex64 → float32`); other dtypes are themselves.
    pub fn real_dtype(self) -> DType {
        match self {
            Complex64 => Float32,
            Complex128 => Float64,
            d => d,
        }
    }

    /// The complex dtype whose parts are this float (`float16/32 → complex64`, `float64 →
    /// complex128`); complex dtypes are themselves, others `None`.
    pub fn complex_dtype(self) -> Option<DType> {
        match self {
            Float16 | Float32 | Complex64 => Some(Complex64),
            Float64 | Complex128 => Some(Complex128),
            _ => None,
        }
    }

    /// Kind rank used by promotion: bool < int (signed or unsigned) < float < complex.
    fn kind_rank(self) -> u8 {
        match self.kind() {
            'b' => 0,
            'i' | 'u' => 1,
            'f' => 2,
            _ => 3,
        }
    }

    /// Every string `np.dtype(s)` accepts for these types: names (`"float32"`, `"double"`,
    /// `"int_"`, …), Python type names (`"float"`, `"int"`, `"complex"`, `"bool"`), one-letter
    /// codes (`"d"`, `"l"`, `"?"`), kind+size codes (`"f8"`, `"u1"`, `"c16"`, `"b1"`) and the
    /// latter two with a native/any byte-order prefix (`"<f8"`, `"=i4"`, `"|b1"`).
    pub fn parse(spelling: &str) -> Option<DType> {
        if let Some(d) = Self::parse_name(spelling) {
            return Some(d);
        }
        let code = match spelling.as_bytes().first() {
            Some(b'<' | b'=' | b'|') => &spelling[1..],
            _ => spelling,
        };
        Self::parse_code(code)
    }

    fn parse_name(s: &str) -> Option<DType> {
        Some(match s {
            "bool" | "bool_" => Bool,
            "int8" | "byte" => Int8,
            "int16" | "short" => Int16,
            "int32" | "intc" => Int32,
            "int64" | "int" | "int_" | "intp" | "long" | "longlong" => Int64,
            "uint8" | "ubyte" => UInt8,
            "uint16" | "ushort" => UInt16,
            "uint32" | "uintc" => UInt32,
            "uint64" | "uint" | "uintp" | "ulong" | "ulonglong" => UInt64,
            "float16" | "half" => Float16,
            "float32" | "single" => Float32,
            "float64" | "float" | "double" => Float64,
            "complex64" | "csingle" => Complex64,
            "complex128" | "complex" | "cdouble" => Complex128,
            _ => return None,
        })
    }

    fn parse_code(s: &str) -> Option<DType> {
        Some(match s {
            "?" | "b1" => Bool,
            "b" | "i1" => Int8,
            "h" | "i2" => Int16,
            "i" | "i4" => Int32,
            "l" | "q" | "p" | "n" | "i8" => Int64,
            "B" | "u1" => UInt8,
            "H" | "u2" => UInt16,
            "I" | "u4" => UInt32,
            "L" | "Q" | "P" | "N" | "u8" => UInt64,
            "e" | "f2" => Float16,
            "f" | "f4" => Float32,
            "d" | "f8" => Float64,
            "F" | "c8" => Complex64,
            "D" | "c16" => Complex128,
            _ => return None,
        })
    }

    /// [`DType::parse`] or NumPy's `TypeError: data type 'foo' not understood`.
    pub fn parse_or_err(spelling: &str) -> Result<DType> {
        Self::parse(spelling).ok_or_else(|| {
            ArrayError::type_(format!(
                "data type {} not understood",
                py_str_repr(spelling)
            ))
        })
    }

    /// `np.finfo(dtype)`; `None` for non-inexact dtypes.
    pub fn finfo(self) -> Option<FloatInfo> {
        Some(match self.real_dtype() {
            Float16 => FloatInfo {
                bits: 16,
                precision: 3,
                eps: 0.0009765625,
                epsneg: 0.00048828125,
                max: 65504.0,
                min: -65504.0,
                tiny: 6.103515625e-05,
                smallest_subnormal: 5.960464477539063e-08,
                resolution: 0.0010004043579101562,
                nmant: 10,
                nexp: 5,
                minexp: -14,
                maxexp: 16,
            },
            Float32 => FloatInfo {
                bits: 32,
                precision: 6,
                eps: f32::EPSILON as f64,
                epsneg: 5.960464477539063e-08,
                max: f32::MAX as f64,
                min: f32::MIN as f64,
                tiny: f32::MIN_POSITIVE as f64,
                smallest_subnormal: 1.401298464324817e-45,
                resolution: 1e-6f32 as f64,
                nmant: 23,
                nexp: 8,
                minexp: -126,
                maxexp: 128,
            },
            Float64 => FloatInfo {
                bits: 64,
                precision: 15,
                eps: f64::EPSILON,
                epsneg: 1.1102230246251565e-16,
                max: f64::MAX,
                min: f64::MIN,
                tiny: f64::MIN_POSITIVE,
                smallest_subnormal: 5e-324,
                resolution: 1e-15,
                nmant: 52,
                nexp: 11,
                minexp: -1022,
                maxexp: 1024,
            },
            _ => return None,
        })
    }

    /// `np.iinfo(dtype)`; `None` for non-integer dtypes.
    pub fn iinfo(self) -> Option<IntInfo> {
        let (bits, min, max): (u32, i128, i128) = match self {
            Int8 => (8, i8::MIN as i128, i8::MAX as i128),
            Int16 => (16, i16::MIN as i128, i16::MAX as i128),
            Int32 => (32, i32::MIN as i128, i32::MAX as i128),
            Int64 => (64, i64::MIN as i128, i64::MAX as i128),
            UInt8 => (8, 0, u8::MAX as i128),
            UInt16 => (16, 0, u16::MAX as i128),
            UInt32 => (32, 0, u32::MAX as i128),
            UInt64 => (64, 0, u64::MAX as i128),
            _ => return None,
        };
        Some(IntInfo { bits, min, max })
    }
}

/// Python's `repr` of a str for messages (single quotes unless the text holds one).
pub(crate) fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `np.promote_types(a, b)`: NumPy's table (section 6.1 of the fidelity notes).
pub fn promote_types(a: DType, b: DType) -> DType {
    if a == b {
        return a;
    }
    if a == Bool {
        return b;
    }
    if b == Bool {
        return a;
    }
    let (ka, kb) = (a.kind_rank(), b.kind_rank());
    if ka == kb {
        if a.kind() == b.kind() {
            // Same kind: the larger one.
            return if a.itemsize() >= b.itemsize() { a } else { b };
        }
        // Signed with unsigned: the smallest signed type holding both.
        let (s, u) = if a.is_signed_int() { (a, b) } else { (b, a) };
        return match u.itemsize() {
            8 => Float64,
            n => signed_of_size((n * 2).max(s.itemsize())),
        };
    }
    let (lo, hi) = if ka < kb { (a, b) } else { (b, a) };
    // Integers ⊕ inexact: a float with enough mantissa for the integer, at least `hi`.
    let need = match lo.kind() {
        'i' | 'u' => match lo.itemsize() {
            1 => Float16,
            2 => Float32,
            _ => Float64,
        },
        _ => lo, // float ⊕ complex
    };
    if hi.is_float() {
        if need.itemsize() > hi.itemsize() {
            need
        } else {
            hi
        }
    } else {
        // hi is complex: its parts must hold `need`.
        let part = promote_types(need, hi.real_dtype());
        part.complex_dtype().unwrap_or(Complex128)
    }
}

fn signed_of_size(n: usize) -> DType {
    match n {
        1 => Int8,
        2 => Int16,
        4 => Int32,
        _ => Int64,
    }
}

/// `np.can_cast(from, to, casting)` for dtypes.
pub fn can_cast(from: DType, to: DType, casting: Casting) -> bool {
    match casting {
        Casting::No | Casting::Equiv => from == to,
        Casting::Unsafe => true,
        Casting::Safe => promote_types(from, to) == to,
        Casting::SameKind => {
            // Safe casts, plus any cast within a kind or towards a higher kind in
            // NumPy's order b < u < i < f < c (so int8 → uint8 is not same_kind).
            let rank = |d: DType| "buifc".find(d.kind()).unwrap_or(0);
            promote_types(from, to) == to || rank(from) <= rank(to)
        }
    }
}

/// NEP 50 `np.result_type` over strong dtypes (arrays and NumPy scalars) and weak Python
/// scalars. `strong` empty and `weak` empty gives `None`.
pub fn result_type(strong: &[DType], weak: &[Weak]) -> Option<DType> {
    let strong_result = strong.iter().copied().reduce(promote_types);
    let weak_max = weak.iter().copied().max_by_key(|w| *w as u8);
    match (strong_result, weak_max) {
        (None, None) => None,
        (Some(s), None) => Some(s),
        (None, Some(w)) => Some(weak_default(w)),
        (Some(s), Some(w)) => Some(promote_weak(s, w)),
    }
}

/// The dtype a Python scalar gets alone: int64, float64, complex128.
pub fn weak_default(w: Weak) -> DType {
    match w {
        Weak::Int => Int64,
        Weak::Float => Float64,
        Weak::Complex => Complex128,
    }
}

/// A strong dtype combined with a weak Python scalar of kind `w`: the strong dtype when its
/// kind is at least the scalar's, else the scalar's default kind (`float16 + 1j →
/// complex64`, `int8 + 1.5 → float64`, `bool + 1 → int64`).
pub fn promote_weak(s: DType, w: Weak) -> DType {
    let w_rank = match w {
        Weak::Int => 1,
        Weak::Float => 2,
        Weak::Complex => 3,
    };
    if s.kind_rank() >= w_rank {
        return s;
    }
    match (w, s.kind()) {
        (Weak::Complex, 'f') => s.complex_dtype().unwrap_or(Complex128),
        _ => weak_default(w),
    }
}

/// NumPy's `TypeError` for a disallowed array cast.
pub fn cast_error(from: DType, to: DType, casting: Casting) -> ArrayError {
    ArrayError::type_(format!(
        "Cannot cast array data from dtype('{}') to dtype('{}') according to the rule '{}'",
        from.name(),
        to.name(),
        casting.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_char(c: char) -> DType {
        *ALL_DTYPES.iter().find(|d| d.char() == c).unwrap()
    }

    #[test]
    fn names_and_codes() {
        // [(np.dtype(c).name, np.dtype(c).str, np.dtype(c).itemsize) for c in '?bhilBHILefdFD']
        let expect = [
            ("bool", "|b1", 1),
            ("int8", "|i1", 1),
            ("int16", "<i2", 2),
            ("int32", "<i4", 4),
            ("int64", "<i8", 8),
            ("uint8", "|u1", 1),
            ("uint16", "<u2", 2),
            ("uint32", "<u4", 4),
            ("uint64", "<u8", 8),
            ("float16", "<f2", 2),
            ("float32", "<f4", 4),
            ("float64", "<f8", 8),
            ("complex64", "<c8", 8),
            ("complex128", "<c16", 16),
        ];
        for (d, (name, s, size)) in ALL_DTYPES.iter().zip(expect) {
            assert_eq!(d.name(), name);
            assert_eq!(d.str_(), s);
            assert_eq!(d.itemsize(), size);
            assert_eq!(DType::parse(name), Some(*d));
            assert_eq!(DType::parse(s), Some(*d));
            assert_eq!(DType::parse(&d.char().to_string()), Some(*d));
        }
    }

    #[test]
    fn parse_spellings() {
        // Each checked with np.dtype(s).name in NumPy 2.4.6.
        let ok = [
            ("f4", Float32),
            ("float", Float64),
            ("double", Float64),
            ("single", Float32),
            ("half", Float16),
            ("f8", Float64),
            ("d", Float64),
            ("i", Int32),
            ("int", Int64),
            ("int_", Int64),
            ("intp", Int64),
            ("i8", Int64),
            ("l", Int64),
            ("long", Int64),
            ("longlong", Int64),
            ("q", Int64),
            ("p", Int64),
            ("u1", UInt8),
            ("uint8", UInt8),
            ("ubyte", UInt8),
            ("B", UInt8),
            ("?", Bool),
            ("bool", Bool),
            ("bool_", Bool),
            ("b1", Bool),
            ("b", Int8),
            ("byte", Int8),
            ("short", Int16),
            ("ushort", UInt16),
            ("intc", Int32),
            ("uintc", UInt32),
            ("uint", UInt64),
            ("uintp", UInt64),
            ("ulong", UInt64),
            ("Q", UInt64),
            ("P", UInt64),
            ("c16", Complex128),
            ("complex", Complex128),
            ("complex128", Complex128),
            ("cdouble", Complex128),
            ("csingle", Complex64),
            ("c8", Complex64),
            ("F", Complex64),
            ("D", Complex128),
            ("<f8", Float64),
            ("=i4", Int32),
            ("|b1", Bool),
            ("|i1", Int8),
            ("<i1", Int8),
            ("|f8", Float64),
            ("<?", Bool),
            ("<d", Float64),
            ("=l", Int64),
            ("<F", Complex64),
            ("e", Float16),
            ("f2", Float16),
        ];
        for (s, d) in ok {
            assert_eq!(DType::parse(s), Some(d), "{s}");
        }
        // np.dtype(s) raises TypeError for each of these (or the type is unsupported here).
        for s in [
            "<bool",
            "<float64",
            "i16",
            "u16",
            "f1",
            "c4",
            " f8",
            "f8 ",
            "F8",
            "b2",
            "Bool",
            "Int64",
            "float_",
            "complex_",
            "cfloat",
            "singlecomplex",
            "bool8",
            "int0",
            "=",
            "<",
            "",
            ">f8",
            "g",
            "f16",
            "O",
            "U",
            "S",
        ] {
            assert_eq!(DType::parse(s), None, "{s}");
        }
        // np.array([1, 2]).astype('foo')
        assert_eq!(
            DType::parse_or_err("foo").unwrap_err().msg,
            "data type 'foo' not understood"
        );
    }

    // np.promote_types(a, b).char for a, b in '?bhilBHILefdFD'
    const PROMOTE: &str = "\
? b h i l B H I L e f d F D
b b h i l h i l d e f d F D
h h h i l h i l d f f d F D
i i i i l i i l d d d d D D
l l l l l l l l d d d d D D
B h h i l B H I L e f d F D
H i i i l H H I L f f d F D
I l l l l I I I L d d d D D
L d d d d L L L L d d d D D
e e f d d e f d d e f d F D
f f f d d f f d d f f d F D
d d d d d d d d d d d d D D
F F F D D F F D D F F D F D
D D D D D D D D D D D D D D";

    #[test]
    fn promotion_table() {
        for (a, line) in ALL_DTYPES.iter().zip(PROMOTE.lines()) {
            for (b, c) in ALL_DTYPES.iter().zip(line.split(' ')) {
                let c = c.chars().next().unwrap();
                assert_eq!(promote_types(*a, *b), from_char(c), "{a:?} {b:?}");
            }
        }
    }

    // ''.join('1' if np.can_cast(a, b, rule) else '0' for b in '?bhilBHILefdFD')
    const SAFE: &str = "11111111111111 01111000011111 00111000001111 00011000000101 \
00001000000101 00111111111111 00011011101111 00001001100101 00000000100101 00000000011111 \
00000000001111 00000000000101 00000000000011 00000000000001";
    const SAME_KIND: &str = "11111111111111 01111000011111 01111000011111 01111000011111 \
01111000011111 01111111111111 01111111111111 01111111111111 01111111111111 00000000011111 \
00000000011111 00000000011111 00000000000011 00000000000011";

    #[test]
    fn casting_tables() {
        for (rule, table) in [(Casting::Safe, SAFE), (Casting::SameKind, SAME_KIND)] {
            for (a, row) in ALL_DTYPES.iter().zip(table.split(' ')) {
                for (b, bit) in ALL_DTYPES.iter().zip(row.chars()) {
                    assert_eq!(can_cast(*a, *b, rule), bit == '1', "{a:?}->{b:?} {rule:?}");
                }
            }
        }
        for a in ALL_DTYPES {
            for b in ALL_DTYPES {
                assert_eq!(can_cast(a, b, Casting::No), a == b);
                assert_eq!(can_cast(a, b, Casting::Equiv), a == b);
                assert!(can_cast(a, b, Casting::Unsafe));
            }
        }
        // np.arange(3.).astype(np.int64, casting='safe')
        assert_eq!(
            cast_error(Float64, Int64, Casting::Safe).msg,
            "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"
        );
    }

    #[test]
    fn weak_scalars() {
        // [np.result_type(np.dtype(a), w).char for w in (True, 1, 1.0, 1j)]
        let expect = [
            "?ldD", "bbdD", "hhdD", "iidD", "lldD", "BBdD", "HHdD", "IIdD", "LLdD", "eeeF", "fffF",
            "dddD", "FFFF", "DDDD",
        ];
        for (a, row) in ALL_DTYPES.iter().zip(expect) {
            let r: Vec<char> = row.chars().collect();
            assert_eq!(result_type(&[*a, Bool], &[]), Some(from_char(r[0])));
            assert_eq!(result_type(&[*a], &[Weak::Int]), Some(from_char(r[1])));
            assert_eq!(result_type(&[*a], &[Weak::Float]), Some(from_char(r[2])));
            assert_eq!(
                result_type(&[*a], &[Weak::Complex]),
                Some(from_char(r[3])),
                "{a:?}"
            );
        }
        // np.result_type(1, 2.0), np.result_type(1, 1j), np.result_type(1)
        assert_eq!(result_type(&[], &[Weak::Int, Weak::Float]), Some(Float64));
        assert_eq!(
            result_type(&[], &[Weak::Int, Weak::Complex]),
            Some(Complex128)
        );
        assert_eq!(result_type(&[], &[Weak::Int]), Some(Int64));
        // np.result_type(np.int8, 1, 2.0) -> float64; np.result_type(np.float16, 1j, 1) -> complex64
        assert_eq!(
            result_type(&[Int8], &[Weak::Int, Weak::Float]),
            Some(Float64)
        );
        assert_eq!(
            result_type(&[Float16], &[Weak::Complex, Weak::Int]),
            Some(Complex64)
        );
        assert_eq!(result_type(&[], &[]), None);
    }

    #[test]
    fn info() {
        // np.finfo(np.float16): precision 3, eps 0.0009765625, max 65504, tiny 6.103515625e-05
        let f = Float16.finfo().unwrap();
        assert_eq!(
            (f.precision, f.eps, f.max, f.tiny),
            (3, 0.0009765625, 65504.0, 6.103515625e-05)
        );
        let f = Complex64.finfo().unwrap();
        assert_eq!(f.precision, 6);
        assert_eq!(f.eps, 1.1920928955078125e-07);
        assert_eq!(f.max, 3.4028234663852886e+38);
        assert_eq!(f.tiny, 1.1754943508222875e-38);
        assert_eq!(f.resolution, 9.999999974752427e-07);
        let f = Float64.finfo().unwrap();
        assert_eq!(
            (f.precision, f.eps, f.tiny),
            (15, 2.220446049250313e-16, 2.2250738585072014e-308)
        );
        assert_eq!(Int64.finfo(), None);
        assert_eq!(UInt64.iinfo().unwrap().max, 18446744073709551615);
        assert_eq!(Int8.iinfo().unwrap().min, -128);
        assert_eq!(Float32.iinfo(), None);
    }
}
