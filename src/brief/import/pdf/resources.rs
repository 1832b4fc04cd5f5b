//! Resource lookup for a page or form (fonts, XObjects), and the fonts
//! read so far, shared by all pages.

use super::font::Font;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::HashMap;
use std::rc::Rc;

/// The resource dictionaries in scope, nearest first.
pub(super) struct Resources<'a> {
    dicts: Vec<&'a Dictionary>,
}

impl<'a> Resources<'a> {
    /// A page's resources, inherited ones included.
    pub(super) fn of_page(doc: &'a Document, page: ObjectId) -> Self {
        let Ok((inline, ids)) = doc.get_page_resources(page) else {
            return Resources { dicts: Vec::new() };
        };
        let referenced = ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok());
        Resources {
            dicts: inline.into_iter().chain(referenced).collect(),
        }
    }

    /// A form's own resources, or the enclosing ones when it has none.
    pub(super) fn for_form(&self, doc: &'a Document, form: &'a Dictionary) -> Resources<'a> {
        match deref_dict(doc, form.get(b"Resources").ok()) {
            Some(own) => Resources { dicts: vec![own] },
            None => Resources {
                dicts: self.dicts.clone(),
            },
        }
    }

    fn entry(&self, doc: &'a Document, category: &[u8], name: &[u8]) -> Option<&'a Object> {
        self.dicts.iter().find_map(|d| {
            let group = deref_dict(doc, d.get(category).ok())?;
            group.get(name).ok()
        })
    }

    /// A named XObject's stream.
    pub(super) fn x_object(&self, doc: &'a Document, name: &[u8]) -> Option<&'a Stream> {
        let obj = self.entry(doc, b"XObject", name)?;
        doc.dereference(obj).ok()?.1.as_stream().ok()
    }
}

fn deref_dict<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a Dictionary> {
    doc.dereference(obj?).ok()?.1.as_dict().ok()
}

/// Fonts read so far, by object id: a font is read once per document.
#[derive(Default)]
pub(super) struct Fonts {
    by_id: HashMap<ObjectId, Rc<Font>>,
}

impl Fonts {
    /// The font a `Tf` names in the given scope.
    pub(super) fn get(&mut self, doc: &Document, res: &Resources, name: &[u8]) -> Option<Rc<Font>> {
        let obj = res.entry(doc, b"Font", name)?;
        let (id, resolved) = doc.dereference(obj).ok()?;
        let dict = resolved.as_dict().ok()?;
        let Some(id) = id else {
            return Some(Rc::new(Font::read(doc, dict)));
        };
        Some(
            self.by_id
                .entry(id)
                .or_insert_with(|| Rc::new(Font::read(doc, dict)))
                .clone(),
        )
    }
}
