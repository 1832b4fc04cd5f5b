//! Annotations on the brief: the W3C-shaped model, an atomic and locked store, re-anchoring of
//! highlights after the brief is revised, and export to W3C Web Annotation, Readwise CSV and
//! Markdown.
//!
//! Positions are Unicode code-point (char) offsets into the brief's document string: the NFC
//! paragraphs in reading order joined by `"\n\n"`.

pub mod anchor;
pub mod draft;
pub mod export;
pub mod model;
pub mod store;

pub use anchor::{Anchor, DocIndex, ReanchorReport, reanchor, reanchor_all};
pub use export::{
    ImportError, PassageContext, Report, cite, foreign_sources, from_w3c, merge, to_csv,
    to_csv_paged, to_html, to_markdown, to_readwise_csv, to_report_markdown, to_w3c, to_w3c_paged,
};
pub use model::{
    Annotation, EntityReview, EntityReviews, FORMAT_VERSION, Highlight, NotesFile, Target,
    Tombstone, Verdict, tags_in, text_hash,
};
pub use store::{NoteStore, Notice, StoreError, default_path};
