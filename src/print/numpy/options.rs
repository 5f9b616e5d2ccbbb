//! NumPy's print options (`np.set_printoptions` / `np.get_printoptions` state), with NumPy's defaults.

/// `floatmode`: how `precision` is interpreted for floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatMode {
    /// Exactly `precision` fraction digits for every element.
    Fixed,
    /// Shortest unique digits, `precision` ignored.
    Unique,
    /// At most `precision` fraction digits (the default).
    Maxprec,
    /// At most `precision`, and the same number for every element.
    MaxprecEqual,
}

impl FloatMode {
    /// Parses NumPy's names `fixed`, `unique`, `maxprec`, `maxprec_equal`.
    pub fn parse(name: &str) -> Option<FloatMode> {
        match name {
            "fixed" => Some(FloatMode::Fixed),
            "unique" => Some(FloatMode::Unique),
            "maxprec" => Some(FloatMode::Maxprec),
            "maxprec_equal" => Some(FloatMode::MaxprecEqual),
            _ => None,
        }
    }

    /// The name `get_printoptions()` reports.
    pub fn name(self) -> &'static str {
        match self {
            FloatMode::Fixed => "fixed",
            FloatMode::Unique => "unique",
            FloatMode::Maxprec => "maxprec",
            FloatMode::MaxprecEqual => "maxprec_equal",
        }
    }
}

/// `sign`: what non-negative numbers get in the sign position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignMode {
    /// `'-'`: nothing (the default).
    Minus,
    /// `'+'`: a plus sign.
    Plus,
    /// `' '`: a space.
    Space,
}

impl SignMode {
    /// Parses `'-'`, `'+'`, `' '`.
    pub fn parse(code: &str) -> Option<SignMode> {
        match code {
            "-" => Some(SignMode::Minus),
            "+" => Some(SignMode::Plus),
            " " => Some(SignMode::Space),
            _ => None,
        }
    }

    /// The one-character code `get_printoptions()` reports.
    pub fn code(self) -> &'static str {
        match self {
            SignMode::Minus => "-",
            SignMode::Plus => "+",
            SignMode::Space => " ",
        }
    }
}

/// The print options that affect arrays (NumPy scalars ignore all of them).
/// `legacy` printing modes are not supported: this is always `legacy=False`.
/// `formatter` and `override_repr` (Python callables) belong to the
/// interpreter, not to this layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintOptions {
    /// Fraction digits for floats (default 8).
    pub precision: usize,
    /// Arrays with more elements than this are summarised (default 1000).
    pub threshold: usize,
    /// Items kept at each end of a summarised axis (default 3).
    pub edgeitems: usize,
    /// Characters per line (default 75).
    pub linewidth: usize,
    /// Never switch to scientific notation for small values (default false).
    pub suppress: bool,
    pub nanstr: String,
    pub infstr: String,
    pub sign: SignMode,
    pub floatmode: FloatMode,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            nanstr: "nan".to_string(),
            infstr: "inf".to_string(),
            sign: SignMode::Minus,
            floatmode: FloatMode::Maxprec,
        }
    }
}
