//! NumPy's array layout (`array2string`, `array_str`, `array_repr`): summarisation to the kept corners, brackets, separators, line wrapping with hanging indents, and the `shape=`/`dtype=` extras of `repr`.

use super::floatfmt::ElemFormatter;
use super::options::PrintOptions;
use super::scalar::scalar_str;
use super::{ElemSource, PElem, PrintError};

/// Number of elements, saturating (a shape can describe more elements than
/// fit in memory; only the kept ones are ever fetched).
fn size_of(shape: &[usize]) -> usize {
    shape.iter().fold(1usize, |acc, &n| acc.saturating_mul(n))
}

/// Python's `repr` of a shape tuple: `()`, `(5,)`, `(2, 0)`.
pub fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

fn chars(s: &str) -> i64 {
    i64::try_from(s.chars().count()).unwrap_or(i64::MAX)
}

/// The elements NumPy's `_leading_trailing` keeps, fetched once each and
/// stored row-major over the kept index space.
struct Kept {
    shape: Vec<usize>,
    /// Per axis: is only the first and last `edge` entries kept?
    cut: Vec<bool>,
    /// Per axis: number of kept entries.
    lens: Vec<usize>,
    edge: usize,
    elems: Vec<PElem>,
}

impl Kept {
    /// Fetches the kept corner elements.  With `edgeitems = 0` NumPy's
    /// `a[-0:]` keeps whole axes, and so do we.
    fn gather<S: ElemSource + ?Sized>(src: &S, summarise: bool, edge: usize) -> Kept {
        let shape = src.shape().to_vec();
        let cut: Vec<bool> = shape
            .iter()
            .map(|&n| summarise && edge > 0 && n > edge.saturating_mul(2))
            .collect();
        let lens: Vec<usize> = shape
            .iter()
            .zip(&cut)
            .map(|(&n, &c)| if c { 2 * edge } else { n })
            .collect();
        let total = size_of(&lens);
        let mut elems = Vec::with_capacity(total.min(1 << 20));
        let mut kpos = vec![0usize; shape.len()];
        let mut index = vec![0usize; shape.len()];
        if total > 0 {
            loop {
                for axis in 0..shape.len() {
                    let k = kpos[axis];
                    index[axis] = if cut[axis] && k >= edge {
                        shape[axis] - 2 * edge + k
                    } else {
                        k
                    };
                }
                elems.push(src.get(&index));
                // Odometer step over the kept space.
                let mut axis = shape.len();
                loop {
                    if axis == 0 {
                        return Kept {
                            shape,
                            cut,
                            lens,
                            edge,
                            elems,
                        };
                    }
                    axis -= 1;
                    kpos[axis] += 1;
                    if kpos[axis] < lens[axis] {
                        break;
                    }
                    kpos[axis] = 0;
                }
            }
        }
        Kept {
            shape,
            cut,
            lens,
            edge,
            elems,
        }
    }

    /// The kept element at an original index.
    fn at(&self, index: &[usize]) -> PElem {
        let mut flat = 0usize;
        for (axis, &i) in index.iter().enumerate() {
            let k = if self.cut[axis] && i >= self.edge {
                i - (self.shape[axis] - 2 * self.edge)
            } else {
                i
            };
            flat = flat * self.lens[axis] + k;
        }
        self.elems.get(flat).copied().unwrap_or(PElem::Bool(false))
    }
}

/// A line being filled, with its length in characters.
struct Line {
    text: String,
    len: i64,
}

impl Line {
    fn new(prefix: &str) -> Line {
        Line {
            text: prefix.to_string(),
            len: chars(prefix),
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.len += chars(s);
    }
}

/// State shared by the recursion of NumPy's `_formatArray`.
struct Layout<'a> {
    kept: &'a Kept,
    formatter: &'a ElemFormatter,
    separator: &'a str,
    summarise: bool,
    edge: usize,
}

impl Layout<'_> {
    /// NumPy's `_extendLine`: wrap before `word` if it would pass `width`,
    /// unless the line holds nothing but its indent.
    fn extend_line(s: &mut String, line: &mut Line, word: &str, width: i64, indent: &str) {
        let word_len = chars(word);
        if line.len + word_len > width && line.len > chars(indent) {
            s.push_str(line.text.trim_end());
            s.push('\n');
            *line = Line::new(indent);
        }
        line.push(word);
    }

    fn recurse(
        &self,
        index: &mut Vec<usize>,
        indent: &str,
        width: i64,
    ) -> Result<String, PrintError> {
        let axis = index.len();
        let ndim = self.kept.shape.len();
        if axis == ndim {
            return self.formatter.format(self.kept.at(index));
        }
        let axes_left = ndim - axis;
        let next_indent = format!("{indent} ");
        let next_width = width - 1;
        let len = self.kept.shape[axis];
        let show_summary = self.summarise && self.edge.saturating_mul(2) < len;
        let (leading, trailing) = if show_summary {
            (self.edge, self.edge)
        } else {
            (0, len)
        };
        let child = |i: usize, index: &mut Vec<usize>| {
            index.push(i);
            let r = self.recurse(index, &next_indent, next_width);
            index.pop();
            r
        };
        let mut s = String::new();
        if axes_left == 1 {
            let sep_len = chars(self.separator.trim_end()).max(1);
            let elem_width = width - sep_len;
            let mut line = Line::new(indent);
            for i in 0..leading {
                let word = child(i, index)?;
                Self::extend_line(&mut s, &mut line, &word, elem_width, indent);
                line.push(self.separator);
            }
            if show_summary {
                Self::extend_line(&mut s, &mut line, "...", elem_width, indent);
                line.push(self.separator);
            }
            for i in (2..=trailing).rev() {
                let word = child(len - i, index)?;
                Self::extend_line(&mut s, &mut line, &word, elem_width, indent);
                line.push(self.separator);
            }
            let word = child(len - 1, index)?;
            Self::extend_line(&mut s, &mut line, &word, elem_width, indent);
            s.push_str(&line.text);
        } else {
            let line_sep = format!(
                "{}{}",
                self.separator.trim_end(),
                "\n".repeat(axes_left - 1)
            );
            for i in 0..leading {
                let nested = child(i, index)?;
                s.push_str(indent);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            if show_summary {
                s.push_str(indent);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trailing).rev() {
                let nested = child(len - i, index)?;
                s.push_str(indent);
                s.push_str(&nested);
                s.push_str(&line_sep);
            }
            let nested = child(len - 1, index)?;
            s.push_str(indent);
            s.push_str(&nested);
        }
        // Replace the first line's indent by the opening bracket.
        let body = s.get(indent.len()..).unwrap_or("");
        Ok(format!("[{body}]"))
    }
}

/// NumPy's `np.array2string(a, max_line_width, separator=, prefix=,
/// suffix=)` with the options in `opts`: `[]` for empty arrays, the formatted
/// element for 0-d arrays, otherwise the bracketed, wrapped, possibly
/// summarised text (without `prefix`/`suffix` themselves, whose lengths only
/// shape the indentation and the usable width `linewidth - len(suffix)`).
pub fn array2string<S: ElemSource + ?Sized>(
    src: &S,
    opts: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
    max_line_width: Option<usize>,
) -> Result<String, PrintError> {
    let shape = src.shape();
    let size = size_of(shape);
    if size == 0 {
        return Ok("[]".to_string());
    }
    let linewidth = i64::try_from(max_line_width.unwrap_or(opts.linewidth)).unwrap_or(i64::MAX);
    let width = linewidth.saturating_sub(chars(suffix));
    let summarise = size > opts.threshold;
    let kept = Kept::gather(src, summarise, opts.edgeitems);
    let formatter = ElemFormatter::new(&kept.elems, shape.is_empty(), opts)?;
    let layout = Layout {
        kept: &kept,
        formatter: &formatter,
        separator,
        summarise,
        edge: opts.edgeitems,
    };
    let indent = " ".repeat(1 + prefix.chars().count());
    layout.recurse(&mut Vec::new(), &indent, width)
}

/// NumPy's `str(a)` / `print(a)`: `array2string(a, separator=' ')`, and for a
/// 0-d array the `str` of its scalar (`3.0`, `True`).
pub fn array_str<S: ElemSource + ?Sized>(
    src: &S,
    opts: &PrintOptions,
) -> Result<String, PrintError> {
    if src.shape().is_empty() {
        return Ok(scalar_str(src.get(&[])));
    }
    array2string(src, opts, " ", "", "", None)
}

/// NumPy's `repr(a)`: `array(` + `array2string(a, separator=', ')` + the
/// extras `shape=(…)` (empty arrays other than shape `(0,)`, and arrays with
/// more than `threshold` elements) and `dtype=name` (unless
/// `dtype_is_default`, i.e. float64, int64, complex128 or bool; always for
/// empty arrays) + `)`.  The extras go on a new line indented by 6 when they
/// would push the last line past `linewidth`.  `dtype_name` is the text after
/// `dtype=` (`float32`, or `'<U2'` with its quotes).
pub fn array_repr<S: ElemSource + ?Sized>(
    src: &S,
    opts: &PrintOptions,
    dtype_name: &str,
    dtype_is_default: bool,
) -> Result<String, PrintError> {
    const PREFIX: &str = "array(";
    let shape = src.shape();
    let size = size_of(shape);
    let body = array2string(src, opts, ", ", PREFIX, ")", None)?;
    let mut extras = Vec::new();
    if (size == 0 && shape != [0]) || size > opts.threshold {
        extras.push(format!("shape={}", shape_repr(shape)));
    }
    if !dtype_is_default || size == 0 {
        extras.push(format!("dtype={dtype_name}"));
    }
    if extras.is_empty() {
        return Ok(format!("{PREFIX}{body})"));
    }
    let arr_str = format!("{PREFIX}{body},");
    let extra_str = format!("{})", extras.join(", "));
    let last_line = arr_str.rsplit('\n').next().unwrap_or("");
    let linewidth = i64::try_from(opts.linewidth).unwrap_or(i64::MAX);
    let spacer = if chars(last_line) + chars(&extra_str) + 1 > linewidth {
        format!("\n{}", " ".repeat(PREFIX.len()))
    } else {
        " ".to_string()
    };
    Ok(format!("{arr_str}{spacer}{extra_str}"))
}
