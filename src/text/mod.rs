//! Korean-aware text handling: sanitising input, measuring and wrapping it for the terminal,
//! and matching search queries (including initial-consonant search such as ㅂㄹ → 북러).

mod ambiguous;
mod fit;
mod hangul;
mod matcher;
pub mod osc52;
mod sanitize;
mod width;
mod wrap;

pub use ambiguous::{is_ambiguous, narrow, narrow_str};
pub use fit::ellipsize;
pub use hangul::{
    JamoSeq, decompose, fold, initial, is_compat_consonant, is_syllable, jamo_seq, to_compat,
};
pub use matcher::{Query, fold_str, key};
pub use sanitize::{sanitize, sanitize_line};
pub use width::{grapheme_width, str_width};
pub use wrap::wrap;
