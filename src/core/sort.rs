//! Sorting with one copy of the algorithm in the wasm.
//!
//! `slice::sort_by` and its kin compile a few kilobytes of code for every
//! type and comparison they are used with (the standard library's sorts are
//! tuned for speed, with unrolled small-sorts); some twenty call sites made
//! 60 KB of the wasm. The functions here sort the same way (stably: equal
//! items keep their order) through one non-generic merge sort on indices,
//! so each call site costs only its comparison. Input that is already in
//! order, or in a few ordered runs (a span appended to sorted spans), is
//! sorted in linear time.

use std::cmp::Ordering;

/// The stable sorted order of `0..len` under `less` (strictly before): a
/// natural merge sort, merging the runs already in order.
fn order(len: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    if len < 2 {
        return order;
    }
    // Run boundaries: maximal runs that are already in order.
    let mut bounds = vec![0];
    for i in 1..len {
        if less(i, i - 1) {
            bounds.push(i);
        }
    }
    bounds.push(len);
    let mut buffer = vec![0; len];
    while bounds.len() > 2 {
        let mut merged = Vec::with_capacity(bounds.len() / 2 + 2);
        for pair in bounds.windows(3).step_by(2) {
            merge(&order, &mut buffer, pair[0], pair[1], pair[2], less);
            merged.push(pair[0]);
        }
        // An odd run out is copied over as it is.
        let last = bounds[bounds.len() - 1];
        if bounds.len() % 2 == 0 {
            let start = bounds[bounds.len() - 2];
            buffer[start..last].copy_from_slice(&order[start..last]);
            merged.push(start);
        }
        merged.push(last);
        std::mem::swap(&mut order, &mut buffer);
        bounds = merged;
    }
    order
}

/// Merges the ordered runs `from[start..mid]` and `from[mid..end]` into
/// `into[start..end]`, the left run first among equals.
fn merge(
    from: &[usize],
    into: &mut [usize],
    start: usize,
    mid: usize,
    end: usize,
    less: &mut dyn FnMut(usize, usize) -> bool,
) {
    let (mut left, mut right) = (start, mid);
    for slot in &mut into[start..end] {
        let take_right = right < end && (left == mid || less(from[right], from[left]));
        if take_right {
            *slot = from[right];
            right += 1;
        } else {
            *slot = from[left];
            left += 1;
        }
    }
}

/// Puts `items` in `order` (`order[k]` is the index of the item that goes
/// to place `k`), following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut place = start;
        loop {
            let from = order[place];
            order[place] = place;
            if from == start {
                break;
            }
            items.swap(place, from);
            place = from;
        }
    }
}

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        order(items.len(), &mut |a, b| {
            compare(&items[a], &items[b]) == Ordering::Less
        })
    };
    permute(items, order);
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, like `slice::sort` (and
/// `sort_unstable`, which gives the same result for items that are equal
/// only when identical, as numbers are).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        // Pairs sorted by their first half only: ties must keep their order.
        let mut seed = 0x2545_f491_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in [0, 1, 2, 3, 7, 16, 33, 100, 1000] {
            for spread in [1, 3, 50, 1_000_000] {
                let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % spread, i)).collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |&(key, _)| key);
                let mut std = items.clone();
                std.sort_by_key(|&(key, _)| key);
                assert_eq!(ours, std, "len {len}, spread {spread}");
                // Already sorted, reversed, and sorted with one item added.
                let mut again = std.clone();
                sort_by_key(&mut again, |&(key, _)| key);
                assert_eq!(again, std);
                let mut reversed: Vec<(u64, usize)> = std.iter().rev().copied().collect();
                sort(&mut reversed);
                let mut expected = std.clone();
                expected.sort();
                assert_eq!(reversed, expected);
                let mut appended = std.clone();
                appended.push((next() % spread, len));
                let mut expected = appended.clone();
                expected.sort_by_key(|&(key, _)| key);
                sort_by(&mut appended, |a, b| a.0.cmp(&b.0));
                assert_eq!(appended, expected);
            }
        }
    }
}
