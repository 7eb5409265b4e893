//! How a document is laid out for display: lines, their direction, and the
//! nesting of span fragments inside each line.
//!
//! The view draws one block per line and, inside it, a tree of text runs and
//! span marks. Properly nested spans become nested marks; a span that crosses
//! another's boundary is cut into fragments that share its [`SpanId`], so every
//! span stays visible and selectable.
//!
//! The view draws only some lines of a long document; [`SpanIndex`] finds
//! the spans of one line ([`line_fragments`]) without a pass over every span
//! or every line, so an edit costs what the drawn lines cost.

use crate::core::sort;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::bidi::is_strong_rtl;
use super::model::{Document, Span, SpanId};
use super::text::LineRange;

/// Reading direction of a line or document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The dominant direction of `text`: the direction of most strong letters,
/// ties going to the first strong letter. `None` when there are no letters
/// (digits and punctuation only), so the line inherits its parent's.
pub fn dominant_direction(text: &str) -> Option<Direction> {
    let mut rtl = 0usize;
    let mut ltr = 0usize;
    let mut first = None;
    for ch in text.chars() {
        let dir = if is_strong_rtl(ch) {
            Direction::Rtl
        } else if ch.is_alphabetic() {
            Direction::Ltr
        } else {
            continue;
        };
        first.get_or_insert(dir);
        match dir {
            Direction::Rtl => rtl += 1,
            Direction::Ltr => ltr += 1,
        }
    }
    match rtl.cmp(&ltr) {
        std::cmp::Ordering::Greater => Some(Direction::Rtl),
        std::cmp::Ordering::Less => Some(Direction::Ltr),
        std::cmp::Ordering::Equal => first,
    }
}

/// A piece of a span that lies within one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fragment {
    /// The span this fragment belongs to.
    pub id: SpanId,
    /// The whole span's start (what `data-span-start` shows).
    pub span_start: usize,
    /// The whole span's end.
    pub span_end: usize,
    /// The span's label.
    pub label: crate::core::model::LabelName,
    /// This fragment's start, within the line.
    pub start: usize,
    /// This fragment's end, within the line.
    pub end: usize,
    /// Who proposed the span, in a team document (see
    /// [`crate::core::curation`]); empty otherwise.
    pub annotators: Vec<String>,
    /// Whether a curator accepted the span.
    pub accepted: bool,
}

impl Fragment {
    /// The part of `span` inside `line`, if any.
    fn clip(span: &Span, line: LineRange) -> Option<Fragment> {
        let start = span.start.max(line.start);
        let end = span.end.min(line.end);
        (start < end).then(|| Fragment {
            id: span.id,
            span_start: span.start,
            span_end: span.end,
            label: span.label.clone(),
            start,
            end,
            annotators: span.annotators.clone(),
            accepted: span.accepted,
        })
    }
}

/// A node of a line's display tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Plain text `[start, end)`.
    Text {
        /// First code point.
        start: usize,
        /// One past the last.
        end: usize,
    },
    /// A span fragment and what it contains.
    Mark {
        /// The fragment.
        fragment: Fragment,
        /// Text and nested marks inside it.
        children: Vec<Node>,
    },
}

/// For each line, the fragments of the spans that touch it, in nesting order.
///
/// Runs in `O(lines + spans · lines per span)`.
pub fn fragments_by_line(doc: &Document, lines: &[LineRange]) -> Vec<Vec<Fragment>> {
    let mut result = vec![Vec::new(); lines.len()];
    for span in &doc.spans {
        let mut line = lines.partition_point(|l| l.end <= span.start);
        while let Some(range) = lines.get(line) {
            if range.start >= span.end {
                break;
            }
            if let Some(fragment) = Fragment::clip(span, *range) {
                result[line].push(fragment);
            }
            line += 1;
        }
    }
    result
}

/// The spans of a document indexed by position, so that the fragments of
/// one line are found without looking at every span or every line: built
/// once per version of the spans in `O(spans log spans)`, queried in
/// `O(log spans + spans found)`.
///
/// Spans are kept sorted by start with a max-end segment tree over them;
/// a query walks down only into subtrees that hold a span reaching past the
/// line's start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanIndex {
    /// Indices into the document's span list, by start (stable).
    order: Vec<usize>,
    /// The starts of `order`'s spans.
    starts: Vec<usize>,
    /// Segment tree of the largest end under each node; leaves from `size`.
    max_end: Vec<usize>,
    size: usize,
}

impl SpanIndex {
    /// Indexes `spans` (a document's span list, in any order).
    pub fn new(spans: &[Span]) -> Self {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        sort::sort_by_key(&mut order, |i| spans[*i].start);
        let starts = order.iter().map(|i| spans[*i].start).collect();
        let size = order.len().next_power_of_two();
        let mut max_end = vec![0; 2 * size];
        for (leaf, i) in order.iter().enumerate() {
            max_end[size + leaf] = spans[*i].end;
        }
        for node in (1..size).rev() {
            max_end[node] = max_end[2 * node].max(max_end[2 * node + 1]);
        }
        SpanIndex {
            order,
            starts,
            max_end,
            size,
        }
    }

    /// Number of spans indexed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether no span is indexed.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The indices (into the span list it was built from, ascending) of the
    /// spans that share at least one code point with `[start, end)`.
    pub fn overlapping(&self, start: usize, end: usize) -> Vec<usize> {
        let mut found = Vec::new();
        let before = self.starts.partition_point(|s| *s < end);
        if before > 0 {
            self.collect(1, 0, self.size, before, start, &mut found);
        }
        sort::sort(&mut found);
        found
    }

    /// Collects the spans among leaves `[lo, hi)` of `node`, limited to the
    /// first `limit` leaves, that end after `start`.
    fn collect(
        &self,
        node: usize,
        lo: usize,
        hi: usize,
        limit: usize,
        start: usize,
        found: &mut Vec<usize>,
    ) {
        if lo >= limit || self.max_end.get(node).is_none_or(|end| *end <= start) {
            return;
        }
        if hi - lo == 1 {
            if let Some(i) = self.order.get(lo) {
                found.push(*i);
            }
            return;
        }
        let mid = (lo + hi) / 2;
        self.collect(2 * node, lo, mid, limit, start, found);
        self.collect(2 * node + 1, mid, hi, limit, start, found);
    }
}

/// The fragments of the spans that touch `line`, in the order of `spans`
/// (the document's nesting order): what [`fragments_by_line`] gives for
/// that line, found through `index` (built from `spans`).
pub fn line_fragments(spans: &[Span], index: &SpanIndex, line: LineRange) -> Vec<Fragment> {
    index
        .overlapping(line.start, line.end)
        .into_iter()
        .filter_map(|i| spans.get(i))
        .filter_map(|span| Fragment::clip(span, line))
        .collect()
}

/// Builds the display tree of `[start, end)` holding `fragments`, which must
/// lie within that range.
pub fn nest(start: usize, end: usize, fragments: &[Fragment]) -> Vec<Node> {
    struct Frame {
        fragment: Option<Fragment>,
        end: usize,
        children: Vec<Node>,
    }
    fn push_text(frame: &mut Frame, from: usize, to: usize) {
        if from < to {
            frame.children.push(Node::Text {
                start: from,
                end: to,
            });
        }
    }
    fn close(stack: &mut Vec<Frame>, pos: &mut usize) {
        if let Some(mut frame) = stack.pop() {
            let frame_end = frame.end;
            push_text(&mut frame, *pos, frame_end);
            *pos = frame.end;
            if let (Some(parent), Some(fragment)) = (stack.last_mut(), frame.fragment) {
                parent.children.push(Node::Mark {
                    fragment,
                    children: frame.children,
                });
            }
        }
    }

    // Longest first among equal starts, so outer spans open before inner ones.
    let mut queue: BinaryHeap<Reverse<(usize, Reverse<usize>, usize)>> = BinaryHeap::new();
    let mut pieces: Vec<Fragment> = Vec::with_capacity(fragments.len());
    for fragment in fragments {
        queue.push(Reverse((
            fragment.start,
            Reverse(fragment.end),
            pieces.len(),
        )));
        pieces.push(fragment.clone());
    }
    let mut stack = vec![Frame {
        fragment: None,
        end,
        children: Vec::new(),
    }];
    let mut pos = start;
    while let Some(Reverse((piece_start, Reverse(piece_end), index))) = queue.pop() {
        while stack.len() > 1 && stack.last().is_some_and(|top| top.end <= piece_start) {
            close(&mut stack, &mut pos);
        }
        let Some(top) = stack.last_mut() else { break };
        push_text(top, pos, piece_start);
        pos = piece_start;
        let clipped_end = piece_end.min(top.end);
        if clipped_end < piece_end {
            let mut rest = pieces[index].clone();
            rest.start = clipped_end;
            queue.push(Reverse((rest.start, Reverse(rest.end), pieces.len())));
            pieces.push(rest);
        }
        let mut fragment = pieces[index].clone();
        fragment.start = piece_start;
        fragment.end = clipped_end;
        stack.push(Frame {
            fragment: Some(fragment),
            end: clipped_end,
            children: Vec::new(),
        });
    }
    while stack.len() > 1 {
        close(&mut stack, &mut pos);
    }
    let mut root = stack.pop().map(|frame| frame.children).unwrap_or_default();
    if pos < end {
        root.push(Node::Text { start: pos, end });
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::model::Workspace;

    fn frag(id: u64, start: usize, end: usize) -> Fragment {
        Fragment {
            id: SpanId(id),
            span_start: start,
            span_end: end,
            label: "PER".into(),
            start,
            end,
            annotators: Vec::new(),
            accepted: false,
        }
    }

    fn flatten(nodes: &[Node], depth: usize, out: &mut Vec<(usize, usize, usize, Option<u64>)>) {
        for node in nodes {
            match node {
                Node::Text { start, end } => out.push((depth, *start, *end, None)),
                Node::Mark { fragment, children } => {
                    out.push((depth, fragment.start, fragment.end, Some(fragment.id.0)));
                    flatten(children, depth + 1, out);
                }
            }
        }
    }

    #[test]
    fn plain_line_is_one_text_node() {
        assert_eq!(nest(5, 10, &[]), vec![Node::Text { start: 5, end: 10 }]);
    }

    #[test]
    fn nested_spans_nest_and_text_tiles_the_line() {
        let nodes = nest(0, 10, &[frag(1, 2, 8), frag(2, 4, 6)]);
        let mut flat = Vec::new();
        flatten(&nodes, 0, &mut flat);
        assert_eq!(
            flat,
            [
                (0, 0, 2, None),
                (0, 2, 8, Some(1)),
                (1, 2, 4, None),
                (1, 4, 6, Some(2)),
                (2, 4, 6, None),
                (1, 6, 8, None),
                (0, 8, 10, None),
            ]
        );
    }

    #[test]
    fn crossing_span_is_split_into_fragments() {
        let nodes = nest(0, 10, &[frag(1, 1, 5), frag(2, 3, 8)]);
        let mut flat = Vec::new();
        flatten(&nodes, 0, &mut flat);
        let marks: Vec<_> = flat
            .iter()
            .filter(|n| n.3.is_some())
            .map(|n| (n.0, n.1, n.2, n.3))
            .collect();
        assert_eq!(
            marks,
            [(0, 1, 5, Some(1)), (1, 3, 5, Some(2)), (0, 5, 8, Some(2))]
        );
        let texts: usize = flat
            .iter()
            .filter(|n| n.3.is_none())
            .map(|n| n.2 - n.1)
            .sum();
        assert_eq!(texts, 10, "every character appears exactly once");
    }

    #[test]
    fn identical_ranges_nest_rather_than_vanish() {
        let nodes = nest(0, 4, &[frag(1, 0, 4), frag(2, 0, 4)]);
        let mut flat = Vec::new();
        flatten(&nodes, 0, &mut flat);
        assert_eq!(
            flat,
            [(0, 0, 4, Some(1)), (1, 0, 4, Some(2)), (2, 0, 4, None)]
        );
    }

    #[test]
    fn spans_across_lines_are_cut_per_line() {
        let mut ws = Workspace::default();
        let doc = ws.new_document("a", "ab\ncd\nef");
        let id = doc.id;
        ws.documents.push(doc.into());
        Edit::add_span(&mut ws, id, 1, 7, "LOC")
            .and_then(|e| e.apply(&mut ws))
            .expect("adds");
        let doc = &ws.documents[0];
        let lines = doc.text.lines();
        let by_line = fragments_by_line(doc, &lines);
        let ranges: Vec<Vec<(usize, usize)>> = by_line
            .iter()
            .map(|f| f.iter().map(|f| (f.start, f.end)).collect())
            .collect();
        assert_eq!(ranges, vec![vec![(1, 3)], vec![(3, 6)], vec![(6, 7)]]);
        assert!(
            by_line
                .iter()
                .flatten()
                .all(|f| f.span_start == 1 && f.span_end == 7)
        );
    }

    #[test]
    fn the_span_index_finds_what_a_pass_over_every_line_finds() {
        // A fixed pseudo-random document: lines of varied length, spans
        // short and long, nested, crossing, empty-free, across lines.
        let mut seed: u64 = 0x5eed;
        let mut next = |bound: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % bound.max(1)
        };
        let mut text = String::new();
        for _ in 0..300 {
            let len = next(40);
            text.extend(std::iter::repeat_n('ب', len));
            text.push('\n');
        }
        let mut ws = Workspace::default();
        let doc = ws.new_document("a", &text);
        let id = doc.id;
        ws.documents.push(doc.into());
        let len = ws.documents[0].text.char_len();
        for _ in 0..400 {
            let start = next(len - 1);
            let long = next(10) == 0;
            let end = (start + 1 + next(if long { 2000 } else { 12 })).min(len);
            let label = ["PER", "LOC"][next(2)];
            if let Ok(edit) = Edit::add_span(&mut ws, id, start, end, label) {
                edit.apply(&mut ws).expect("applies");
            }
        }
        let doc = &ws.documents[0];
        assert!(doc.spans.len() > 300);
        let lines = doc.text.lines();
        let index = SpanIndex::new(&doc.spans);
        assert_eq!(index.len(), doc.spans.len());
        let all = fragments_by_line(doc, &lines);
        for (line, expected) in lines.iter().zip(&all) {
            assert_eq!(
                &line_fragments(&doc.spans, &index, *line),
                expected,
                "{line:?}"
            );
        }
        assert!(SpanIndex::new(&[]).overlapping(0, 10).is_empty());
    }

    #[test]
    fn direction_follows_the_majority_of_letters() {
        assert_eq!(
            dominant_direction("قال الكاظمي إن CNN"),
            Some(Direction::Rtl)
        );
        assert_eq!(dominant_direction("CNN: قالت"), Some(Direction::Rtl));
        assert_eq!(
            dominant_direction("The word بغداد means Baghdad"),
            Some(Direction::Ltr)
        );
        assert_eq!(dominant_direction("09/12/2021"), None);
        assert_eq!(
            dominant_direction("ab قل"),
            Some(Direction::Ltr),
            "tie goes to the first letter"
        );
    }
}
