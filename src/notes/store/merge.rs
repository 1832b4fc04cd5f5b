//! Merging two versions of a notes file: the one on disk (maybe written by another window)
//! and the one in memory. The newer change to each annotation wins; a delete is a change.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::DateTime;

use crate::notes::model::{Annotation, EntityReviews, Tombstone};

/// Tombstones kept at most (the newest); older deletes can no longer be told apart from notes
/// that never existed, which only matters for a window left open that long.
const MAX_TOMBSTONES: usize = 10_000;

/// The merge of `mine` (in memory) and `theirs` (on disk), each with its deletes.
///
/// Per id the later `modified` wins (mine on a tie); an annotation deleted at or after its
/// last change is dropped; an annotation changed after its delete comes back. Mine keep their
/// order, theirs follow.
pub(crate) fn merge(
    mine: &[Annotation],
    my_deletes: &[Tombstone],
    theirs: Vec<Annotation>,
    their_deletes: Vec<Tombstone>,
) -> (Vec<Annotation>, Vec<Tombstone>) {
    let mut dead: HashMap<String, String> = HashMap::new();
    for t in their_deletes.into_iter().chain(my_deletes.iter().cloned()) {
        let keep = dead
            .get(&t.id)
            .is_none_or(|d| later(&t.deleted, d) == Ordering::Greater);
        if keep {
            dead.insert(t.id, t.deleted);
        }
    }
    let mut theirs_by_id: HashMap<String, Annotation> =
        theirs.into_iter().map(|a| (a.id.clone(), a)).collect();
    let mut merged = Vec::with_capacity(mine.len() + theirs_by_id.len());
    for a in mine {
        let newest = match theirs_by_id.remove(&a.id) {
            Some(t) if later(&t.modified, &a.modified) == Ordering::Greater => t,
            _ => a.clone(),
        };
        merged.push(newest);
    }
    let mut rest: Vec<Annotation> = theirs_by_id.into_values().collect();
    rest.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    merged.extend(rest);
    merged.retain(|a| {
        dead.get(&a.id)
            .is_none_or(|d| later(&a.modified, d) == Ordering::Greater)
    });
    for a in &merged {
        dead.remove(&a.id);
    }
    let mut deletes: Vec<Tombstone> = dead
        .into_iter()
        .map(|(id, deleted)| Tombstone { id, deleted })
        .collect();
    deletes.sort_by(|a, b| later(&b.deleted, &a.deleted).then_with(|| a.id.cmp(&b.id)));
    deletes.truncate(MAX_TOMBSTONES);
    (merged, deletes)
}

/// The merge of two sets of entity reviews: per entity the later verdict wins (mine on a tie).
pub(crate) fn merge_reviews(mine: &EntityReviews, theirs: EntityReviews) -> EntityReviews {
    let mut merged = theirs;
    for (id, r) in mine {
        let newer = merged
            .get(id)
            .is_none_or(|t| later(&r.at, &t.at) != Ordering::Less);
        if newer {
            merged.insert(id.clone(), r.clone());
        }
    }
    merged
}

/// Compare two RFC 3339 times (as times when both parse, else as text).
fn later(a: &str, b: &str) -> Ordering {
    match (
        DateTime::parse_from_rfc3339(a),
        DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::Target;

    fn note(id: &str, modified: &str, text: &str) -> Annotation {
        let target = Target::from_document("가나다라", 0, 2).unwrap();
        let mut a = Annotation::new(target, None, text);
        a.id = id.into();
        a.modified = modified.into();
        a.created = "2026-01-01T00:00:00.000Z".into();
        a
    }

    fn dead(id: &str, at: &str) -> Tombstone {
        Tombstone {
            id: id.into(),
            deleted: at.into(),
        }
    }

    const T1: &str = "2026-01-01T00:00:01.000Z";
    const T2: &str = "2026-01-01T00:00:02.000Z";
    const T3: &str = "2026-01-01T00:00:03.000Z";

    #[test]
    fn newer_edit_wins_and_both_sides_are_kept() {
        let mine = [note("a", T1, "mine old"), note("b", T3, "mine")];
        let theirs = vec![note("a", T2, "theirs new"), note("c", T1, "only theirs")];
        let (m, d) = merge(&mine, &[], theirs, Vec::new());
        let notes: Vec<&str> = m.iter().map(|a| a.note.as_str()).collect();
        assert_eq!(notes, ["theirs new", "mine", "only theirs"]);
        assert!(d.is_empty());
    }

    #[test]
    fn delete_wins_over_older_change_and_loses_to_newer() {
        let theirs = vec![note("a", T1, "x"), note("b", T3, "edited after")];
        let (m, d) = merge(&[], &[dead("a", T2), dead("b", T2)], theirs, Vec::new());
        assert_eq!(m.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["b"]);
        assert_eq!(d, [dead("a", T2)]);
    }

    #[test]
    fn later_review_wins() {
        use crate::notes::model::{EntityReview, Verdict};
        let review = |verdict, at: &str| EntityReview {
            verdict,
            at: at.into(),
        };
        let mine = EntityReviews::from([
            ("a".to_string(), review(Verdict::Dropped, T1)),
            ("b".to_string(), review(Verdict::Confirmed, T3)),
        ]);
        let theirs = EntityReviews::from([
            ("a".to_string(), review(Verdict::Confirmed, T2)),
            ("b".to_string(), review(Verdict::Dropped, T2)),
            ("c".to_string(), review(Verdict::Dropped, T1)),
        ]);
        let merged = merge_reviews(&mine, theirs);
        let verdicts: Vec<Verdict> = merged.values().map(|r| r.verdict).collect();
        assert_eq!(
            verdicts,
            [Verdict::Confirmed, Verdict::Confirmed, Verdict::Dropped]
        );
    }

    #[test]
    fn their_delete_removes_my_stale_copy() {
        let (m, d) = merge(&[note("a", T1, "x")], &[], Vec::new(), vec![dead("a", T2)]);
        assert!(m.is_empty());
        assert_eq!(d.len(), 1);
    }
}
