//! Entity spans laid out as properly nested highlight elements.
//!
//! An HTML element can only contain whole elements, so two entities that overlap
//! partially cannot each be one element as they are (derek's rules nest entities
//! of different types, but a records file may come from other rules or be edited
//! by hand). The choice made here: spans are sorted by start (ascending), then end
//! (descending); each entity goes inside the innermost entity still open at its
//! start, and when it runs past that container's end it is **clipped** there. So
//! every entity is still exactly one element, elements nest, and the part that
//! was cut off stays visible as plain text (or inside the next element); the
//! report says in the entity's tooltip that it was clipped and what its full text is.
//!
//! Spans beyond the text (a records file that does not match its text) are
//! clipped to the text's end, and so are spans whose end comes before their start.

/// Where one entity's element goes, in characters of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Index of the entity in the record.
    pub entity: usize,
    pub start: usize,
    pub end: usize,
    /// The element is shorter than the entity.
    pub clipped: bool,
}

/// Marks for `spans` (start, end) over a text of `len` characters, in document
/// order: an element's marks come right after it, before the elements that follow it.
pub fn layout(spans: &[(usize, usize)], len: usize) -> Vec<Mark> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, std::cmp::Reverse(spans[i].1), i));
    let mut open: Vec<usize> = Vec::new(); // ends of the elements open at the current start
    let mut marks = Vec::with_capacity(spans.len());
    for i in order {
        let (s, e) = spans[i];
        let start = s.min(len);
        let mut end = e.clamp(start, len);
        let mut clipped = end != e;
        while open.last().is_some_and(|&o| o <= start) {
            open.pop();
        }
        if let Some(&container) = open.last()
            && end > container
        {
            end = container;
            clipped = true;
        }
        open.push(end);
        marks.push(Mark { entity: i, start, end, clipped });
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marks are properly nested: replaying them with a stack never closes out of order.
    fn assert_nested(marks: &[Mark]) {
        let mut open: Vec<usize> = Vec::new();
        for m in marks {
            assert!(m.start <= m.end);
            while open.last().is_some_and(|&o| o <= m.start) {
                open.pop();
            }
            if let Some(&o) = open.last() {
                assert!(m.end <= o, "{m:?} runs past its container ending at {o}");
            }
            open.push(m.end);
        }
    }

    #[test]
    fn nested_and_separate_spans_stay_whole() {
        // An organization with a place inside, then a date.
        let marks = layout(&[(20, 25), (0, 30), (5, 11)], 40);
        assert_eq!(
            marks,
            [
                Mark { entity: 1, start: 0, end: 30, clipped: false },
                Mark { entity: 2, start: 5, end: 11, clipped: false },
                Mark { entity: 0, start: 20, end: 25, clipped: false },
            ]
        );
        assert_nested(&marks);
    }

    #[test]
    fn partial_overlap_clips_the_later_one_at_the_container_end() {
        let marks = layout(&[(0, 10), (5, 15), (12, 14)], 20);
        assert_eq!(marks[1], Mark { entity: 1, start: 5, end: 10, clipped: true });
        // (12, 14) starts after the first ended: on its own, whole.
        assert_eq!(marks[2], Mark { entity: 2, start: 12, end: 14, clipped: false });
        assert_nested(&marks);
    }

    #[test]
    fn same_span_twice_and_empty_and_out_of_range_spans() {
        let marks = layout(&[(3, 6), (3, 6), (4, 4), (8, 99), (50, 60), (7, 2)], 10);
        assert_eq!(marks.len(), 6);
        assert_nested(&marks);
        let by_entity = |i: usize| *marks.iter().find(|m| m.entity == i).unwrap();
        assert_eq!(by_entity(3), Mark { entity: 3, start: 8, end: 10, clipped: true });
        assert_eq!(by_entity(4), Mark { entity: 4, start: 10, end: 10, clipped: true });
        assert_eq!(by_entity(5), Mark { entity: 5, start: 7, end: 7, clipped: true });
        assert!(!by_entity(1).clipped && !by_entity(2).clipped);
    }

    #[test]
    fn any_spans_give_one_nested_mark_each() {
        // A small deterministic generator: every overlap pattern over a short text.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            let n = (x % 7) as usize;
            let spans: Vec<(usize, usize)> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let a = (x % 12) as usize;
                    (a, a + (x >> 8) as usize % 6)
                })
                .collect();
            let marks = layout(&spans, 14);
            let mut seen: Vec<usize> = marks.iter().map(|m| m.entity).collect();
            seen.sort();
            assert_eq!(seen, (0..n).collect::<Vec<_>>());
            assert_nested(&marks);
            x = x.wrapping_add(1);
        }
    }
}
