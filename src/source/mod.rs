//! Byte-offset spans shared by tokens, the AST and errors, and the table of loaded sources.
//! Line/column numbers are computed only when an error is rendered.

use std::rc::Rc;

/// A byte range `[start, end)` inside one source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    pub fn shift(self, by: usize) -> Span {
        Span {
            start: self.start + by as u32,
            end: self.end + by as u32,
        }
    }
}

/// Index of a source in the [`SourceMap`].
pub type SrcId = u32;

/// One loaded text: a file, a `-c` string, a shell entry or embedded stdlib code.
pub struct Source {
    pub name: String,
    pub text: Rc<str>,
    line_starts: Vec<u32>,
}

impl Source {
    pub fn new(name: &str, text: &str) -> Source {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Source {
            name: name.to_string(),
            text: Rc::from(text),
            line_starts,
        }
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0) as usize;
        let end = self
            .line_starts
            .get(line)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// Converts a byte offset to a char offset (ariadne counts chars).
    pub fn char_offset(&self, byte: u32) -> usize {
        let b = (byte as usize).min(self.text.len());
        let mut b2 = b;
        while b2 > 0 && !self.text.is_char_boundary(b2) {
            b2 -= 1;
        }
        self.text[..b2].chars().count()
    }
}

/// Every source text the session has loaded; ids stay valid for the whole session.
#[derive(Default)]
pub struct SourceMap {
    sources: Vec<Rc<Source>>,
}

impl SourceMap {
    pub fn add(&mut self, name: &str, text: &str) -> SrcId {
        self.sources.push(Rc::new(Source::new(name, text)));
        (self.sources.len() - 1) as SrcId
    }
    pub fn get(&self, id: SrcId) -> &Rc<Source> {
        &self.sources[id as usize]
    }
}
