//! Ordered maps and sets on one sorted `Vec`, in place of `BTreeMap` and
//! `BTreeSet`.
//!
//! Every `BTreeMap` type compiles its own node code into the wasm (about
//! 2.7 KB per key and value type; a dozen of them made 35 KB). A
//! [`SortedMap`] compiles a binary search and a `Vec` insert, and sorts
//! through [`crate::core::sort`]. Iteration is in key order, as with a
//! `BTreeMap`. Build a large one in one go from its pairs
//! ([`SortedMap::from_pairs`], `collect`): adding keys one at a time shifts
//! the keys after each, which is for maps that stay small.

use crate::core::sort;

/// A map kept as pairs sorted by key, each key once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    pairs: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { pairs: Vec::new() }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The map of `pairs`, in any order; a key given more than once keeps
    /// its last value, as inserting the pairs in turn would.
    pub fn from_pairs(mut pairs: Vec<(K, V)>) -> Self {
        sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        // Equal keys are adjacent and in their given order: keep the last.
        pairs.reverse();
        pairs.dedup_by(|later, kept| later.0 == kept.0);
        pairs.reverse();
        SortedMap { pairs }
    }

    fn find(&self, key: &K) -> Result<usize, usize> {
        self.pairs.binary_search_by(|(k, _)| k.cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).ok().map(|at| &self.pairs[at].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`, giving back the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.pairs[at].1, value)),
            Err(at) => {
                self.pairs.insert(at, (key, value));
                None
            }
        }
    }

    /// The value of `key`, added as `make` gives it when there is none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(&key) {
            Ok(at) => at,
            Err(at) => {
                self.pairs.insert(at, (key, make()));
                at
            }
        };
        &mut self.pairs[at].1
    }

    /// The pairs in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.into_iter()
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.pairs.iter().map(|(_, v)| v)
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Self::from_pairs(pairs.into_iter().collect())
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    /// The pairs in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.pairs.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    /// The pairs in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.pairs.iter().map(|(k, v)| (k, v))
    }
}

/// A set kept as a sorted `Vec`, each item once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedSet<T> {
    items: Vec<T>,
}

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet { items: Vec::new() }
    }
}

impl<T: Ord> SortedSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The set of `items`, in any order, each kept once.
    pub fn from_items(mut items: Vec<T>) -> Self {
        sort::sort(&mut items);
        items.dedup();
        SortedSet { items }
    }

    /// Whether `item` is in the set.
    pub fn contains(&self, item: &T) -> bool {
        self.items.binary_search(item).is_ok()
    }

    /// Adds `item`; `false` when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.items.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.items.insert(at, item);
                true
            }
        }
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Self::from_items(items.into_iter().collect())
    }
}

/// How many items [`SortedSet::extend`] inserts one by one; more are
/// merged in one sort.
const FEW: usize = 16;

impl<T: Ord> Extend<T> for SortedSet<T> {
    /// Adds `items`: a few one by one, many in one sort (the set's items
    /// and theirs are two ordered runs when both are sorted, merged in
    /// linear time), so extending a set with thousands of items costs no
    /// more than building it.
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let new: Vec<T> = items.into_iter().collect();
        if new.len() <= FEW {
            for item in new {
                self.insert(item);
            }
            return;
        }
        let mut all = std::mem::take(&mut self.items);
        all.extend(new);
        *self = Self::from_items(all);
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    /// The items in order.
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// A few hundred mixes of inserts and lookups give what `BTreeMap` and
    /// `BTreeSet` give.
    #[test]
    fn they_agree_with_the_btree_collections() {
        for seed in 0..300u64 {
            let mut k = seed;
            let mut next = || {
                k = k
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (k >> 33) % 40
            };
            let pairs: Vec<(u64, u64)> = (0..seed % 60).map(|_| (next(), next())).collect();
            let built: SortedMap<u64, u64> = pairs.iter().copied().collect();
            let reference: BTreeMap<u64, u64> = pairs.iter().copied().collect();
            assert!(
                built.iter().map(|(k, v)| (*k, *v)).eq(reference.clone()),
                "seed {seed}"
            );
            let mut grown = SortedMap::new();
            let mut grown_ref = BTreeMap::new();
            for &(key, value) in &pairs {
                assert_eq!(grown.insert(key, value), grown_ref.insert(key, value));
                *grown.get_or_insert_with(key + 1, || 0) += 1;
                *grown_ref.entry(key + 1).or_insert(0) += 1;
            }
            assert!(grown.iter().map(|(k, v)| (*k, *v)).eq(grown_ref.clone()));
            for probe in 0..45 {
                assert_eq!(built.get(&probe), reference.get(&probe));
                assert_eq!(grown.contains_key(&probe), grown_ref.contains_key(&probe));
            }
            let items: Vec<u64> = pairs.iter().map(|p| p.0).collect();
            let mut set: SortedSet<u64> = items.iter().copied().take(5).collect();
            let mut set_ref: BTreeSet<u64> = items.iter().copied().take(5).collect();
            for &item in items.iter().skip(5) {
                assert_eq!(set.insert(item), set_ref.insert(item));
            }
            set.extend([7, 3, 99]);
            set_ref.extend([7, 3, 99]);
            let many: Vec<u64> = (0..40).map(|i| (i * 7 + seed) % 50).collect();
            set.extend(many.iter().copied());
            set_ref.extend(many.iter().copied());
            assert!(set.iter().eq(set_ref.iter()), "seed {seed}");
            assert_eq!(set.len(), set_ref.len());
            assert_eq!(set.contains(&7), set_ref.contains(&7));
        }
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let map = SortedMap::from_pairs(vec![("b", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5)]);
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [("a", 4), ("b", 3), ("c", 5)]
        );
    }
}
