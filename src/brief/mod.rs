//! The brief as data: model, importer, curated overlay and index.

pub mod cache;
pub mod error;
pub mod import;
pub mod index;
pub mod load;
pub mod message;
pub mod model;
pub mod overlay;
pub mod search;
pub mod validate;

pub use error::{LoadError, Problem};
pub use index::Index;
pub use message::Msg;
pub use model::Brief;
