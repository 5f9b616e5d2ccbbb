//! [`RcStr`], the thin shared string of string literals and Python `str` values.

use std::rc::Rc;

/// A Python `str`: a thin reference-counted pointer, so that a [`Value`] stays two
/// words and travels in registers through the interpreter.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RcStr(Rc<Box<str>>);

impl RcStr {
    pub fn ptr_eq(a: &RcStr, b: &RcStr) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
    pub fn as_ptr(&self) -> *const u8 {
        self.0.as_ptr()
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The text as an `Rc<str>` (a copy), for the places that keep names.
    pub fn to_rc(&self) -> Rc<str> {
        Rc::from(&**self.0)
    }
}

impl std::ops::Deref for RcStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for RcStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RcStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for RcStr {
    fn from(s: &str) -> RcStr {
        RcStr(Rc::new(Box::from(s)))
    }
}

impl From<String> for RcStr {
    fn from(s: String) -> RcStr {
        RcStr(Rc::new(s.into_boxed_str()))
    }
}

impl From<&String> for RcStr {
    fn from(s: &String) -> RcStr {
        RcStr::from(s.as_str())
    }
}

impl From<Rc<str>> for RcStr {
    fn from(s: Rc<str>) -> RcStr {
        RcStr::from(&*s)
    }
}

impl From<&Rc<str>> for RcStr {
    fn from(s: &Rc<str>) -> RcStr {
        RcStr::from(&**s)
    }
}

impl From<char> for RcStr {
    fn from(c: char) -> RcStr {
        RcStr::from(c.encode_utf8(&mut [0; 4]) as &str)
    }
}

impl std::fmt::Display for RcStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&**self.0, f)
    }
}

impl std::fmt::Debug for RcStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self.0, f)
    }
}

impl PartialEq<str> for RcStr {
    fn eq(&self, o: &str) -> bool {
        **self.0 == *o
    }
}

impl PartialEq<&str> for RcStr {
    fn eq(&self, o: &&str) -> bool {
        **self.0 == **o
    }
}
